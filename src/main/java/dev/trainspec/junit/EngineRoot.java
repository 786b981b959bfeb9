package dev.trainspec.junit;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The engine's root: the files found, plus what execution needs to tell an empty selection from
 * a request that was never about scenarios. It may register a test while running (the "no
 * scenario matched" failure), so the launcher keeps it even when tag filters removed every file.
 */
final class EngineRoot extends EngineDescriptor {
    private final List<String> scenarioSelectors;
    private final EngineSettings settings;
    private final String configurationProblem;
    private final List<ProblemDescriptor> invalidFiles = new ArrayList<>();

    EngineRoot(UniqueId id, List<String> scenarioSelectors, EngineSettings settings, String configurationProblem) {
        super(id, "trainspec");
        this.scenarioSelectors = List.copyOf(scenarioSelectors);
        this.settings = settings;
        this.configurationProblem = configurationProblem;
    }

    /**
     * Files that do not load. They are registered as failing tests when the run starts, not at
     * discovery, so that no tag filter hides them: a file that does not load has no tags to match.
     */
    List<ProblemDescriptor> invalidFiles() {
        return invalidFiles;
    }

    /** Why the configuration parameters did not parse; null when they did. */
    String configurationProblem() {
        return configurationProblem;
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
