package dev.trainspec.engine.data;

/**
 * scikit-learn's {@code Normalizer(norm='l2')} ({@code preprocessing.normalize}): each row divided
 * by {@code sqrt(einsum('ij,ij->i', X, X))}, the norm summed in numpy's einsum order
 * ({@link Numpy#einsumRowSquares}); rows whose norm is below 10 eps (all-zero rows) are left as
 * they are. Stateless: fitting learns nothing.
 */
public final class L2Normalizer implements Preprocessor, Preprocessor.Fitted {
    private static final double TINY = 10 * Math.ulp(1.0);

    @Override
    public Fitted fit(Dataset rows) {
        return this;
    }

    @Override
    public Dataset transform(Dataset rows) {
        int cols = rows.cols();
        if (rows.isFloat32()) {
            float[] in = rows.xFloat32();
            float[] out = new float[in.length];
            for (int r = 0; r < rows.rows(); r++) {
                int o = r * cols;
                double sq = 0;
                for (int j = 0; j < cols; j++) sq += (double) in[o + j] * in[o + j];
                double norm = Math.sqrt(sq);
                if (norm < TINY) norm = 1.0;
                for (int j = 0; j < cols; j++) out[o + j] = (float) (in[o + j] / norm);
            }
            return rows.withXFloat32(out);
        }
        double[] in = rows.x();
        double[] out = new double[in.length];
        for (int r = 0; r < rows.rows(); r++) {
            int o = r * cols;
            double norm = Math.sqrt(Numpy.einsumRowSquares(in, o, cols));
            if (norm < TINY) norm = 1.0;
            for (int j = 0; j < cols; j++) out[o + j] = in[o + j] / norm;
        }
        return rows.withX(out);
    }

    @Override
    public String describe() {
        return "l2_normalize";
    }
}
