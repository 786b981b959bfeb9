package dev.trainspec.run;

import dev.trainspec.engine.train.Trainer;
import dev.trainspec.scenario.Scenario;

/** TEMPORARY placeholder so the tree compiles; replaced before release. */
public final class Assembly {
    public static Assembly of(Scenario s, PreparedData data, long seed, long deadlineNanos) {
        throw new UnsupportedOperationException("not written yet");
    }

    public static Assembly of(Scenario s, PreparedData data, long seed) {
        throw new UnsupportedOperationException("not written yet");
    }

    public String describe() {
        return "";
    }

    public Trainer trainer() {
        throw new UnsupportedOperationException("not written yet");
    }
}
