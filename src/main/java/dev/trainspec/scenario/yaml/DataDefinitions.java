package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.yaml.Type.Field;
import dev.trainspec.scenario.yaml.Type.Struct;

import java.util.List;

import static dev.trainspec.scenario.yaml.Defs.*;

/**
 * {@code data:} generators with scikit-learn's parameter names and defaults, the project's own
 * generators, csv, preprocessing and the split. Defaults here are what the engine receives.
 */
final class DataDefinitions {
    private DataDefinitions() {}

    private static Field nSamples(Type type) {
        return opt("n_samples", type, 100L, "number of rows");
    }

    private static Field shuffle() {
        return opt("shuffle", BOOL, true, "shuffle the rows (scikit-learn's default)");
    }

    private static Field noise(Object dflt) {
        return opt("noise", NON_NEGATIVE, dflt, "standard deviation of Gaussian noise added to the points");
    }

    private static Field randomState() {
        return opt("random_state", SEED, null, "seed of the generator's own numpy RandomState");
    }

    private static final Type ROW_COUNTS = anyOf(POSITIVE_INT, list(NON_NEGATIVE_INT, 2, 2, "a list of 2 integers >= 0"));
    private static final Type NUMBERS = list(NUMBER, "a list of numbers");
    private static final Type NUMBER_OR_LIST = anyOf(NUMBER, NUMBERS);

    static final Type.Choice GENERATORS = choice(
            "a data source (make_moons, make_circles, make_blobs, make_classification, make_gaussian_quantiles, "
                    + "make_regression, make_xor, make_spirals, make_threshold, make_embeddings, load_iris, load_wine, "
                    + "load_breast_cancer, load_digits, load_diabetes, csv)",
            alt("make_moons", "two interleaving half circles (sklearn.datasets.make_moons)",
                    nSamples(ROW_COUNTS), shuffle(), noise(null), randomState()),
            alt("make_circles", "a large circle containing a smaller one (sklearn.datasets.make_circles)",
                    nSamples(ROW_COUNTS), shuffle(), noise(null), randomState(),
                    opt("factor", range(0, false, 1, true), 0.8, "scale of the inner circle")),
            alt("make_blobs", "isotropic Gaussian blobs (sklearn.datasets.make_blobs)",
                    nSamples(anyOf(POSITIVE_INT, list(POSITIVE_INT, 1, Integer.MAX_VALUE, "a list of positive integers (rows per blob)"))),
                    opt("n_features", POSITIVE_INT, 2L, "number of features"),
                    opt("centers", anyOf(POSITIVE_INT, list(NUMBERS, 1, Integer.MAX_VALUE, "a list of centers (lists of numbers)")),
                            null, "number of blobs or their coordinates; null: 3 blobs"),
                    opt("cluster_std", anyOf(NON_NEGATIVE, list(NON_NEGATIVE, "a list of numbers >= 0")), 1.0, "standard deviation of each blob"),
                    opt("center_box", list(NUMBER, 2, 2, "a list of 2 numbers [min, max]"), List.of(-10.0, 10.0), "bounding box of random centers"),
                    shuffle(), randomState()),
            alt("make_classification", "a random n-class problem (sklearn.datasets.make_classification)",
                    nSamples(POSITIVE_INT),
                    opt("n_features", POSITIVE_INT, 20L, "total number of features"),
                    opt("n_informative", POSITIVE_INT, 2L, "informative features"),
                    opt("n_redundant", NON_NEGATIVE_INT, 2L, "linear combinations of the informative features"),
                    opt("n_repeated", NON_NEGATIVE_INT, 0L, "duplicated features"),
                    opt("n_classes", integer(2, INT_MAX), 2L, "number of classes"),
                    opt("n_clusters_per_class", POSITIVE_INT, 2L, "clusters per class"),
                    opt("weights", list(PROBABILITY, "a list of class proportions in [0, 1]"), null, "class proportions; null: balanced"),
                    opt("flip_y", PROBABILITY, 0.01, "fraction of labels assigned at random"),
                    opt("class_sep", POSITIVE, 1.0, "size of the hypercube"),
                    opt("hypercube", BOOL, true, "clusters on hypercube vertices"),
                    // scikit-learn's None is not its default here: random values drawn after the labels' flips
                    optOrNull("shift", NUMBER_OR_LIST, 0.0,
                            "added to the features (one number, or one a feature); null: random, uniform in [-class_sep, class_sep) per feature"),
                    optOrNull("scale", anyOf(POSITIVE, list(POSITIVE, "a list of positive numbers")), 1.0,
                            "multiplies the features (one number, or one a feature); null: random, uniform in [1, 101) per feature"),
                    shuffle(), randomState()),
            alt("make_gaussian_quantiles", "classes by quantiles of a Gaussian (sklearn.datasets.make_gaussian_quantiles)",
                    opt("mean", NUMBERS, null, "center of the distribution; null: the origin"),
                    opt("cov", POSITIVE, 1.0, "multiplier of the identity covariance"),
                    nSamples(POSITIVE_INT),
                    opt("n_features", POSITIVE_INT, 2L, "number of features"),
                    opt("n_classes", POSITIVE_INT, 3L, "number of classes"),
                    shuffle(), randomState()),
            alt("make_regression", "a random linear regression problem (sklearn.datasets.make_regression)",
                    nSamples(POSITIVE_INT),
                    opt("n_features", POSITIVE_INT, 100L, "number of features"),
                    opt("n_informative", NON_NEGATIVE_INT, 10L, "features with a non-zero coefficient"),
                    opt("n_targets", POSITIVE_INT, 1L, "number of regression targets"),
                    opt("bias", NUMBER, 0.0, "intercept"),
                    opt("effective_rank", POSITIVE_INT, null, "approximate rank of the inputs; null: well conditioned"),
                    opt("tail_strength", PROBABILITY, 0.5, "relative importance of the fat noisy tail of the singular values"),
                    noise(0.0), shuffle(), randomState()),
            alt("make_xor", "XOR of the signs of two uniform features in [-1, 1] (project generator)",
                    nSamples(POSITIVE_INT), noise(null), randomState()),
            alt("make_spirals", "interleaved Archimedean spirals, one a class (project generator)",
                    nSamples(POSITIVE_INT), opt("n_classes", integer(2, INT_MAX), 2L, "number of spirals"),
                    noise(null), randomState()),
            alt("make_threshold", "1-D x ~ N(loc, scale), y = x >= threshold (project generator)",
                    nSamples(POSITIVE_INT), opt("loc", NUMBER, 0.0, "mean of x"), opt("scale", NON_NEGATIVE, 1.0, "standard deviation of x"),
                    opt("threshold", NUMBER, 0.0, "class boundary"), randomState()),
            alt("make_embeddings", "two Gaussian classes whose means differ by +-shift on n_informative dims, rows L2-normalised (project generator)",
                    nSamples(POSITIVE_INT), opt("n_features", POSITIVE_INT, 512L, "embedding size"),
                    opt("n_informative", POSITIVE_INT, 16L, "dimensions that carry the class"),
                    opt("shift", NON_NEGATIVE, 0.5, "half the distance of the class means on each informative dimension"),
                    randomState()),
            // scikit-learn's bundled datasets (section 8.3), shipped in the artifact: load_*(return_X_y=True)
            alt("load_iris", "scikit-learn's iris: 150 flowers x 4 measurements (cm), 3 species"),
            alt("load_wine", "scikit-learn's wine: 178 wines x 13 chemical measurements (scales up to ~1,700), 3 cultivars"),
            alt("load_breast_cancer", "scikit-learn's breast cancer Wisconsin: 569 x 30 features (scales up to ~4,250), 0 malignant / 1 benign"),
            alt("load_digits", "scikit-learn's digits: 8x8 images of 0..16 flattened row by row (64 features); unflatten: [1, 8, 8] for a CNN",
                    opt("n_class", integer(1, 10), 10L, "keep the digits below n_class")),
            alt("load_diabetes", "scikit-learn's diabetes: 442 x 10 scaled features, a real-valued target (25..346)"),
            alt("csv", "rows of a CSV file below the scenario's folder (never outside the repository)",
                    req("path", text("a path to a CSV file, relative to the scenario", null), "the file, relative to the scenario's folder"),
                    opt("label", anyOf(ANY_INT, text("a column name", null)), null, "the label column (name or index, negative from the end); null: the last column"),
                    opt("features", listOrOne(anyOf(ANY_INT, text("a column name", null)), "a list of column names or indices"), null,
                            "feature columns; null: every column but the label"),
                    opt("delimiter", text("a single character", "[\\s\\S]"), ",", "field separator"),
                    opt("header", BOOL, true, "the first row names the columns")));

