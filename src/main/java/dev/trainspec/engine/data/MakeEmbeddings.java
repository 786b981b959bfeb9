package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * Project generator {@code make_embeddings}: two classes of embedding-like rows, stored in
 * float32. Labels first: {@code n_samples - n_samples // 2} zeros then {@code n_samples // 2}
 * ones, shuffled in place by {@code rng.shuffle}. Then row by row: {@code n_features}
 * standard normals, the first {@code n_informative} shifted by {@code +shift} (class 1) or
 * {@code -shift} (class 0), the row divided by its L2 norm (summed in order in float64) and
 * rounded once to float32.
 *
 * <p>Rows are generated one at a time into a float64 buffer of one row and written straight into
 * the float32 storage, so 2,000,000 x 512 needs 4 GB (the float32 array) and never a float64 copy
 * of the whole matrix (8 GB).
 */
public final class MakeEmbeddings {
    private MakeEmbeddings() {
    }

    public static Dataset makeEmbeddings(int nSamples, int nFeatures, int nInformative, double shift, RandomState rng) {
        Checks.positive("n_samples", nSamples);
        Checks.positive("n_features", nFeatures);
        Checks.positive("n_informative", nInformative);
        if (nInformative > nFeatures) {
            throw new IllegalArgumentException("n_informative must be <= n_features, found " + nInformative + " > " + nFeatures);
        }
        Checks.scale("shift", shift);
        long size = (long) nSamples * nFeatures;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n_samples * n_features = " + size + " is more than one float32 array can hold (2^31 - 9 values)");
        }
        int[] y = new int[nSamples];
        for (int i = nSamples - nSamples / 2; i < nSamples; i++) y[i] = 1;
        rng.shuffle(y);
        float[] x = new float[(int) size];
        double[] row = new double[nFeatures];
        for (int r = 0; r < nSamples; r++) {
            double sign = y[r] == 1 ? shift : -shift;
            double sq = 0;
            for (int j = 0; j < nFeatures; j++) {
                double v = rng.standardNormal();
                if (j < nInformative) v += sign;
                row[j] = v;
                sq += v * v;
            }
            double norm = Math.sqrt(sq);
            if (norm < 10 * Math.ulp(1.0)) norm = 1.0;
            int o = r * nFeatures;
            for (int j = 0; j < nFeatures; j++) x[o + j] = (float) (row[j] / norm);
        }
        return Dataset.float32Classification(x, nSamples, nFeatures, y, 2);
    }
}
