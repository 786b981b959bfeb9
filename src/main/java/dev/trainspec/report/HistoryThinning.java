package dev.trainspec.report;

/**
 * How many points of each per-epoch series a JSON result keeps. A result must stay small enough
 * for {@code summary} and CI artifacts whatever the scenario asks for: a few lines of YAML can
 * ask for 10,000 runs of 1,000,000 epochs. Each series keeps at most {@link #MAX_POINTS} points,
 * and all series of one result together at most {@link #MAX_FILE_POINTS}; a thinned series keeps
 * evenly spaced epochs, always the first and the last, and the result lists them
 * ({@code history_epochs}, 1-based) so that no point is read at the wrong epoch. The final
 * values are always exact.
 */
final class HistoryThinning {
    /** Points of one series; enough for any chart. */
    static final int MAX_POINTS = 1_000;
    /** Points of every series of one result together: about 20 MB of JSON. */
    static final long MAX_FILE_POINTS = 1_000_000;

    private HistoryThinning() {}

    /** Points a series may keep when a result holds {@code series} series (at least 2: the first and last epoch). */
    static int pointsPerSeries(long series) {
        long share = series == 0 ? MAX_POINTS : MAX_FILE_POINTS / series;
        return (int) Math.max(2, Math.min(MAX_POINTS, share));
    }

    /** The 0-based epochs kept of {@code epochs}, evenly spaced, first and last included; null when all are kept. */
    static int[] kept(int epochs, int points) {
        if (epochs <= points) return null;
        int[] at = new int[points];
        for (int k = 0; k < points; k++) at[k] = (int) Math.round((double) k * (epochs - 1) / (points - 1));
        return at;
    }

    static double[] pick(double[] series, int[] at) {
        if (at == null) return series;
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) out[k] = series[Math.min(at[k], series.length - 1)];
        return out;
    }
}
