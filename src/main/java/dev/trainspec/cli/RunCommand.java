package dev.trainspec.cli;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.check.Checker;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Status;
import dev.trainspec.report.JsonResult;
import dev.trainspec.run.Discovery;
import dev.trainspec.export.PytorchUnavailable;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Train and check scenarios. Exit 0 if all passed, 1 if an expectation failed, 2 if a scenario is invalid.")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files or folders")
    List<Path> paths;

    @Option(names = "--json", paramLabel = "DIR", description = "where to write <id>.json (default: ${DEFAULT-VALUE})")
    Path jsonDir = Path.of("target", "trainspec");

    @Option(names = "--update", paramLabel = "POLICY",
            description = "regression snapshots: none (compare only), new (write missing ones) or all (rewrite); forced to none when CI=true (default: ${DEFAULT-VALUE})")
    String update = "none";

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        UpdatePolicy policy;
        try {
            policy = UpdatePolicy.resolve(update, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("--update: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Function<ScenarioFile, List<VariantResult>> trainer;
        try {
            trainer = engineOptions.trainer();
        } catch (IllegalArgumentException | PytorchUnavailable e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) files.addAll(Discovery.find(List.of(p), Workspace.of(p).scenariosDir(), null));
        ResultTable table = new ResultTable();
        int exit = ExitCodes.PASSED;
        int i = 0;
        for (Path file : files) {
            i++;
            Workspace workspace = Workspace.of(file);
            err.printf("[%d/%d] %s%n", i, files.size(), file);
            ScenarioFile loaded;
            try {
                loaded = ScenarioLoader.load(file, workspace);
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                table.invalid(file, e.problems().size());
                exit = Math.max(exit, ExitCodes.INVALID);
                continue;
            }
            FileOutcome outcome = Checker.judge(loaded, trainer.apply(loaded), Snapshots.in(workspace, policy));
            JsonResult.write(outcome, jsonDir, workspace.root());
            table.add(outcome);
            if (outcome.status() != Status.PASSED) exit = Math.max(exit, ExitCodes.FAILED);
        }
        System.out.print(table.render());
        err.println("results: " + jsonDir.toAbsolutePath());
        return exit;
    }
}
