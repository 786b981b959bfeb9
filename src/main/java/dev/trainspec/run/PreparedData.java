package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.Scenario;

/** TEMPORARY placeholder so the tree compiles; replaced before release. */
public final class PreparedData {
    public static PreparedData of(Scenario s) {
        throw new UnsupportedOperationException("not written yet");
    }

    public Dataset all() { throw new UnsupportedOperationException(); }
    public Dataset trainRaw() { throw new UnsupportedOperationException(); }
    public Dataset testRaw() { throw new UnsupportedOperationException(); }
    public Dataset train() { throw new UnsupportedOperationException(); }
    public Dataset test() { throw new UnsupportedOperationException(); }

    public DataFacts facts() {
        throw new UnsupportedOperationException("not written yet");
    }
}