    private static Field fitOn() {
        return opt("fit_on", keyword("train", "all"), "train", "rows the statistics are computed from");
    }

    static final Type.Choice PREPROCESS_STEP = choice(
            "a preprocessing step (none, standard_scaler, min_max_scaler, l2_normalize)",
            alt("none", "no preprocessing"),
            alt("standard_scaler", "(x - mean) / std per feature (sklearn StandardScaler)",
                    fitOn(), opt("with_mean", BOOL, true, "subtract the mean"), opt("with_std", BOOL, true, "divide by the standard deviation")),
            alt("min_max_scaler", "scale each feature to feature_range (sklearn MinMaxScaler)",
                    fitOn(), opt("feature_range", list(NUMBER, 2, 2, "a list of 2 numbers [min, max]"), List.of(0.0, 1.0), "target range")),
            alt("l2_normalize", "scale each row to unit L2 norm (sklearn Normalizer)"));

    static final Type PREPROCESS = anyOf(PREPROCESS_STEP, list(PREPROCESS_STEP, "a list of preprocessing steps"));

    static final Struct SPLIT = struct("a mapping of split settings (test_size, random_state, shuffle, stratify)",
            opt("test_size", anyOf(range(0, true, 1, true), POSITIVE_INT), 0.25,
                    "fraction (0, 1) or number of rows of the test split (scikit-learn's default 0.25)"),
            opt("random_state", SEED, null, "seed of the split's RandomState; null: the data source's random_state, or 0 when that is null too (deterministic, unlike scikit-learn's global RNG)"),
            opt("shuffle", BOOL, true, "shuffle before splitting"),
            opt("stratify", BOOL, false, "keep the class proportions in both splits"));

    static final Struct DATA = new Struct(
            "a mapping with one data source (make_moons, ..., csv) and optionally preprocess and split",
            List.of(opt("preprocess", PREPROCESS, "none", "none | standard_scaler | min_max_scaler | l2_normalize, or a list; fitted on the training rows"),
                    opt("split", SPLIT, EMPTY, "scikit-learn's train_test_split")),
            null, List.of(), GENERATORS);
}
