package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.List;

/**
 * A classical model fitted on the same rows as the network, as a yardstick for it. Each fits
 * classification data (labels) and regression data (targets); see the implementations for what
 * they become on targets.
 */
public interface Baseline {
    /** The names a scenario's {@code baselines:} list may use, in this order. */
    List<String> NAMES = List.of(LogisticRegression.NAME, LinearSvm.NAME, MajorityClass.NAME);

    /** The scenario name of this baseline, e.g. {@code logistic_regression}. */
    String name();

    Fitted fit(Dataset train);

    /** The baseline with its scikit-learn default hyper-parameters, by scenario name. */
    static Baseline named(String name) {
        return switch (name) {
            case LogisticRegression.NAME -> new LogisticRegression();
            case LinearSvm.NAME -> new LinearSvm();
            case MajorityClass.NAME -> new MajorityClass();
            default -> throw new IllegalArgumentException("unknown baseline '" + name + "': expected one of " + String.join(", ", NAMES));
        };
    }
}
