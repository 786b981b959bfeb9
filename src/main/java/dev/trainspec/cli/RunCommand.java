package dev.trainspec.cli;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.check.Checker;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Status;
import dev.trainspec.report.JsonResult;
import dev.trainspec.run.DataCache;
import dev.trainspec.run.Discovery;
import dev.trainspec.export.PytorchUnavailable;
import dev.trainspec.run.ScenarioIds;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Printable;
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

@Command(name = "run", description = "Train and check scenarios. Exit 0 if all passed, 1 if an expectation failed, 2 if a scenario was refused"
        + " before training (invalid, data, shapes, limits).")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files or folders")
    List<Path> paths;

    @Option(names = "--json", paramLabel = "DIR",
            description = "where to write <id>.json (default: " + JsonResult.DEFAULT_DIR + " under each file's workspace root)")
    Path jsonDir;

    /** The folder of a file's JSON result: --json as given, else below its workspace root (never the working directory). */
    private Path jsonDirOf(Workspace workspace) {
        return jsonDir != null ? jsonDir : workspace.root().resolve(JsonResult.DEFAULT_DIR);
    }

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
            policy = UpdatePolicy.resolve(update, System.getenv(), UpdatePolicy.Door.CLI);
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
        // every file's id before any file runs: two files with one id are both invalid, whichever sorts first
        ScenarioIds ids = new ScenarioIds();
        List<ScenarioIds.Loaded> loaded = new ArrayList<>();
        for (Path file : files) loaded.add(ScenarioIds.Loaded.of(file));
        loaded.forEach(ids::claim);
        int exit = ExitCodes.PASSED;
        int i = 0;
        for (ScenarioIds.Loaded file : loaded) {
            i++;
            // the file's name comes from the pull request: a newline in it would start a line of its own in the CI log
            err.println(Printable.line("[" + i + "/" + files.size() + "] " + file.file()));
            exit = Math.max(exit, runOne(ids.check(file), ids, policy, table, trainer));
        }
        if (files.isEmpty()) {
            err.println(Printable.line("no scenario file (*.yaml, *.yml) under " + paths + ": nothing was checked"));
            exit = ExitCodes.INVALID;
        }
        System.out.print(table.render());
        err.println("results: " + (jsonDir != null ? jsonDir.toAbsolutePath() : files.isEmpty() ? "none"
                : jsonDirOf(Workspace.of(files.get(0))) + (files.size() > 1 ? " (each file's workspace root)" : "")));
        return exit;
    }

    /**
     * Runs, checks and writes one loaded file (or the error result of one that is invalid); whatever goes wrong is this file's outcome, never
     * the end of the run: the remaining files still run and report.
     */
    private int runOne(ScenarioIds.Loaded checked, ScenarioIds ids, UpdatePolicy policy, ResultTable table,
                       Function<ScenarioFile, List<VariantResult>> trainer) {
        Path file = checked.file();
        Workspace workspace = checked.workspace();
        ScenarioFile loaded = checked.scenario();
        if (loaded == null) {
            ScenarioException e = checked.problem();
            System.err.println(e.getMessage());
            table.invalid(file, e.problems().size());
            String id = checked.errorId();
            if (!ids.heldByOther(id, file)) writeError(workspace, id, file, e.messageIn(workspace));
            return ExitCodes.INVALID;
        }
        FileOutcome outcome;
        List<VariantResult> results;
        try {
            results = trainer.apply(loaded);
            outcome = Checker.judge(loaded, results, Snapshots.in(workspace, policy, UpdatePolicy.Door.CLI));
        } catch (RuntimeException e) {
            String changed = DataCache.entryChangedDuringRun(e);
            // an engine bug (exit 3): one line and the trace in a file, and the other files still run; a cache file cut short
            // under the run by another program is not a bug, and says so
            String why = changed != null ? changed : "internal error (" + e + "); this is a bug, please report it with this file: " + Crash.write(e);
            System.err.println(Printable.line(workspace.display(file) + ": " + why));
            table.error(file, "internal error");
            writeError(workspace, loaded.id(), file, why);
            return ExitCodes.CRASH;
        }
        table.add(outcome, workspace);
        int exit = outcome.status() == Status.PASSED ? ExitCodes.PASSED : ExitCodes.FAILED;
        // refused before training (data, shapes, limits): as lint would have said, exit 2
        if (results.stream().anyMatch(VariantResult::refused)) exit = ExitCodes.INVALID;
        try {
            JsonResult.write(outcome, jsonDirOf(workspace), workspace.root());
        } catch (IOException e) {
            cannotWrite(workspace, file, e);
            return ExitCodes.FAILED;
        }
        return exit;
    }

    /** The result of a file that trained nothing (section 7: status error); the exit code already says what went wrong. */
    private void writeError(Workspace workspace, String id, Path file, String message) {
        try {
            JsonResult.writeError(id, workspace.display(file), message, jsonDirOf(workspace));
        } catch (IOException e) {
            cannotWrite(workspace, file, e);
        }
    }

    private void cannotWrite(Workspace workspace, Path file, IOException e) {
        System.err.println(Printable.line(workspace.display(file) + ": cannot write its JSON result in " + jsonDirOf(workspace) + ": "
                + (e instanceof Workspace.Refused ? e.getMessage() : e.getClass().getSimpleName())));
    }
}
