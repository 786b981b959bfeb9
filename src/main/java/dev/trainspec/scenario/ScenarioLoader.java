package dev.trainspec.scenario;

import java.nio.file.Path;

/** TEMPORARY placeholder so the tree compiles while the loader is written; replaced before release. */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static ScenarioFile load(Path file, Path scenariosRoot, Path repositoryRoot) {
        throw new UnsupportedOperationException("loader not written yet");
    }
}
