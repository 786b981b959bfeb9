package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * scikit-learn's {@code make_classification}, draw for draw: hypercube vertices as cluster
 * centroids ({@code ±class_sep}, optionally shrunk by uniforms when not {@code hypercube}),
 * standard normal informative features mixed per cluster by a random matrix in [-1, 1), redundant
 * features as random combinations of the informative ones, repeated copies, standard normal
 * useless features, labels flipped at random with probability {@code flip_y}, then shift and
 * scale (random when null), and finally rows and columns shuffled.
 */
public final class MakeClassification {
    private MakeClassification() {
    }

    /** All of make_classification's parameters; {@code shift}/{@code scale}: one value, one a feature, or null (random). */
    public record Params(int nSamples, int nFeatures, int nInformative, int nRedundant, int nRepeated, int nClasses,
            int nClustersPerClass, double[] weights, double flipY, double classSep, boolean hypercube,
            double[] shift, double[] scale, boolean shuffle) {
        /** scikit-learn's defaults. */
        public static Params defaults() {
            return new Params(100, 20, 2, 2, 0, 2, 2, null, 0.01, 1.0, true, new double[] {0.0}, new double[] {1.0}, true);
        }
    }

    public static Dataset makeClassification(Params p, RandomState rng) {
        int ni = p.nInformative();
        int nr = p.nRedundant();
        int nf = p.nFeatures();
        int k = p.nClasses();
        int cpc = p.nClustersPerClass();
        int n = p.nSamples();
        if ((long) ni + nr + p.nRepeated() > nf) {
            throw new IllegalArgumentException("Number of informative, redundant and repeated features must sum to less than the number of total features");
        }
        // ni < log2(k * cpc), compared exactly in integers
        if (ni < 62 && (1L << ni) < (long) k * cpc) {
            throw new IllegalArgumentException("n_classes(" + k + ") * n_clusters_per_class(" + cpc + ") must be smaller or equal 2**n_informative("
                    + ni + ")=" + (1L << ni));
        }
        double[] weights = ClassWeights.complete(p.weights(), k);
        int nUseless = nf - ni - nr - p.nRepeated();
        int nClusters = k * cpc;
        int[] perCluster = new int[nClusters];
        long assigned = 0;
        for (int c = 0; c < nClusters; c++) {
            perCluster[c] = (int) (n * weights[c % k] / cpc);
            assigned += perCluster[c];
        }
        for (long i = 0; i < n - assigned; i++) perCluster[(int) (i % nClusters)]++;

        double[] x = new double[Math.multiplyExact(n, nf)];
        int[] y = new int[n];
        double[][] centroids = Hypercube.vertices(nClusters, ni, rng);
        for (double[] c : centroids) {
            for (int j = 0; j < ni; j++) {
                c[j] *= 2 * p.classSep();
                c[j] -= p.classSep();
            }
        }
        if (!p.hypercube()) {
            double[] byCluster = rng.randomSample(nClusters);
            double[] byFeature = rng.randomSample(ni);
            for (int c = 0; c < nClusters; c++) for (int j = 0; j < ni; j++) centroids[c][j] *= byCluster[c];
            for (int c = 0; c < nClusters; c++) for (int j = 0; j < ni; j++) centroids[c][j] *= byFeature[j];
        }
        for (int r = 0; r < n; r++) for (int j = 0; j < ni; j++) x[r * nf + j] = rng.standardNormal();
        int stop = 0;
        double[] mixed = new double[0];
        for (int c = 0; c < nClusters; c++) {
            int start = stop;
            stop += perCluster[c];
            for (int r = start; r < stop; r++) y[r] = c % k;
            double[] a = uniformMinusOneToOne(rng, ni * ni);
            int rows = stop - start;
            if (mixed.length < rows * ni) mixed = new double[rows * ni];
            Blas.gemm(x, start * nf, nf, rows, ni, a, ni, mixed, 0, ni);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < ni; j++) x[(start + r) * nf + j] = mixed[r * ni + j] + centroids[c][j];
            }
        }
        if (nr > 0) {
            double[] b = uniformMinusOneToOne(rng, ni * nr);
            Blas.gemm(x, 0, nf, n, ni, b, nr, x, ni, nf);
        }
        if (p.nRepeated() > 0) {
            int m = ni + nr;
            int[] indices = new int[p.nRepeated()];
            for (int i = 0; i < indices.length; i++) indices[i] = (int) ((m - 1) * rng.randomSample() + 0.5);
            for (int r = 0; r < n; r++) for (int i = 0; i < indices.length; i++) x[r * nf + m + i] = x[r * nf + indices[i]];
        }
        if (nUseless > 0) {
            for (int r = 0; r < n; r++) for (int j = nf - nUseless; j < nf; j++) x[r * nf + j] = rng.standardNormal();
        }
        if (p.flipY() >= 0.0) {
            boolean[] flip = new boolean[n];
            for (int r = 0; r < n; r++) flip[r] = rng.randomSample() < p.flipY();
            for (int r = 0; r < n; r++) if (flip[r]) y[r] = (int) rng.randint(k);
        }
        double[] shift = p.shift();
        if (shift == null) {
            shift = new double[nf];
            for (int j = 0; j < nf; j++) shift[j] = (2 * rng.randomSample() - 1) * p.classSep();
        }
        for (int i = 0; i < x.length; i++) x[i] += shift.length == 1 ? shift[0] : shift[i % nf];
        double[] scale = p.scale();
        if (scale == null) {
            scale = new double[nf];
            for (int j = 0; j < nf; j++) scale[j] = 1 + 100 * rng.randomSample();
        }
        for (int i = 0; i < x.length; i++) x[i] *= scale.length == 1 ? scale[0] : scale[i % nf];
        Dataset d = Dataset.classification(x, n, nf, y, k);
        if (!p.shuffle()) return d;
        d = Checks.shuffleRows(d, rng);
        int[] cols = new int[nf];
        for (int j = 0; j < nf; j++) cols[j] = j;
        rng.shuffle(cols);
        double[] in = d.x();
        double[] out = new double[in.length];
        for (int r = 0; r < n; r++) for (int j = 0; j < nf; j++) out[r * nf + j] = in[r * nf + cols[j]];
        return d.withX(out);
    }

    private static double[] uniformMinusOneToOne(RandomState rng, int size) {
        double[] a = rng.randomSample(size);
        for (int i = 0; i < size; i++) a[i] = 2 * a[i] - 1;
        return a;
    }
}
