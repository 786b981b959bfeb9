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
     * @param scenariosRoot ids default to the file's path under this folder, without .yaml
     * @param repositoryRoot extends and csv paths may not leave this folder
     * @throws ScenarioException with every problem of the file
     */
    public static ScenarioFile load(Path file, Path scenariosRoot, Path repositoryRoot) {
        return ScenarioReader.load(file, scenariosRoot, repositoryRoot);
    }

    /**
     * As {@link #load(Path, Path, Path)} for content that is not (yet) on disk: {@code file} names it
     * in messages, and its folder is where extends and csv paths start.
     */
    public static ScenarioFile load(byte[] content, Path file, Path scenariosRoot, Path repositoryRoot) {
        return ScenarioReader.load(content, file, scenariosRoot, repositoryRoot);
    }
}
