package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.BatchNorm1d(C, momentum, eps) on [batch, C] with an affine "weight" (ones) and "bias"
 * (zeros). Training normalises with the batch mean and biased variance and moves the running
 * statistics (starting at 0 and 1) towards the batch mean and the UNBIASED variance by
 * {@code momentum}; eval normalises with the running statistics. Statistics are summed in double
 * (PyTorch's CPU accumulation type for float); the transform is y = x * alpha + beta per channel
 * in float, as batch_norm_cpu_transform_input computes it.
 */
public final class BatchNorm1d extends Activation {
    private final double momentum;
    private final double eps;
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

    @Override
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {
        weight = new Parameter("weight", inputWidth);
        bias = new Parameter("bias", inputWidth);
        java.util.Arrays.fill(weight.value, 1f);
        runningMean = new float[inputWidth];
        runningVar = new float[inputWidth];
        java.util.Arrays.fill(runningVar, 1f);
        mean = new double[inputWidth];
        invStd = new double[inputWidth];
        alpha = new float[inputWidth];
        beta = new float[inputWidth];
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        lastTraining = training;
        if (training) batchStatistics(in, batch);
        else runningStatistics();
        for (int c = 0; c < width; c++) {
            alpha[c] = (float) (invStd[c] * weight.value[c]);
            beta[c] = (float) (bias.value[c] - mean[c] * alpha[c]);
        }
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            for (int c = 0; c < width; c++) out[row + c] = in[row + c] * alpha[c] + beta[c];
        }
    }

    private void batchStatistics(float[] in, int batch) {
        if (batch < 2) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size [" + batch + ", " + width + "]");
        }
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
    }

    private void runningStatistics() {
        for (int c = 0; c < width; c++) {
            mean[c] = runningMean[c];
            invStd[c] = 1 / Math.sqrt(runningVar[c] + eps);
        }
    }

    /**
     * Training: batch_norm_backward's dx = (g - mean(g) - xc * dot / (N var)) * invstd * w with
     * xc = x - mean and dot = sum(g * xc); eval: the statistics are constants, dx = g * invstd * w.
     */
    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        for (int c = 0; c < width; c++) {
            double sumG = 0;
            double dot = 0;
            for (int r = 0; r < batch; r++) {
                int k = r * width + c;
                sumG += g[k];
                dot += g[k] * (lastInput[k] - mean[c]);
            }
            bias.grad[c] += (float) sumG;
            weight.grad[c] += (float) (dot * invStd[c]);
            if (dx == null) continue;
            double scale = invStd[c] * weight.value[c];
            if (lastTraining) {
                double gradMean = sumG / batch;
                double k = dot * invStd[c] * invStd[c] / batch;
                for (int r = 0; r < batch; r++) {
                    int i = r * width + c;
                    dx[i] = (float) ((g[i] - gradMean - (lastInput[i] - mean[c]) * k) * scale);
                }
            } else {
                for (int r = 0; r < batch; r++) dx[r * width + c] = (float) (g[r * width + c] * scale);
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
        return "batch_norm(" + (width < 0 ? "?" : Integer.toString(width)) + ")";
    }
}
