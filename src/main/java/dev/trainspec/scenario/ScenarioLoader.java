package dev.trainspec.scenario;

import dev.trainspec.scenario.yaml.ScenarioReader;

import java.nio.file.Path;

/**
 * The entry point for scenario files. The scenario package holds the records; its yaml
 * subpackage (the only SnakeYAML user) does the reading.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    /**
     * Loads, validates and expands one file into its base scenario and variants.
     *
     * @param workspace gives the default id; extends and csv paths may not leave its root
     * @throws ScenarioException with every problem of the file
     */
    public static ScenarioFile load(Path file, Workspace workspace) {
        return ScenarioReader.load(file, workspace);
    }

    /** As {@link #load(Path, Workspace)} in the file's own workspace ({@link Workspace#of}). */
    public static ScenarioFile load(Path file) {
        return load(file, Workspace.of(file));
    }

    /**
     * As {@link #load(Path, Workspace)} for content that is not (yet) on disk: {@code file} names it
     * in messages, and its folder is where extends and csv paths start.
     */
    public static ScenarioFile load(byte[] content, Path file, Workspace workspace) {
        return ScenarioReader.load(content, file, workspace);
    }
}
