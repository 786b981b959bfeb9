package dev.trainspec.check.diagnosis;

/** Shape facts about one per-epoch series (a loss curve): minima over ranges, how often it rose. */
final class Curve {
    private Curve() {}

    static double min(double[] v, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) m = Math.min(m, v[i]);
        return m;
    }

    static double max(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) m = Math.max(m, v[i]);
        return m;
    }

    /** Epoch-to-epoch steps that went down (strictly), out of length - 1. */
    static int decreases(double[] v) {
        int n = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[i - 1]) n++;
        return n;
    }

    /** Epoch-to-epoch steps that rose by more than {@code relative} of the previous value. */
    static int jumps(double[] v, double relative) {
        int n = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[i - 1] * (1 + relative)) n++;
        return n;
    }

    static boolean allFinite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
