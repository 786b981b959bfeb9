package dev.trainspec.cli;

import dev.trainspec.export.PytorchScript;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** SCENARIOS.md section 8.5: one variant of a scenario as a standalone PyTorch script on stdout. */
@Command(name = "export", description = "Print a scenario variant as a standalone PyTorch script (exit 2 if it cannot be exported).")
final class ExportCommand implements Callable<Integer> {
    enum Target { pytorch }

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "what to export to: ${COMPLETION-CANDIDATES}")
    Target to;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenario;

    @Option(names = "--variant", paramLabel = "NAME", description = "the variant to export (default: ${DEFAULT-VALUE})")
    String variant = "base";

    @Option(names = "--seed", paramLabel = "N", description = "export one run with this seed (default: the scenario's seeds, one per repeat)")
    Long seed;

    @Override
    public Integer call() {
        try {
            ScenarioFile file = ScenarioLoader.load(scenario);
            Scenario chosen = file.variants().stream().filter(v -> v.variant().equals(variant)).findFirst().orElse(null);
            if (chosen == null) {
                System.err.println(scenario + ": --variant " + variant + ": no such variant; the file has "
                        + String.join(", ", file.variants().stream().map(Scenario::variant).toList()));
                return ExitCodes.INVALID;
            }
            List<Long> seeds = seed == null ? PytorchScript.seeds(chosen) : List.of(seed);
            System.out.print(PytorchScript.of(chosen, seeds));
            System.out.flush();
            return ExitCodes.PASSED;
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
