package dev.trainspec.run;

import dev.trainspec.engine.data.CsvOptions;
import dev.trainspec.engine.data.CsvReader;
import dev.trainspec.engine.data.CsvTable;
import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.L2Normalizer;
import dev.trainspec.engine.data.MakeBlobs;
import dev.trainspec.engine.data.MakeCircles;
import dev.trainspec.engine.data.MakeClassification;
import dev.trainspec.engine.data.MakeEmbeddings;
import dev.trainspec.engine.data.MakeGaussianQuantiles;
import dev.trainspec.engine.data.MakeMoons;
import dev.trainspec.engine.data.MakeRegression;
import dev.trainspec.engine.data.MakeSpirals;
import dev.trainspec.engine.data.MakeThreshold;
import dev.trainspec.engine.data.MakeXor;
import dev.trainspec.engine.data.MinMaxScaler;
import dev.trainspec.engine.data.Preprocessor;
import dev.trainspec.engine.data.StandardScaler;
import dev.trainspec.engine.random.RandomState;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import java.nio.file.Path;
import java.util.List;

/**
 * The bridge from a scenario's {@code data:} source and {@code preprocess:} steps to the engine.
 * Parameter names and defaults are those of the loader's DataDefinitions (scikit-learn's); the
 * loader has validated types and ranges, the generators check what depends on several values
 * (with scikit-learn's messages). A generator without {@code random_state} draws from
 * {@code RandomState(scenarioSeed)}.
 */
public final class DataSources {
    private DataSources() {
    }

    /** Generates every row of the source, in generation order. */
    public static Dataset generate(Named source, long scenarioSeed) {
        Params p = source.params();
        RandomState rng = new RandomState(seedOf(source, scenarioSeed));
        switch (source.name()) {
            case "make_moons": {
                int[] n = rowCounts(p);
                return MakeMoons.makeMoons(n[0], n[1], bool(p, "shuffle", true), optDouble(p, "noise"), rng);
            }
            case "make_circles": {
                int[] n = rowCounts(p);
                return MakeCircles.makeCircles(n[0], n[1], bool(p, "shuffle", true), optDouble(p, "noise"), rng, dbl(p, "factor", 0.8));
            }
            case "make_blobs":
                return blobs(p, rng);
            case "make_classification":
                return MakeClassification.makeClassification(new MakeClassification.Params(integer(p, "n_samples", 100),
                        integer(p, "n_features", 20), integer(p, "n_informative", 2), integer(p, "n_redundant", 2), integer(p, "n_repeated", 0),
                        integer(p, "n_classes", 2), integer(p, "n_clusters_per_class", 2), p.has("weights") ? p.getDoubles("weights") : null,
                        dbl(p, "flip_y", 0.01), dbl(p, "class_sep", 1.0), bool(p, "hypercube", true),
                        numberOrList(p, "shift", 0.0), numberOrList(p, "scale", 1.0), bool(p, "shuffle", true)), rng);
            case "make_gaussian_quantiles":
                return MakeGaussianQuantiles.makeGaussianQuantiles(p.has("mean") ? p.getDoubles("mean") : null, dbl(p, "cov", 1.0),
                        integer(p, "n_samples", 100), p.has("mean") && !p.has("n_features") ? p.getDoubles("mean").length : integer(p, "n_features", 2),
                        integer(p, "n_classes", 3), bool(p, "shuffle", true), rng);
            case "make_regression":
                return MakeRegression.makeRegression(integer(p, "n_samples", 100), integer(p, "n_features", 100), integer(p, "n_informative", 10),
                        integer(p, "n_targets", 1), dbl(p, "bias", 0.0), p.has("effective_rank") ? p.getInt("effective_rank") : null,
                        dbl(p, "tail_strength", 0.5), dbl(p, "noise", 0.0), bool(p, "shuffle", true), rng);
            case "make_xor":
                return MakeXor.makeXor(integer(p, "n_samples", 100), optDouble(p, "noise"), rng);
            case "make_spirals":
                return MakeSpirals.makeSpirals(integer(p, "n_samples", 100), integer(p, "n_classes", 2), optDouble(p, "noise"), rng);
            case "make_threshold":
                return MakeThreshold.makeThreshold(integer(p, "n_samples", 100), dbl(p, "loc", 0.0), dbl(p, "scale", 1.0),
                        dbl(p, "threshold", 0.0), rng);
            case "make_embeddings":
                return MakeEmbeddings.makeEmbeddings(integer(p, "n_samples", 100), integer(p, "n_features", 512),
                        integer(p, "n_informative", 16), dbl(p, "shift", 0.5), rng);
            case "csv":
                return csv(p).data();
            default:
                throw new IllegalArgumentException("unknown data source '" + source.name() + "'");
        }
    }

