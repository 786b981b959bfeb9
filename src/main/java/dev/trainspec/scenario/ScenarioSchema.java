package dev.trainspec.scenario;

/** TEMPORARY placeholder so the tree compiles while the loader is written; replaced before release. */
public final class ScenarioSchema {
    private ScenarioSchema() {}

    public static String json() {
        throw new UnsupportedOperationException("schema not written yet");
    }
}
