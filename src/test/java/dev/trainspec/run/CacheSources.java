package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generator sources of each storage kind the data cache holds, a look-up that waits for its entry, and a bit-for-bit comparison. */
final class CacheSources {
    private CacheSources() {}

    static Named named(String name, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        // as the loader delivers it: the definitions' defaults filled in
        return dev.trainspec.scenario.yaml.ChoiceDefaults.of("data", new Named(name, new Params(m, Map.of()), Origin.UNKNOWN));
    }

    /** float32 with labels, float64 with labels, float64 with two targets a row. */
    static List<Named> everyKind() {
        return List.of(named("make_embeddings", "n_samples", 300L, "n_features", 64L, "n_informative", 8L),
                named("make_classification", "n_samples", 200L, "n_features", 6L, "random_state", 3L),
                named("make_regression", "n_samples", 150L, "n_features", 5L, "n_targets", 2L, "noise", 0.5));
    }

    /** The cache's rows for {@code source}, once the entry the look-up stores is written (the cache writes on a thread of its own). */
    static Dataset stored(DataCache cache, Named source, long seed) {
        Dataset rows = cache.lookUpOrGenerate(source, seed);
        CacheWriter.awaitWrites();
        return rows;
    }

    /** Null when the two sets hold the same bits, else what differs. */
    static String difference(Dataset a, Dataset b) {
        if (a.rows() != b.rows() || a.cols() != b.cols() || a.classes() != b.classes() || a.targetCols() != b.targetCols()) return "shape";
        if (a.isFloat32() != b.isFloat32()) return "precision";
        if (a.isFloat32() ? !Arrays.equals(a.xFloat32(), b.xFloat32()) : !Arrays.equals(a.x(), b.x())) return "features";
        if (!Arrays.equals(a.labels(), b.labels())) return "labels";
        if (!Arrays.equals(a.targets(), b.targets())) return "targets";
        return null;
    }
}