    /** The seed a generator draws from: its {@code random_state}, else the scenario's seed. */
    static long seedOf(Named source, long scenarioSeed) {
        return source.params().has("random_state") ? source.params().getLong("random_state") : scenarioSeed;
    }

    /** Generators (scikit-learn's {@code make_*} names) compute their rows from parameters and a seed only; other sources read files. */
    static boolean isGenerator(String name) {
        return name.startsWith("make_");
    }

    /**
     * A {@code csv} source as the loader delivers it: {@code path} absolute, and the repository
     * root it may not leave under {@link Params#CSV_REPOSITORY_ROOT} (without it, the file's own
     * folder is the limit).
     */
    public static CsvTable csv(Params p) {
        Path file = Path.of(p.getString("path"));
        Path root = p.has(Params.CSV_REPOSITORY_ROOT) ? Path.of(p.getString(Params.CSV_REPOSITORY_ROOT)) : file.getParent();
        List<Object> features = null;
        if (p.has("features")) {
            Object f = p.values().get("features");
            features = f instanceof List<?> l ? List.copyOf(l) : List.of(f);
        }
        String delimiter = p.has("delimiter") ? p.getString("delimiter") : ",";
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("delimiter must be a 1-character string, found '" + delimiter + "'");
        }
        Object label = p.values().get("label");
        return CsvReader.read(file, root, new CsvOptions(label, features, delimiter.charAt(0), bool(p, "header", true)));
    }

    /** The preprocessing step (its {@code fit_on} is read by the caller). */
    public static Preprocessor preprocessor(Named step) {
        Params p = step.params();
        return switch (step.name()) {
            case "none" -> Preprocessor.NONE;
            case "standard_scaler" -> new StandardScaler(bool(p, "with_mean", true), bool(p, "with_std", true));
            case "min_max_scaler" -> {
                double[] range = p.has("feature_range") ? p.getDoubles("feature_range") : new double[] {0.0, 1.0};
                yield new MinMaxScaler(range[0], range[1]);
            }
            case "l2_normalize" -> new L2Normalizer();
            default -> throw new IllegalArgumentException("unknown preprocessing step '" + step.name() + "'");
        };
    }

    private static Dataset blobs(Params p, RandomState rng) {
        Object n = p.values().getOrDefault("n_samples", 100L);
        boolean perBlob = n instanceof List;
        int[] counts = perBlob ? ints((List<?>) n) : new int[] {((Number) n).intValue()};
        Object centers = p.values().get("centers");
        double[][] explicit = null;
        Integer nCenters = null;
        if (centers instanceof List<?> rows) {
            explicit = new double[rows.size()][];
            for (int i = 0; i < explicit.length; i++) explicit[i] = doubles((List<?>) rows.get(i));
        } else if (centers instanceof Number k) {
            nCenters = k.intValue();
        }
        double[] std = numberOrList(p, "cluster_std", 1.0);
        double[] box = p.has("center_box") ? p.getDoubles("center_box") : new double[] {-10.0, 10.0};
        return MakeBlobs.makeBlobs(counts, perBlob, integer(p, "n_features", 2), explicit, nCenters, std, box, bool(p, "shuffle", true), rng);
    }

    /** {@code n_samples}: one total (outer gets n // 2) or [n_out, n_in]. */
    private static int[] rowCounts(Params p) {
        Object n = p.values().getOrDefault("n_samples", 100L);
        if (n instanceof List<?> l) return ints(l);
        int total = ((Number) n).intValue();
        return new int[] {total / 2, total - total / 2};
    }

    private static int[] ints(List<?> l) {
        return l.stream().mapToInt(v -> Math.toIntExact(((Number) v).longValue())).toArray();
    }

    private static double[] doubles(List<?> l) {
        return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double[] numberOrList(Params p, String key, double dflt) {
        Object v = p.values().containsKey(key) ? p.values().get(key) : dflt;
        if (v == null) return null;
        return v instanceof List<?> l ? doubles(l) : new double[] {((Number) v).doubleValue()};
    }

    private static int integer(Params p, String key, int dflt) {
        return p.has(key) ? p.getInt(key) : dflt;
    }

    private static double dbl(Params p, String key, double dflt) {
        return p.has(key) ? p.getDouble(key) : dflt;
    }

    private static Double optDouble(Params p, String key) {
        return p.has(key) ? p.getDouble(key) : null;
    }

    private static boolean bool(Params p, String key, boolean dflt) {
        return p.has(key) ? p.getBoolean(key) : dflt;
    }
}
