package dev.trainspec.report.compare;

/**
 * A curve in a line of text, with Unicode's eight block characters: enough to see in a comment
 * whether the head learns faster, slower or differently from the base. Both curves of a row
 * share one scale; epochs are sampled evenly, the last one always kept; an epoch with no finite
 * value is drawn as "×" (the divergence is the point).
 */
public final class Sparkline {
    static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    public static final int WIDTH = 16;

    private Sparkline() {}

    /** The two curves drawn on their common range; an empty curve gives an empty string. */
    public static String[] pair(double[] base, double[] head) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] c : new double[][] {base, head}) {
            for (double v : c) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new String[] {draw(base, lo, hi), draw(head, lo, hi)};
    }

    /** One curve on its own range. */
    public static String of(double[] curve) {
        return pair(new double[0], curve)[1];
    }

    static String draw(double[] curve, double lo, double hi) {
        int n = Math.min(WIDTH, curve.length);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            // evenly spaced epochs; with n == curve.length every epoch
            int e = n == 1 ? curve.length - 1 : (int) Math.round((double) i * (curve.length - 1) / (n - 1));
            double v = curve[e];
            if (!Double.isFinite(v)) {
                sb.append('\u00d7');
            } else {
                int level = hi > lo ? (int) Math.round((v - lo) / (hi - lo) * (BLOCKS.length() - 1)) : BLOCKS.length() / 2;
                sb.append(BLOCKS.charAt(level));
            }
        }
        return sb.toString();
    }
}
