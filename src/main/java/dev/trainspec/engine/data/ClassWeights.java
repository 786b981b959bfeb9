package dev.trainspec.engine.data;

/** make_classification's {@code weights}: null means balanced; n_classes - 1 values get the rest appended (Python's sum order). */
final class ClassWeights {
    private ClassWeights() {
    }

    static double[] complete(double[] weights, int nClasses) {
        double[] w = new double[nClasses];
        if (weights == null) {
            for (int i = 0; i < nClasses; i++) w[i] = 1.0 / nClasses;
            return w;
        }
        if (weights.length != nClasses && weights.length != nClasses - 1) {
            throw new IllegalArgumentException("Weights specified but incompatible with number of classes.");
        }
        System.arraycopy(weights, 0, w, 0, weights.length);
        if (weights.length == nClasses - 1) {
            double sum = 0;
            for (double v : weights) sum += v;
            w[nClasses - 1] = 1.0 - sum;
        }
        return w;
    }
}
