package dev.trainspec.cli;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.run.Discovery;
import dev.trainspec.run.Preflight;
import dev.trainspec.run.ScenarioIds;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Printable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "lint", description = "Check scenarios as run does before training (syntax, data, shapes, loss vs widths, resource"
        + " limits), without training. Exit 0 if run would train them all, 2 if it would refuse one.")
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files or folders")
    List<Path> paths;

    @Override
    public Integer call() {
        int invalid = 0;
        int checked = 0;
        // every file's id before any is checked, as run does: files sharing an id are all invalid
        ScenarioIds ids = new ScenarioIds();
        List<ScenarioIds.Loaded> loaded = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : Discovery.find(List.of(path), Workspace.of(path).scenariosDir(), null)) loaded.add(ScenarioIds.Loaded.of(file));
        }
        loaded.forEach(ids::claim);
        for (ScenarioIds.Loaded file : loaded) {
            checked++;
            try {
                ScenarioIds.Loaded c = ids.check(file);
                if (c.problem() != null) throw c.problem();
                Preflight.check(c.scenario());
            } catch (ScenarioException e) {
                invalid++;
                System.err.println(e.getMessage());
            }
        }
        if (checked == 0) {
            // a gate that checked nothing must not pass
            System.err.println(Printable.line("no scenario file (*.yaml, *.yml) under " + paths + ": nothing was checked"));
            return ExitCodes.INVALID;
        }
        System.err.println(checked + " scenario file(s) checked, " + invalid + " invalid");
        return invalid == 0 ? ExitCodes.PASSED : ExitCodes.INVALID;
    }
}
