package dev.trainspec.junit;

import dev.trainspec.report.ReportSink;
import dev.trainspec.report.allure.AllureSink;
import dev.trainspec.run.WarmUp;
import dev.trainspec.run.Workers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.ArrayList;
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
        SelectorResolver selected = SelectorResolver.resolve(request, uniqueId);
        boolean aboutScenarios = !selected.scenarioSelectors().isEmpty();
        EngineSettings settings;
        try {
            settings = EngineSettings.from(request.getConfigurationParameters(), System.getenv());
        } catch (IllegalArgumentException e) {
            EngineRoot root = new EngineRoot(uniqueId, selected.scenarioSelectors(), null);
            // a failed test (no tag filter can hide it); not for a request that was never about scenarios
            selected.groups().stream().filter(g -> g.suite() != null).findFirst()
                    .ifPresent(g -> root.problemsUnder(new SuiteDescriptor(uniqueId, g.suite())));
            if (aboutScenarios) root.addProblem(Problems.configuration(uniqueId, e.getMessage()));
            return root;
        }
        EngineRoot root = new EngineRoot(uniqueId, selected.scenarioSelectors(), settings);
        TreeBuilder.build(root, selected, settings);
        // empty before any filter: a test from now on, so that a suite's tag filter cannot take the root out (EngineRoot)
        if (root.getChildren().isEmpty() && aboutScenarios) root.attach(root.emptySelection(), root.problemParent());
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
            Set<ProblemDescriptor> reported = new HashSet<>();
            for (TestDescriptor child : List.copyOf(root.getChildren())) report(root, child, Map.of(), new HashMap<>(), listener, reported);
            reportPending(root, pending(root, reported, false), new HashMap<>(), listener, reported);
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
        Set<ProblemDescriptor> reported = new HashSet<>();
        for (TestDescriptor child : List.copyOf(root.getChildren())) report(root, child, runs, sinks, listener, reported);
        reportPending(root, pending(root, reported, runs.isEmpty()), sinks, listener, reported);
    }

    /**
     * The problems a tag filter took out of the tree (a problem has no tags), and the empty
     * selection once the filters emptied it: they must still be seen, so they are registered again.
     */
    private static List<ProblemDescriptor> pending(EngineRoot root, Set<ProblemDescriptor> reported, boolean noScenario) {
        List<ProblemDescriptor> out = new ArrayList<>();
        for (ProblemDescriptor p : root.problems()) if (!reported.contains(p)) out.add(p);
        if (noScenario && root.problems().isEmpty() && !root.scenarioSelectors().isEmpty() && root.settings() != null
                && !reported.contains(root.emptySelection())) {
            out.add(root.emptySelection());
        }
        return out;
    }

    /** Registers and reports {@code pending} under the root's problem parent, started again as a container if the filters took it out. */
    private static void reportPending(EngineRoot root, List<ProblemDescriptor> pending, Map<Path, ReportSink> sinks, EngineExecutionListener listener,
                                      Set<ProblemDescriptor> reported) {
        if (pending.isEmpty()) return;
        TestDescriptor parent = root.problemParent();
        boolean container = parent != root;
        if (container) {
            if (parent.getParent().isEmpty()) {
                root.addChild(parent);
                listener.dynamicTestRegistered(parent);
            }
            listener.executionStarted(parent);
        }
        for (ProblemDescriptor p : pending) {
            if (p.getParent().isEmpty()) {
                parent.addChild(p);
                listener.dynamicTestRegistered(p);
            }
            reportProblem(root, p, sinks, listener, reported);
        }
        if (container) listener.executionFinished(parent, TestExecutionResult.successful());
    }

    private static void report(EngineRoot root, TestDescriptor d, Map<TestDescriptor, FileRun> runs, Map<Path, ReportSink> sinks,
                               EngineExecutionListener listener, Set<ProblemDescriptor> reported) {
        if (d instanceof FileDescriptor f) {
            runs.get(f).report(listener, sinks.computeIfAbsent(f.workspace().root(), AllureSink::forTestRun));
        } else if (d instanceof ProblemDescriptor p) {
            reportProblem(root, p, sinks, listener, reported);
        } else {
            listener.executionStarted(d); // a suite class read by this engine
            for (TestDescriptor child : List.copyOf(d.getChildren())) report(root, child, runs, sinks, listener, reported);
            listener.executionFinished(d, TestExecutionResult.successful());
        }
    }

    private static void reportProblem(EngineRoot root, ProblemDescriptor p, Map<Path, ReportSink> sinks, EngineExecutionListener listener,
                                      Set<ProblemDescriptor> reported) {
        reported.add(p);
        ProblemDescriptor.InvalidFile file = p.file();
        if (file == null || root.settings() == null) Problems.report(p, listener, null, null);
        else Problems.report(p, listener, sinks.computeIfAbsent(file.root(), AllureSink::forTestRun), root.settings().jsonDir(file.root()));
    }
}
