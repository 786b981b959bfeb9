package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.BatchNorm1d(C, momentum, eps) on [batch, C] or [batch, C, L] with an affine "weight" (ones)
 * and "bias" (zeros) per channel. A [C, L] row holds channel c at {@code c * L + p}
 * (SoftmaxFamily's layout); a flat row is the case L = 1. Statistics are per channel over the
 * batch's N * L values: training normalises with their mean and biased variance and moves the
 * running statistics (starting at 0 and 1) towards the mean and the UNBIASED variance by
 * {@code momentum}; eval normalises with the running statistics. Statistics are summed in double
 * (PyTorch's CPU accumulation type for float), values visited row by row and, within a row, from
 * p = 0 up, so flat rows keep the order they always had; the transform is y = x * alpha + beta
 * per channel in float, as batch_norm_cpu_transform_input computes it.
 */
public final class BatchNorm1d extends Activation implements ShapedLayer {
    private final double momentum;
    private final double eps;
    /** C, and L: the values of one channel in one row (1 for flat rows). */
    private int channels;
    private int positions;
    /** Rows of shape [C, L] rather than flat [F] (when L = 1 they hold the same values, but PyTorch names the shape in its error). */
    private boolean shaped;
    private Parameter weight;
    private Parameter bias;
    private float[] runningMean;
    private float[] runningVar;
    /** Per channel, for the last forward: the mean used and 1 / sqrt(var + eps). */
    private double[] mean;
    private double[] invStd;
    private float[] alpha;
    private float[] beta;
    private boolean lastTraining;

    public BatchNorm1d(double momentum, double eps) {
        if (!(eps > 0)) throw new IllegalArgumentException("BatchNorm1d: eps must be positive, got " + eps);
        this.momentum = momentum;
        this.eps = eps;
    }

    /** [F] or [C, L], as nn.BatchNorm1d takes (N, C) or (N, C, L); it refuses 4-D input and BatchNorm2d is no word of the language. */
    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length > 2) {
            throw new ShapeMismatch("batch_norm input of flat rows [F] or rows of shape [C, L] (BatchNorm1d takes 2-D or 3-D input)",
                    "rows of shape " + ShapedLayer.format(inputShape), "put `flatten` first; BatchNorm2d is not in the language");
        }
        return inputShape.clone();
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        outputShape(inputShape);
        channels = inputShape[0];
        positions = inputShape.length == 1 ? 1 : inputShape[1];
        shaped = inputShape.length == 2;
        return super.build(ShapedLayer.size(inputShape), maxBatch, rng);
    }

    /** Flat rows of this width: one channel per feature. */
    @Override
    public int build(int inputWidth, int maxBatch, RandomStream rng) {
        return build(new int[] {inputWidth}, maxBatch, rng);
    }

    @Override
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {
        weight = new Parameter("weight", channels);
        bias = new Parameter("bias", channels);
        java.util.Arrays.fill(weight.value, 1f);
        runningMean = new float[channels];
        runningVar = new float[channels];
        java.util.Arrays.fill(runningVar, 1f);
        mean = new double[channels];
        invStd = new double[channels];
        alpha = new float[channels];
        beta = new float[channels];
    }

    /** The index of value p of channel c in row r. */
    private int at(int r, int c, int p) {
        return r * width + c * positions + p;
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        lastTraining = training;
        if (training) batchStatistics(in, batch);
        else runningStatistics();
        for (int c = 0; c < channels; c++) {
            alpha[c] = (float) (invStd[c] * weight.value[c]);
            beta[c] = (float) (bias.value[c] - mean[c] * alpha[c]);
        }
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) out[at(r, c, p)] = in[at(r, c, p)] * alpha[c] + beta[c];
            }
        }
    }

    private void batchStatistics(float[] in, int batch) {
        int n = batch * positions; // PyTorch counts the values per channel: one row of [C, L > 1] trains
        if (n < 2) {
            String size = "[" + batch + ", " + channels + (shaped ? ", " + positions : "") + "]";
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size " + size);
        }
        java.util.Arrays.fill(mean, 0);
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) for (int p = 0; p < positions; p++) mean[c] += in[at(r, c, p)];
        }
        for (int c = 0; c < channels; c++) mean[c] /= n;
        double[] varSum = invStd;
        java.util.Arrays.fill(varSum, 0);
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) {
                    double d = in[at(r, c, p)] - mean[c];
                    varSum[c] += d * d;
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            double unbiased = varSum[c] / (n - 1);
            runningMean[c] = (float) (momentum * mean[c] + (1 - momentum) * runningMean[c]);
            runningVar[c] = (float) (momentum * unbiased + (1 - momentum) * runningVar[c]);
            invStd[c] = 1 / Math.sqrt(varSum[c] / n + eps);
        }
    }

    private void runningStatistics() {
        for (int c = 0; c < channels; c++) {
            mean[c] = runningMean[c];
            invStd[c] = 1 / Math.sqrt(runningVar[c] + eps);
        }
    }

    /**
     * Training: batch_norm_backward's dx = (g - mean(g) - xc * dot / (n var)) * invstd * w with
     * xc = x - mean, dot = sum(g * xc) and n = N * L values per channel; eval: the statistics are
     * constants, dx = g * invstd * w.
     */
    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        int n = batch * positions;
        for (int c = 0; c < channels; c++) {
            double sumG = 0;
            double dot = 0;
            for (int r = 0; r < batch; r++) {
                for (int p = 0; p < positions; p++) {
                    int k = at(r, c, p);
                    sumG += g[k];
                    dot += g[k] * (lastInput[k] - mean[c]);
                }
            }
            bias.grad[c] += (float) sumG;
            weight.grad[c] += (float) (dot * invStd[c]);
            if (dx == null) continue;
            double scale = invStd[c] * weight.value[c];
            if (lastTraining) {
                double gradMean = sumG / n;
                double k = dot * invStd[c] * invStd[c] / n;
                for (int r = 0; r < batch; r++) {
                    for (int p = 0; p < positions; p++) {
                        int i = at(r, c, p);
                        dx[i] = (float) ((g[i] - gradMean - (lastInput[i] - mean[c]) * k) * scale);
                    }
                }
            } else {
                for (int r = 0; r < batch; r++) {
                    for (int p = 0; p < positions; p++) dx[at(r, c, p)] = (float) (g[at(r, c, p)] * scale);
                }
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** The running mean buffer (live, not a copy). */
    public float[] runningMean() {
        return runningMean;
    }

    /** The running variance buffer (live, not a copy). */
    public float[] runningVar() {
        return runningVar;
    }

    @Override
    public String describe() {
        return "batch_norm(" + (width < 0 ? "?" : Integer.toString(channels)) + ")";
    }
}
