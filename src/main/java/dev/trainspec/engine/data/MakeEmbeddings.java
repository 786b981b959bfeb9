package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

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
 * of the whole matrix (8 GB). The random draws are sequential; the logarithms and the rows are
 * spread over the cores in chunks, with the sequential bits ({@link #inChunks}).
 */
public final class MakeEmbeddings {
    /** Normals a chunk holds: its draws take 4 MB each for x1, x2 and r2, small next to the rows. */
    private static final int CHUNK_NORMALS = 1 << 20;
    /** Chunks drawn ahead of the threads that write them: bounds the draws held at once. */
    private static final int IN_FLIGHT = 4;

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
        if (rng.hasCachedNormal() || size % 2 != 0) {
            // the stream does not start or end on a whole pair: one normal at a time
            double[] row = new double[nFeatures];
            for (int r = 0; r < nSamples; r++) {
                for (int j = 0; j < nFeatures; j++) row[j] = rng.standardNormal();
                writeRow(row, y[r] == 1 ? shift : -shift, nInformative, x, r * nFeatures);
            }
        } else {
            inChunks(x, y, nFeatures, nInformative, shift, rng);
        }
        return Dataset.float32Classification(x, nSamples, nFeatures, y, 2);
    }

    /**
     * The rows in chunks of about a million normals: this thread draws each chunk's polar pairs
     * (the sequential part, 40% of the work), other threads take the logarithms and write the
     * rows. Every value is computed exactly as {@link RandomState#standardNormal()} computes it,
     * so the bits are the sequential ones at any thread count.
     */
    private static void inChunks(float[] x, int[] y, int nFeatures, int nInformative, double shift, RandomState rng) {
        int nSamples = y.length;
        int chunkRows = Math.max(2, (CHUNK_NORMALS / nFeatures) & ~1); // even: a chunk holds whole pairs
        Deque<CompletableFuture<Void>> pending = new ArrayDeque<>();
        for (int r0 = 0; r0 < nSamples; r0 += chunkRows) {
            int r1 = Math.min(nSamples, r0 + chunkRows);
            int pairs = (int) ((long) (r1 - r0) * nFeatures / 2);
            double[] x1 = new double[pairs];
            double[] x2 = new double[pairs];
            double[] r2 = new double[pairs];
            rng.polarDraws(x1, x2, r2, pairs);
            int from = r0;
            Runnable rows = () -> writeRows(x, y, from, r1, nFeatures, nInformative, shift, x1, x2, r2);
            if (r1 == nSamples && pending.isEmpty()) {
                rows.run(); // one chunk: no other thread to wait for
            } else {
                pending.add(CompletableFuture.runAsync(rows));
                if (pending.size() > IN_FLIGHT) pending.poll().join();
            }
        }
        pending.forEach(CompletableFuture::join);
    }

    /** Rows [r0, r1) from their polar pairs: normal 2k is f_k x2[k], normal 2k+1 is f_k x1[k]. */
    private static void writeRows(float[] x, int[] y, int r0, int r1, int nFeatures, int nInformative, double shift,
                                  double[] x1, double[] x2, double[] r2) {
        double[] row = new double[nFeatures];
        long g = 0;
        double f = 0;
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < nFeatures; j++, g++) {
                int k = (int) (g >> 1);
                if ((g & 1) == 0) {
                    f = RandomState.polarFactor(r2[k]);
                    row[j] = f * x2[k];
                } else {
                    row[j] = f * x1[k];
                }
            }
            writeRow(row, y[r] == 1 ? shift : -shift, nInformative, x, r * nFeatures);
        }
    }

    /** One row: the first informative features shifted, divided by the L2 norm (summed in order in float64), rounded once. */
    private static void writeRow(double[] row, double sign, int nInformative, float[] x, int o) {
        double sq = 0;
        for (int j = 0; j < row.length; j++) {
            double v = row[j];
            if (j < nInformative) v += sign;
            row[j] = v;
            sq += v * v;
        }
        double norm = Math.sqrt(sq);
        if (norm < 10 * Math.ulp(1.0)) norm = 1.0;
        for (int j = 0; j < row.length; j++) x[o + j] = (float) (row[j] / norm);
    }
}
