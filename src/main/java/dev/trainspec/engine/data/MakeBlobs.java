package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;

/**
 * scikit-learn's {@code make_blobs}: isotropic Gaussian blobs. Random centers are drawn first
 * ({@code uniform(center_box[0], center_box[1], size=(n_centers, n_features))}, row-major), then
 * each blob's rows in turn as {@code center + std * standard_normal}, then the rows are shuffled.
 * Blob i gets {@code n_samples // n_centers} rows, the first {@code n_samples % n_centers} one
 * more, unless the counts are given per blob.
 */
public final class MakeBlobs {
    private MakeBlobs() {
    }

    /**
     * {@code make_blobs(n_samples, n_features, centers, cluster_std, center_box, shuffle, random_state)}.
     *
     * @param nSamples   one total ({@code int[]{n}}, split evenly) when {@code perBlob} is false,
     *                   else the rows of each blob
     * @param centers    explicit centers [n_centers][n_features], or null for {@code nCenters} random ones
     * @param nCenters   used when centers is null; null means 3 (or the length of a per-blob count)
     * @param clusterStd one value for all blobs, or one a blob
     */
    public static Dataset makeBlobs(int[] nSamples, boolean perBlob, int nFeatures, double[][] centers, Integer nCenters,
            double[] clusterStd, double[] centerBox, boolean shuffle, RandomState rng) {
        if (!perBlob && nSamples.length != 1) throw new IllegalStateException("one total expected");
        int k;
        if (!perBlob) {
            k = centers != null ? centers.length : nCenters != null ? nCenters : 3;
        } else {
            k = nSamples.length;
            if (nCenters != null) {
                throw new IllegalArgumentException("Parameter `centers` must be array-like. Got " + nCenters + " instead");
            }
            if (centers != null && centers.length != k) {
                throw new IllegalArgumentException("Length of `n_samples` not consistent with number of centers. Got n_samples = "
                        + Arrays.toString(nSamples) + " and centers = " + Arrays.deepToString(centers));
            }
        }
        if (k < 1) throw new IllegalArgumentException("centers must be >= 1, found " + k);
        for (int n : nSamples) Checks.nonNegative("n_samples", n);
        if (centers == null) {
            Checks.positive("n_features", nFeatures);
            centers = new double[k][nFeatures];
            for (double[] c : centers) for (int j = 0; j < nFeatures; j++) c[j] = rng.uniform(centerBox[0], centerBox[1]);
        } else {
            nFeatures = centers[0].length;
            for (double[] c : centers) {
                if (c.length != nFeatures) throw new IllegalArgumentException("centers must all have the same number of features");
            }
        }
        if (clusterStd.length != 1 && clusterStd.length != k) {
            throw new IllegalArgumentException("Length of `clusters_std` not consistent with number of centers. Got centers = "
                    + Arrays.deepToString(centers) + " and cluster_std = " + Arrays.toString(clusterStd));
        }
        for (double s : clusterStd) Checks.scale("cluster_std", s);
        int[] perCenter = new int[k];
        if (perBlob) {
            perCenter = nSamples.clone();
        } else {
            for (int i = 0; i < k; i++) perCenter[i] = nSamples[0] / k + (i < nSamples[0] % k ? 1 : 0);
        }
        int n = Arrays.stream(perCenter).sum();
        double[] x = new double[Math.multiplyExact(n, nFeatures)];
        int[] y = new int[n];
        int row = 0;
        for (int i = 0; i < k; i++) {
            double std = clusterStd.length == 1 ? clusterStd[0] : clusterStd[i];
            for (int r = 0; r < perCenter[i]; r++, row++) {
                for (int j = 0; j < nFeatures; j++) x[row * nFeatures + j] = rng.normal(centers[i][j], std);
                y[row] = i;
            }
        }
        Dataset d = Dataset.classification(x, n, nFeatures, y, k);
        return shuffle ? Checks.shuffleRows(d, rng) : d;
    }
}
