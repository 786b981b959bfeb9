package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.LayerNorm(D, eps, elementwise_affine) over the last dimension D of each row's shape (the
 * features of a flat row, W of a [C, H, W] row): each group of D values becomes
 * (x - mean) / sqrt(var + eps) * weight + bias with the biased variance; "weight" [D] starts at
 * ones and "bias" [D] at zeros (nothing drawn). Statistics in double, the output rounded to
 * float. Training and eval are the same.
 */
public final class LayerNorm implements ShapedLayer {
    private final double eps;
    private final boolean affine;
    private int d = -1;
    private int width;
    private Parameter weight;
    private Parameter bias;
    private float[] output;
    private float[] gradInput;
    private float[] lastInput;
    /** Per group of the last forward: mean and 1 / sqrt(var + eps). */
    private double[] mean;
    private double[] rstd;

    public LayerNorm(double eps, boolean elementwiseAffine) {
        if (!(eps > 0)) throw new IllegalArgumentException("layer_norm: eps must be positive, got " + eps);
        this.eps = eps;
        this.affine = elementwiseAffine;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        d = inputShape[inputShape.length - 1];
        width = ShapedLayer.size(inputShape);
        if (affine) {
            weight = new Parameter("weight", d);
            bias = new Parameter("bias", d);
            java.util.Arrays.fill(weight.value, 1f);
        }
        output = new float[maxBatch * width];
        gradInput = new float[maxBatch * width];
        mean = new double[maxBatch * (width / d)];
        rstd = new double[mean.length];
        return width;
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        lastInput = input;
        int groups = batch * width / d;
        for (int gi = 0; gi < groups; gi++) {
            int at = gi * d;
            double sum = 0;
            for (int j = 0; j < d; j++) sum += input[at + j];
            double m = sum / d;
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double c = input[at + j] - m;
                sq += c * c;
            }
            double r = 1 / Math.sqrt(sq / d + eps);
            mean[gi] = m;
            rstd[gi] = r;
            for (int j = 0; j < d; j++) {
                double y = (input[at + j] - m) * r;
                output[at + j] = (float) (affine ? y * weight.value[j] + bias.value[j] : y);
            }
        }
        return output;
    }

    /** dx = rstd * (a - mean(a) - xhat * mean(a * xhat)) with a = g * weight; dweight += g * xhat, dbias += g. */
    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        int groups = batch * width / d;
        for (int gi = 0; gi < groups; gi++) {
            int at = gi * d;
            double m = mean[gi];
            double r = rstd[gi];
            double sumA = 0;
            double sumAx = 0;
            for (int j = 0; j < d; j++) {
                double xhat = (lastInput[at + j] - m) * r;
                double g = gradOutput[at + j];
                if (affine) {
                    weight.grad[j] += (float) (g * xhat);
                    bias.grad[j] += (float) g;
                }
                double a = affine ? g * weight.value[j] : g;
                sumA += a;
                sumAx += a * xhat;
            }
            if (!needInputGrad) continue;
            double meanA = sumA / d;
            double meanAx = sumAx / d;
            for (int j = 0; j < d; j++) {
                double xhat = (lastInput[at + j] - m) * r;
                double a = affine ? gradOutput[at + j] * weight.value[j] : gradOutput[at + j];
                gradInput[at + j] = (float) (r * (a - meanA - xhat * meanAx));
            }
        }
        return needInputGrad ? gradInput : null;
    }

    @Override
    public List<Parameter> parameters() {
        return affine ? List.of(weight, bias) : List.of();
    }

    @Override
    public String describe() {
        return "layer_norm(" + (d < 0 ? "?" : Integer.toString(d)) + (affine ? "" : ", no affine") + ")";
    }
}
