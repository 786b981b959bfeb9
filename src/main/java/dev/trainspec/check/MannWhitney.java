package dev.trainspec.check;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided Mann-Whitney U test as scipy's {@code mannwhitneyu(x, y, alternative='greater')}
 * computes it by default (scipy 1.10, {@code method='auto'}): the exact distribution of U when
 * both samples have at most 8 values and there are no ties, otherwise the normal approximation
 * with the tie-corrected variance and a continuity correction of 0.5. Accuracies over seeds tie
 * often, and commons-math3's test ignores ties, so it would overstate p.
 */
final class MannWhitney {
    private static final int EXACT_MAX = 8;

    private MannWhitney() {}

    /** p-value for H1: x tends to be greater than y. */
    static double greater(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double[] all = new double[n1 + n2];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double rankSumX = 0;
        for (double v : x) rankSumX += midrank(sorted, v);
        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            int t = j - i;
            if (t > 1) ties = true;
            tieTerm += (double) t * t * t - t;
            i = j;
        }
        if (!ties && n1 <= EXACT_MAX && n2 <= EXACT_MAX) return exactUpperTail(n1, n2, (int) Math.round(u1));
        int n = n1 + n2;
        double mu = n1 * n2 / 2.0;
        double sigma = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / (n * (double) (n - 1))));
        if (sigma == 0) return u1 > mu ? 0 : 1;
        double z = (u1 - mu - 0.5) / sigma;
        return 1 - new NormalDistribution(null, 0, 1).cumulativeProbability(z);
    }

    /** 1-based rank of v among sorted values, ties sharing the mean of their ranks. */
    private static double midrank(double[] sorted, double v) {
        int lo = 0;
        while (sorted[lo] < v) lo++;
        int hi = lo;
        while (hi < sorted.length && sorted[hi] == v) hi++;
        return (lo + 1 + hi) / 2.0;
    }

    /** P(U >= u) under H0, by counting the arrangements: c(u; m, n) = c(u - n; m - 1, n) + c(u; m, n - 1). */
    private static double exactUpperTail(int n1, int n2, int u) {
        int max = n1 * n2;
        double[][] prev = new double[n2 + 1][];
        for (int b = 0; b <= n2; b++) {
            prev[b] = new double[max + 1];
            prev[b][0] = 1;
        }
        for (int a = 1; a <= n1; a++) {
            double[][] cur = new double[n2 + 1][max + 1];
            cur[0][0] = 1;
            for (int b = 1; b <= n2; b++) {
                for (int k = 0; k <= a * b; k++) {
                    cur[b][k] = (k >= b ? prev[b][k - b] : 0) + cur[b - 1][k];
                }
            }
            prev = cur;
        }
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= max; k++) {
            total += prev[n2][k];
            if (k >= u) tail += prev[n2][k];
        }
        return tail / total;
    }
}
