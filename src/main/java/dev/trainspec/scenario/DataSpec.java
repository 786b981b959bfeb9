package dev.trainspec.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code data:} exactly one source (a generator or {@code csv}) with its parameters, the
 * preprocessing chain (each step a Named with e.g. {@code fit_on: train|all}) and the split.
 * {@code root} is the workspace root that a {@code csv} file may not leave ({@link Workspace});
 * null where none was given (then the file's own folder is the limit).
 */
public record DataSpec(Named source, List<Named> preprocess, SplitSpec split, Path root, Origin origin) {
    public DataSpec {
        preprocess = List.copyOf(preprocess);
    }

    /** Data without a workspace root (generated data, hand-built scenarios in tests). */
    public DataSpec(Named source, List<Named> preprocess, SplitSpec split, Origin origin) {
        this(source, preprocess, split, null, origin);
    }

    /** scikit-learn's train_test_split; testSize as a fraction (0,1) or a row count (>= 1). */
    public record SplitSpec(double testSize, Long randomState, boolean shuffle, boolean stratify, Origin origin) {}
}
