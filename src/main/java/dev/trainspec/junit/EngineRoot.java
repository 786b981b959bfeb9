package dev.trainspec.junit;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The engine's root: the files found, the problems found while discovering, plus what execution
 * needs to tell an empty selection from a request that was never about scenarios. It may register
 * tests while running, so the launcher keeps it even when tag filters removed every file.
 * <p>
 * Problems (a configuration parameter that does not parse, a file that does not load, a selection
 * that is empty before any filter) are tests from discovery on, not only registered when the run
 * starts: inside a {@code @Suite} this root is not the launcher's root, and a descriptor without
 * children that a tag filter excludes is taken out with everything below it; a child keeps the
 * root in, whatever the filter then does with the child. A problem has no tags, so a filter may
 * remove it; it is registered again when the run starts ({@link Problems#report}).
 */
final class EngineRoot extends EngineDescriptor {
    private final List<String> scenarioSelectors;
    private final EngineSettings settings;
    private final List<ProblemDescriptor> problems = new ArrayList<>();
    private ProblemDescriptor emptySelection;

    EngineRoot(UniqueId id, List<String> scenarioSelectors, EngineSettings settings) {
        super(id, "trainspec");
        this.scenarioSelectors = List.copyOf(scenarioSelectors);
        this.settings = settings;
    }

    /**
     * Where problem tests hang: this root, or the container of a suite class this engine read
     * itself ({@code -Dsurefire.includeJUnit5Engines=trainspec}), because Surefire counts only the
     * tests under a container with a class source: a failed problem at the root was dropped, and
     * the build passed with an invalid scenario in it.
     */
    private TestDescriptor problemParent = this;

    void problemsUnder(TestDescriptor suite) {
        problemParent = suite;
    }

    TestDescriptor problemParent() {
        return problemParent;
    }

    /** A problem found while discovering: a test from now on (under {@code parent}), reported failed when the run starts. */
    void addProblem(ProblemDescriptor problem, TestDescriptor parent) {
        problems.add(problem);
        attach(problem, parent);
    }

    void addProblem(ProblemDescriptor problem) {
        addProblem(problem, problemParent);
    }

    /** {@code problem} under {@code parent}, which joins this root if it had not (a suite container that held no file). */
    void attach(ProblemDescriptor problem, TestDescriptor parent) {
        if (parent != this && parent.getParent().isEmpty()) addChild(parent);
        parent.addChild(problem);
    }

    /** The configuration problem and the files that do not load, in the order found. */
    List<ProblemDescriptor> problems() {
        return problems;
    }

    /**
     * The test that says the scenario selectors matched nothing (failed, or skipped under
     * {@code trainspec.allowEmpty=true}); one instance, whether discovery already added it or the
     * run finds the selection empty after the filters.
     */
    ProblemDescriptor emptySelection() {
        if (emptySelection == null) emptySelection = Problems.emptySelection(this);
        return emptySelection;
    }

    /** Selectors that were about scenarios, as written for the user; empty when the request had none. */
    List<String> scenarioSelectors() {
        return scenarioSelectors;
    }

    /** Null when the configuration parameters did not parse (a problem test says why). */
    EngineSettings settings() {
        return settings;
    }

    @Override
    public boolean mayRegisterTests() {
        return !scenarioSelectors.isEmpty();
    }
}
