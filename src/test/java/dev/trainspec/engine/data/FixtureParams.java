package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.List;
import java.util.Map;

/** Calls a generator with scikit-learn keyword arguments as written in the fixtures (missing: sklearn's default). */
final class FixtureParams {
    private FixtureParams() {
    }

    static Dataset generate(String fn, Map<String, Object> p) {
        RandomState rng = new RandomState(p.get("random_state") == null ? 0 : ((Number) p.get("random_state")).longValue());
        boolean shuffle = (Boolean) p.getOrDefault("shuffle", true);
        switch (fn) {
            case "make_blobs": {
                Object n = p.getOrDefault("n_samples", 100L);
                boolean perBlob = n instanceof List;
                int[] counts = perBlob ? Json.ints(n) : new int[] {((Number) n).intValue()};
                Object centers = p.get("centers");
                double[][] explicit = centers instanceof List ? rows((List<?>) centers) : null;
                Integer k = centers instanceof Number ? ((Number) centers).intValue() : null;
                Object std = p.getOrDefault("cluster_std", 1.0);
                double[] stds = std instanceof List ? Json.doubles(std) : new double[] {((Number) std).doubleValue()};
                double[] box = p.containsKey("center_box") ? Json.doubles(p.get("center_box")) : new double[] {-10, 10};
                return MakeBlobs.makeBlobs(counts, perBlob, i(p, "n_features", 2), explicit, k, stds, box, shuffle, rng);
            }
            case "make_classification": {
                MakeClassification.Params d = MakeClassification.Params.defaults();
                MakeClassification.Params q = new MakeClassification.Params(i(p, "n_samples", 100), i(p, "n_features", 20),
                        i(p, "n_informative", 2), i(p, "n_redundant", 2), i(p, "n_repeated", 0), i(p, "n_classes", 2),
                        i(p, "n_clusters_per_class", 2), p.get("weights") == null ? null : Json.doubles(p.get("weights")),
                        dbl(p, "flip_y", 0.01), dbl(p, "class_sep", 1.0), (Boolean) p.getOrDefault("hypercube", true),
                        vector(p, "shift", d.shift()), vector(p, "scale", d.scale()), shuffle);
                return MakeClassification.makeClassification(q, rng);
            }
            case "make_gaussian_quantiles":
                return MakeGaussianQuantiles.makeGaussianQuantiles(p.get("mean") == null ? null : Json.doubles(p.get("mean")),
                        dbl(p, "cov", 1.0), i(p, "n_samples", 100), i(p, "n_features", 2), i(p, "n_classes", 3), shuffle, rng);
            case "make_regression":
                return MakeRegression.makeRegression(i(p, "n_samples", 100), i(p, "n_features", 100), i(p, "n_informative", 10),
                        i(p, "n_targets", 1), dbl(p, "bias", 0.0), p.get("effective_rank") == null ? null : i(p, "effective_rank", 0),
                        dbl(p, "tail_strength", 0.5), dbl(p, "noise", 0.0), shuffle, rng);
            default:
                throw new IllegalStateException(fn);
        }
    }

    private static double[][] rows(List<?> l) {
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) out[i] = Json.doubles(l.get(i));
        return out;
    }

    private static double[] vector(Map<String, Object> p, String key, double[] dflt) {
        if (!p.containsKey(key)) return dflt;
        Object v = p.get(key);
        if (v == null) return null;
        return v instanceof List ? Json.doubles(v) : new double[] {((Number) v).doubleValue()};
    }

    private static int i(Map<String, Object> p, String key, int dflt) {
        return ((Number) p.getOrDefault(key, (long) dflt)).intValue();
    }

    private static double dbl(Map<String, Object> p, String key, double dflt) {
        return ((Number) p.getOrDefault(key, dflt)).doubleValue();
    }
}
