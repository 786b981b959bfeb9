package dev.trainspec.junit;

import dev.trainspec.report.ReportSink;
import dev.trainspec.report.allure.AllureSink;
import dev.trainspec.run.WarmUp;
import dev.trainspec.run.Workers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * The JUnit Platform engine {@code trainspec} (SCENARIOS.md 8.1): scenario files selected by
 * directory, file (and line), class path resource or root, unique id, or a
 * {@code @Suite @IncludeEngines("trainspec")} class become one container per file and one test
 * per variant. Discovery only loads and validates; training starts when the run does, and only
 * for the variants the remaining tests need.
 */
public final class TrainspecEngine implements TestEngine {
    public static final String ID = "trainspec";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.trainspec");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("trainspec");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        SelectorResolver selected = SelectorResolver.resolve(request);
        boolean aboutScenarios = !selected.scenarioSelectors().isEmpty();
        EngineSettings settings;
        try {
            settings = EngineSettings.from(request.getConfigurationParameters(), System.getenv());
        } catch (IllegalArgumentException e) {
            EngineRoot root = new EngineRoot(uniqueId, selected.scenarioSelectors(), null);
            // a failed test (no tag filter can hide it); not for a request that was never about scenarios
            if (aboutScenarios) root.addProblem(Problems.configuration(uniqueId, e.getMessage()));
            return root;
        }
        EngineRoot root = new EngineRoot(uniqueId, selected.scenarioSelectors(), settings);
        TreeBuilder.build(root, selected, settings);
        // empty before any filter: a test from now on, so that a suite's tag filter cannot take the root out (EngineRoot)
        if (root.getChildren().isEmpty() && aboutScenarios) root.addChild(root.emptySelection());
        // the CLI's warm-up (run.WarmUp): the first file's training compiles while the launcher gets to execution
        if (!settings.trainer().pytorch()) {
            root.getDescendants().stream().filter(FileDescriptor.class::isInstance).findFirst()
                    .ifPresent(f -> WarmUp.beside(((FileDescriptor) f).file()));
        }
        return root;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineRoot root = (EngineRoot) request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        if (root.settings() == null) {
            for (ProblemDescriptor p : root.problems()) Problems.report(root, p, listener, null, null);
            listener.executionFinished(root, TestExecutionResult.successful());
            return;
        }
        try (PropertyBridge bridge = PropertyBridge.open(request.getConfigurationParameters())) {
            ExecutorService pool = bridge.threadsChanged() ? Workers.create(Workers.threads()) : Workers.pool();
            try {
                run(root, listener, pool);
            } finally {
                if (pool != Workers.pool()) pool.shutdownNow();
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    /** Starts every file's training (files in order, so the pool works through them in order), then reports them one by one. */
    private static void run(EngineRoot root, EngineExecutionListener listener, ExecutorService pool) {
        Map<TestDescriptor, FileRun> runs = new HashMap<>();
        Trainer.Started trainer = root.settings().trainer().start();
        for (TestDescriptor d : root.getDescendants()) {
            if (d instanceof FileDescriptor f) runs.put(f, FileRun.start(f, pool, root.settings(), trainer));
        }
        Map<Path, ReportSink> sinks = new HashMap<>();
        boolean anyScenario = !runs.isEmpty();
        for (TestDescriptor child : List.copyOf(root.getChildren())) {
            if (!(child instanceof ProblemDescriptor)) report(child, runs, sinks, listener);
        }
        for (ProblemDescriptor problem : root.problems()) {
            ProblemDescriptor.InvalidFile file = problem.file();
            if (file == null) Problems.report(root, problem, listener, null, null);
            else Problems.report(root, problem, listener, sinks.computeIfAbsent(file.root(), AllureSink::forTestRun), root.settings().jsonDir(file.root()));
        }
        if (!anyScenario && root.problems().isEmpty() && !root.scenarioSelectors().isEmpty()) {
            Problems.report(root, root.emptySelection(), listener, null, null);
        }
    }

    private static void report(TestDescriptor d, Map<TestDescriptor, FileRun> runs, Map<Path, ReportSink> sinks, EngineExecutionListener listener) {
        if (d instanceof FileDescriptor f) {
            runs.get(f).report(listener, sinks.computeIfAbsent(f.workspace().root(), AllureSink::forTestRun));
        } else {
            listener.executionStarted(d); // a suite class read by this engine
            for (TestDescriptor child : d.getChildren()) report(child, runs, sinks, listener);
            listener.executionFinished(d, TestExecutionResult.successful());
        }
    }
}
