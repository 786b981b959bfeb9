package dev.trainspec.engine.nn;


import dev.trainspec.engine.random.RandomState;
import dev.trainspec.engine.random.TorchGenerator;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm1d and PReLU on flat rows keep the bits they had before they learned [C, L] and
 * [C, ...] rows: their training and eval passes against the per-feature loops they replaced
 * (written out below), over a few steps so the running statistics and the accumulated slope
 * gradients are compared too.
 */
class PerChannelFlatRowsTest {
    private static final int BATCH = 7;

    private static float[] draw(RandomState rng, int n, double scale, double shift) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (shift + rng.normal(0, scale));
        return a;
    }

    /** The flat-row BatchNorm1d as it was: statistics per feature over the rows, in double. */
    private static final class OldBatchNorm {
        final int width;
        final double momentum;
        final double eps;
        final float[] weight;
        final float[] bias;
        final float[] dWeight;
        final float[] dBias;
        final float[] runningMean;
        final float[] runningVar;
        final double[] mean;
        final double[] invStd;

        OldBatchNorm(int width, double momentum, double eps, float[] weight, float[] bias) {
            this.width = width;
            this.momentum = momentum;
            this.eps = eps;
            this.weight = weight.clone();
            this.bias = bias.clone();
            dWeight = new float[width];
            dBias = new float[width];
            runningMean = new float[width];
            runningVar = new float[width];
            java.util.Arrays.fill(runningVar, 1f);
            mean = new double[width];
            invStd = new double[width];
        }

        float[] forward(float[] in, int batch, boolean training) {
            if (training) {
                java.util.Arrays.fill(mean, 0);
                for (int r = 0; r < batch; r++) for (int c = 0; c < width; c++) mean[c] += in[r * width + c];
                for (int c = 0; c < width; c++) mean[c] /= batch;
                double[] varSum = invStd;
                java.util.Arrays.fill(varSum, 0);
                for (int r = 0; r < batch; r++) {
                    for (int c = 0; c < width; c++) {
                        double d = in[r * width + c] - mean[c];
                        varSum[c] += d * d;
                    }
                }
                for (int c = 0; c < width; c++) {
                    double unbiased = varSum[c] / (batch - 1);
                    runningMean[c] = (float) (momentum * mean[c] + (1 - momentum) * runningMean[c]);
                    runningVar[c] = (float) (momentum * unbiased + (1 - momentum) * runningVar[c]);
                    invStd[c] = 1 / Math.sqrt(varSum[c] / batch + eps);
                }
            } else {
                for (int c = 0; c < width; c++) {
                    mean[c] = runningMean[c];
                    invStd[c] = 1 / Math.sqrt(runningVar[c] + eps);
                }
            }
            float[] out = new float[batch * width];
            for (int c = 0; c < width; c++) {
                float alpha = (float) (invStd[c] * weight[c]);
                float beta = (float) (bias[c] - mean[c] * alpha);
                for (int r = 0; r < batch; r++) out[r * width + c] = in[r * width + c] * alpha + beta;
            }
            return out;
        }

        float[] backward(float[] in, float[] g, int batch, boolean training) {
            float[] dx = new float[batch * width];
            for (int c = 0; c < width; c++) {
                double sumG = 0;
                double dot = 0;
                for (int r = 0; r < batch; r++) {
                    int k = r * width + c;
                    sumG += g[k];
                    dot += g[k] * (in[k] - mean[c]);
                }
                dBias[c] += (float) sumG;
                dWeight[c] += (float) (dot * invStd[c]);
                double scale = invStd[c] * weight[c];
                double gradMean = sumG / batch;
                double k = dot * invStd[c] * invStd[c] / batch;
                for (int r = 0; r < batch; r++) {
                    int i = r * width + c;
                    dx[i] = training ? (float) ((g[i] - gradMean - (in[i] - mean[c]) * k) * scale) : (float) (g[i] * scale);
                }
            }
            return dx;
        }
    }

    @Test
    void batchNormOnFlatRowsIsTheFeatureLoop() {
        RandomState rng = new RandomState(11);
        for (int width = 1; width <= 9; width += 4) {
            float[] w = draw(rng, width, 1, 0.5);
            float[] b = draw(rng, width, 1, 0);
            OldBatchNorm old = new OldBatchNorm(width, 0.2, 1e-3, w, b);
            BatchNorm1d bn = new BatchNorm1d(0.2, 1e-3);
            bn.build(width, BATCH, new TorchGenerator(0));
            System.arraycopy(w, 0, bn.parameters().get(0).value, 0, width);
            System.arraycopy(b, 0, bn.parameters().get(1).value, 0, width);
            for (int step = 0; step < 4; step++) {
                boolean training = step < 3;
                String what = "batch_norm width " + width + " step " + step;
                float[] x = draw(rng, BATCH * width, 3, 1.5);
                float[] g = draw(rng, BATCH * width, 1, 0);
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.forward(x, BATCH, training), bn.forward(x, BATCH, training), BATCH * width, what + " output");
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.backward(x, g, BATCH, training), bn.backward(g, BATCH, true), BATCH * width, what + " input gradient");
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.runningMean, bn.runningMean(), width, what + " running mean");
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.runningVar, bn.runningVar(), width, what + " running var");
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.dWeight, bn.parameters().get(0).grad, width, what + " dweight");
                SoftmaxFamilyFlatRowsTest.assertSameBits(old.dBias, bn.parameters().get(1).grad, width, what + " dbias");
            }
        }
    }

    @Test
    void preluOnFlatRowsIsTheFeatureLoop() {
        RandomState rng = new RandomState(12);
        int width = 6;
        for (int n : new int[] {1, width}) {
            float[] a = draw(rng, n, 0.5, 0.25);
            float[] da = new float[n];
            PReLU prelu = new PReLU(n, 0.25);
            prelu.build(width, BATCH, new TorchGenerator(0));
            System.arraycopy(a, 0, prelu.weight().value, 0, n);
            int stride = n == 1 ? 0 : 1;
            for (int step = 0; step < 3; step++) {
                float[] x = draw(rng, BATCH * width, 2, 0);
                float[] g = draw(rng, BATCH * width, 1, 0);
                float[] y = new float[x.length];
                float[] dx = new float[x.length];
                for (int r = 0; r < BATCH; r++) {
                    for (int c = 0; c < width; c++) {
                        int k = r * width + c;
                        boolean positive = x[k] > 0f;
                        y[k] = positive ? x[k] : a[c * stride] * x[k];
                        if (!positive) da[c * stride] += x[k] * g[k];
                        dx[k] = positive ? g[k] : a[c * stride] * g[k];
                    }
                }
                String what = "prelu(" + n + ") step " + step;
                SoftmaxFamilyFlatRowsTest.assertSameBits(y, prelu.forward(x, BATCH, true), x.length, what + " output");
                SoftmaxFamilyFlatRowsTest.assertSameBits(dx, prelu.backward(g, BATCH, true), x.length, what + " input gradient");
                SoftmaxFamilyFlatRowsTest.assertSameBits(da, prelu.weight().grad, n, what + " slope gradient");
            }
        }
    }
}
