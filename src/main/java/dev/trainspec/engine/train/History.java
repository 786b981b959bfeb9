package dev.trainspec.engine.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run recorded, epoch by epoch (index 0 = after the first epoch). Immutable: series are
 * trimmed to the epochs actually run (early stopping, divergence) and copied on the way out.
 */
public final class History {
    private final Map<String, double[]> series;
    private final int epochs;

    History(Map<String, double[]> recorded, int epochs) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        recorded.forEach((k, v) -> copy.put(k, Arrays.copyOf(v, epochs)));
        this.series = Collections.unmodifiableMap(copy);
        this.epochs = epochs;
    }

    /** A history from complete series of equal length (for tests and imported results). */
    public static History of(Map<String, double[]> series) {
        int epochs = series.values().stream().mapToInt(a -> a.length).min().orElse(0);
        return new History(series, epochs);
    }

    public int epochs() {
        return epochs;
    }

    public Set<String> names() {
        return series.keySet();
    }

    public boolean has(String name) {
        return series.containsKey(name);
    }

    public double[] series(String name) {
        double[] s = series.get(name);
        if (s == null) throw new IllegalArgumentException("no metric " + name + " (recorded: " + series.keySet() + ")");
        return s.clone();
    }

    /** The value after the last epoch run. */
    public double last(String name) {
        double[] s = series.get(name);
        if (s == null) throw new IllegalArgumentException("no metric " + name);
        return epochs == 0 ? Double.NaN : s[epochs - 1];
    }

    /** The value after 1-based epoch {@code epoch}. */
    public double at(String name, int epoch) {
        if (epoch < 1 || epoch > epochs) throw new IllegalArgumentException("epoch " + epoch + " outside 1.." + epochs);
        return series.get(name)[epoch - 1];
    }
}
