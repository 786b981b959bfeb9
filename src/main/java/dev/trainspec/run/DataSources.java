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
import dev.trainspec.engine.data.SklearnDatasets;
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

    /** Generates every row of a generator, in generation order. */
    public static Dataset generate(Named source, long scenarioSeed) {
        return generate(source, scenarioSeed, null);
    }

    /** Every row of the source, in generation order; a csv file may not leave {@code root} (see {@link #csv}). */
    public static Dataset generate(Named source, long scenarioSeed, Path root) {
        Params p = source.params();
        RandomState rng = new RandomState(seedOf(source, scenarioSeed));
        switch (source.name()) {
            case "make_moons": {
                int[] n = rowCounts(p);
                return MakeMoons.makeMoons(n[0], n[1], p.getBoolean("shuffle"), optDouble(p, "noise"), rng);
            }
            case "make_circles": {
                int[] n = rowCounts(p);
                return MakeCircles.makeCircles(n[0], n[1], p.getBoolean("shuffle"), optDouble(p, "noise"), rng, p.getDouble("factor"));
            }
            case "make_blobs":
                return blobs(p, rng);
            case "make_classification":
                return MakeClassification.makeClassification(new MakeClassification.Params(p.getInt("n_samples"),
                        p.getInt("n_features"), p.getInt("n_informative"), p.getInt("n_redundant"), p.getInt("n_repeated"),
                        p.getInt("n_classes"), p.getInt("n_clusters_per_class"), p.has("weights") ? p.getDoubles("weights") : null,
                        p.getDouble("flip_y"), p.getDouble("class_sep"), p.getBoolean("hypercube"),
                        numberOrList(p, "shift"), numberOrList(p, "scale"), p.getBoolean("shuffle")), rng);
            case "make_gaussian_quantiles":
                return MakeGaussianQuantiles.makeGaussianQuantiles(p.has("mean") ? p.getDoubles("mean") : null, p.getDouble("cov"),
                        p.getInt("n_samples"), p.getInt("n_features"),
                        p.getInt("n_classes"), p.getBoolean("shuffle"), rng);
            case "make_regression":
                return MakeRegression.makeRegression(p.getInt("n_samples"), p.getInt("n_features"), p.getInt("n_informative"),
                        p.getInt("n_targets"), p.getDouble("bias"), p.has("effective_rank") ? p.getInt("effective_rank") : null,
                        p.getDouble("tail_strength"), p.getDouble("noise"), p.getBoolean("shuffle"), rng);
            case "make_xor":
                return MakeXor.makeXor(p.getInt("n_samples"), optDouble(p, "noise"), rng);
            case "make_spirals":
                return MakeSpirals.makeSpirals(p.getInt("n_samples"), p.getInt("n_classes"), optDouble(p, "noise"), rng);
            case "make_threshold":
                return MakeThreshold.makeThreshold(p.getInt("n_samples"), p.getDouble("loc"), p.getDouble("scale"),
                        p.getDouble("threshold"), rng);
            case "make_embeddings":
                return MakeEmbeddings.makeEmbeddings(p.getInt("n_samples"), p.getInt("n_features"),
                        p.getInt("n_informative"), p.getDouble("shift"), rng);
            case "load_iris":
                return SklearnDatasets.iris();
            case "load_wine":
                return SklearnDatasets.wine();
            case "load_breast_cancer":
                return SklearnDatasets.breastCancer();
            case "load_digits":
                return SklearnDatasets.digits(p.getInt("n_class"));
            case "load_diabetes":
                return SklearnDatasets.diabetes();
            case "csv":
                return csv(p, root).data();
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
     * Rows and features the generator will make, from the parameters {@link #generate} reads, so
     * that limits can be checked before anything is generated; null where only the data knows
     * (a csv file, a source without {@code n_features}).
     */
    static long[] shape(Named source) {
        Params p = source.params();
        long features = switch (source.name()) {
            case "make_threshold" -> 1;
            case "make_moons", "make_circles", "make_xor", "make_spirals" -> 2;
            // explicit centers give the dimension, as in scikit-learn
            case "make_blobs" -> p.values().get("centers") instanceof List<?> c && !c.isEmpty() ? ((List<?>) c.get(0)).size() : p.getLong("n_features");
            default -> p.has("n_features") ? p.getLong("n_features") : -1;
        };
        if (features < 0 || source.name().equals("csv")) return null;
        long rows = 0;
        Object n = p.values().get("n_samples");
        if (n instanceof Number number) rows = number.longValue();
        else if (n instanceof List<?> list) for (Object o : list) rows += ((Number) o).longValue();
        return new long[] {Math.max(rows, 1), features};
    }

    /**
     * A {@code csv} source as the loader delivers it: {@code path} absolute, checked again where
     * the file is opened against {@code root}, the workspace root it may not leave (null: the
     * file's own folder is the limit).
     */
    public static CsvTable csv(Params p, Path root) {
        Path file = Path.of(p.getString("path"));
        if (root == null) root = file.getParent();
        List<Object> features = null;
        if (p.has("features")) {
            Object f = p.values().get("features");
            features = f instanceof List<?> l ? List.copyOf(l) : List.of(f);
        }
        String delimiter = p.getString("delimiter");
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("delimiter must be a 1-character string, found '" + delimiter + "'");
        }
        Object label = p.values().get("label");
        return CsvReader.read(file, root, new CsvOptions(label, features, delimiter.charAt(0), p.getBoolean("header")));
    }

    /** The preprocessing step (its {@code fit_on} is read by the caller). */
    public static Preprocessor preprocessor(Named step) {
        Params p = step.params();
        return switch (step.name()) {
            case "none" -> Preprocessor.NONE;
            case "standard_scaler" -> new StandardScaler(p.getBoolean("with_mean"), p.getBoolean("with_std"));
            case "min_max_scaler" -> {
                double[] range = p.getDoubles("feature_range");
                yield new MinMaxScaler(range[0], range[1]);
            }
            case "l2_normalize" -> new L2Normalizer();
            default -> throw new IllegalArgumentException("unknown preprocessing step '" + step.name() + "'");
        };
    }

    private static Dataset blobs(Params p, RandomState rng) {
        Object n = p.values().get("n_samples");
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
        double[] std = numberOrList(p, "cluster_std");
        double[] box = p.getDoubles("center_box");
        return MakeBlobs.makeBlobs(counts, perBlob, p.getInt("n_features"), explicit, nCenters, std, box, p.getBoolean("shuffle"), rng);
    }

    /** {@code n_samples}: one total (outer gets n // 2) or [n_out, n_in]. */
    private static int[] rowCounts(Params p) {
        Object n = p.values().get("n_samples");
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

    private static double[] numberOrList(Params p, String key) {
        Object v = p.values().get(key);
        if (v == null) return null;
        return v instanceof List<?> l ? doubles(l) : new double[] {((Number) v).doubleValue()};
    }

    private static Double optDouble(Params p, String key) {
        return p.has(key) ? p.getDouble(key) : null;
    }

}
