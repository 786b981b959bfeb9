package dev.trainspec.scenario;

import java.util.List;

/**
 * {@code data:} exactly one source (a generator or {@code csv}) with its parameters, the
 * preprocessing chain (each step a Named with e.g. {@code fit_on: train|all}) and the split.
 */
public record DataSpec(Named source, List<Named> preprocess, SplitSpec split, Origin origin) {
    public DataSpec {
        preprocess = List.copyOf(preprocess);
    }

    /** scikit-learn's train_test_split; testSize as a fraction (0,1) or a row count (>= 1). */
    public record SplitSpec(double testSize, Long randomState, boolean shuffle, boolean stratify, Origin origin) {}
}
