package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;
import java.util.Comparator;

/**
 * scikit-learn's {@code make_gaussian_quantiles}: {@code n_samples} draws of N(mean, cov * I)
 * (numpy's legacy {@code multivariate_normal}: standard normals times {@code sqrt(cov)}, the
 * SVD of a scaled identity being the identity, plus mean), sorted by squared distance to the
 * mean, cut into {@code n_classes} equal groups of consecutive rows (the last class takes the
 * remainder), then shuffled. Distances are summed along each row like numpy (pairwise), and the
 * sort is stable; numpy's quicksort is not, which matters only for exactly equal distances.
 */
public final class MakeGaussianQuantiles {
    private MakeGaussianQuantiles() {
    }

    /** {@code make_gaussian_quantiles(mean=mean (null: origin; else of length n_features), cov, n_samples, n_features, n_classes, shuffle, random_state)}. */
    public static Dataset makeGaussianQuantiles(double[] mean, double cov, int nSamples, int nFeatures, int nClasses, boolean shuffle, RandomState rng) {
        if (nSamples < nClasses) throw new IllegalArgumentException("n_samples must be at least n_classes");
        Checks.positive("n_classes", nClasses);
        Checks.positive("n_features", nFeatures);
        if (mean == null) mean = new double[nFeatures];
        if (mean.length != nFeatures) throw new IllegalArgumentException("mean and cov must have same length");
        int d = mean.length;
        if (!(cov >= 0)) throw new IllegalArgumentException("covariance is not symmetric positive-semidefinite.");
        double sd = Math.sqrt(cov);
        double[] x = rng.standardNormal(Math.multiplyExact(nSamples, d));
        for (int i = 0; i < x.length; i++) x[i] = x[i] * sd + mean[i % d];
        double[] dist = new double[nSamples];
        double[] sq = new double[d];
        for (int r = 0; r < nSamples; r++) {
            for (int j = 0; j < d; j++) {
                double c = x[r * d + j] - mean[j];
                sq[j] = c * c;
            }
            dist[r] = Numpy.pairwiseSum(sq, 0, d, 1);
        }
        Integer[] order = new Integer[nSamples];
        for (int i = 0; i < nSamples; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> dist[i]));
        int[] idx = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        int step = nSamples / nClasses;
        int[] y = new int[nSamples];
        for (int i = 0; i < nSamples; i++) y[i] = Math.min(i / Math.max(step, 1), nClasses - 1);
        if (step == 0) Arrays.fill(y, nClasses - 1);
        Dataset sorted = Dataset.classification(x, nSamples, d, new int[nSamples], nClasses).select(idx);
        Dataset labelled = Dataset.classification(sorted.x(), nSamples, d, y, nClasses);
        return shuffle ? Checks.shuffleRows(labelled, rng) : labelled;
    }
}
