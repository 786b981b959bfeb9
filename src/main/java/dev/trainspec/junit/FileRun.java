package dev.trainspec.junit;

import dev.trainspec.check.Checker;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.Status;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.JsonResult;
import dev.trainspec.report.ReportSink;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * One file's execution: training of the variants its remaining tests need starts at once on the
 * pool (so every selected file keeps the cores busy while JUnit reports them one by one); each
 * test then waits for the judged file and reports its own variant, found by identity.
 */
final class FileRun {
    private final FileDescriptor container;
    private final CompletableFuture<FileOutcome> judged;

    private FileRun(FileDescriptor container, CompletableFuture<FileOutcome> judged) {
        this.container = container;
        this.judged = judged;
    }

    static FileRun start(FileDescriptor container, Executor pool, EngineSettings settings, Trainer.Started trainer) {
        ScenarioFile file = container.file();
        Set<Scenario> selected = new LinkedHashSet<>();
        boolean comparisons = false;
        for (TestDescriptor t : container.getChildren()) {
            if (t instanceof VariantDescriptor v) selected.add(v.variant());
            if (t instanceof ComparisonsDescriptor) comparisons = true;
        }
        ScenarioFile needed = new ScenarioFile(file.id(), file.file(), Needed.of(file, selected, comparisons),
                comparisons ? file.comparisons() : List.of());
        Snapshots snapshots = Snapshots.in(container.workspace(), settings.update(), UpdatePolicy.Door.JUNIT);
        Path jsonDir = settings.jsonDir(container.workspace().root());
        CompletableFuture<FileOutcome> judged = trainer.start(needed, pool).whenComplete((results, crash) -> {
            if (crash != null) crashed(container, jsonDir, crash instanceof CompletionException && crash.getCause() != null ? crash.getCause() : crash);
        }).thenApply(results -> {
            FileOutcome o = Checker.judge(needed, results, snapshots);
            try {
                JsonResult.write(o, jsonDir, container.workspace().root());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return o;
        });
        return new FileRun(container, judged);
    }

    /** Training crashed (an engine bug): the file's result says so (section 7: status error) instead of keeping an earlier run's. */
    private static void crashed(FileDescriptor container, Path jsonDir, Throwable cause) {
        try {
            JsonResult.writeError(container.file().id(), container.workspace().display(container.file().file()),
                    "internal error (" + cause + "); this is a bug, please report it", jsonDir);
        } catch (IOException e) {
            // the test reports the crash itself
        }
    }

    void report(EngineExecutionListener listener, ReportSink sink) {
        listener.executionStarted(container);
        for (TestDescriptor test : container.getChildren()) {
            listener.executionStarted(test);
            listener.executionFinished(test, run(test, sink, container.workspace()));
        }
        listener.executionFinished(container, TestExecutionResult.successful());
    }

    private TestExecutionResult run(TestDescriptor test, ReportSink sink, Workspace workspace) {
        try {
            FileOutcome outcome = judged.join();
            if (test instanceof VariantDescriptor v) variant(outcome, v.variant(), sink, workspace);
            else comparisons(outcome, sink, workspace);
            return TestExecutionResult.successful();
        } catch (AssertionFailedError e) {
            return TestExecutionResult.failed(e);
        } catch (RuntimeException e) {
            // training crashed (an engine bug): the test shows the cause, not the future that carried it
            return TestExecutionResult.failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static void variant(FileOutcome outcome, Scenario variant, ReportSink sink, Workspace workspace) {
        VariantOutcome v = outcome.variants().stream().filter(o -> o.result().scenario() == variant).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + variant.id() + " [" + variant.variant() + "]"));
        sink.variant(v);
        if (v.status() != Status.PASSED) {
            Path file = outcome.file().file();
            throw Problems.failure(FailureMessage.of(file, workspace.display(file), workspace::display, v),
                    FailureMessage.expected(v.failures()), FailureMessage.actual(v.failures()));
        }
    }

    private static void comparisons(FileOutcome outcome, ReportSink sink, Workspace workspace) {
        sink.comparisons(outcome);
        List<Verdict> failed = outcome.comparisons().stream().filter(v -> !v.passed()).toList();
        if (failed.isEmpty()) return;
        Path file = outcome.file().file();
        throw Problems.failure(FailureMessage.comparisons(file, workspace.display(file), workspace::display, failed), null, null);
    }
}
