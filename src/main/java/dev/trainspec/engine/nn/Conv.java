package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import dev.trainspec.engine.tensor.ConvGeometry;
import dev.trainspec.engine.tensor.ConvKernels;
import java.util.List;

/**
 * nn.Conv1d / nn.Conv2d(in_channels inferred, out_channels, kernel_size, stride, padding, bias)
 * with square kernels, strides and paddings, on [C, L] or [C, H, W] rows. Parameters keep
 * PyTorch's names and shapes: "weight" [O, C, k] or [O, C, k, k], "bias" [O]. {@link #build}
 * runs _ConvNd.reset_parameters: weight kaiming_uniform_(a=sqrt(5)) with fan_in = C * k (* k),
 * then the bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn from the run's generator in that order.
 * A 1-D convolution runs the 2-D kernels with a height of 1.
 */
public final class Conv implements ShapedLayer {
    private final int dims;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean hasBias;
    private ConvGeometry geometry;
    private Parameter weight;
    private Parameter bias;
    private float[] output;
    private float[] gradInput;
    private float[] cols;
    private float[] positionsByChannels;
    private float[] lastInput;

    public Conv(int dims, int outChannels, int kernelSize, int stride, int padding, boolean bias) {
        if (dims != 1 && dims != 2) throw new IllegalArgumentException("only conv1d and conv2d exist, not conv" + dims + "d");
        if (outChannels < 1 || kernelSize < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(name(dims) + ": out_channels, kernel_size and stride must be positive and padding >= 0");
        }
        this.dims = dims;
        this.outChannels = outChannels;
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.hasBias = bias;
    }

    private static String name(int dims) {
        return "conv" + dims + "d";
    }

    /** The geometry for an input shape: [C, L] is a [C, 1, L] image with a 1 x k kernel. */
    private ConvGeometry geometry(int[] in) {
        if (dims == 2 && in.length != 3) throw ShapeMismatch.needsImage(name(dims), in);
        if (dims == 1 && in.length != 2) {
            String hint = in.length == 1 ? "put `unflatten: [1, " + in[0] + "]` first" : "use conv2d on [C, H, W] rows";
            throw new ShapeMismatch("conv1d input of shape [C, L]", "rows of shape " + ShapedLayer.format(in), hint);
        }
        int h = dims == 2 ? in[1] : 1;
        int w = in[in.length - 1];
        ConvGeometry g = dims == 2
                ? new ConvGeometry(in[0], h, w, outChannels, kernel, kernel, stride, stride, padding, padding)
                : new ConvGeometry(in[0], 1, w, outChannels, 1, kernel, 1, stride, 0, padding);
        if (!g.fits()) {
            String padded = dims == 2 ? (h + 2 * padding) + " x " + (w + 2 * padding) : Integer.toString(w + 2 * padding);
            throw new ShapeMismatch("a kernel_size no larger than the padded input (" + padded + ")", "kernel_size " + kernel,
                    "lower kernel_size or add padding");
        }
        return g;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        ConvGeometry g = geometry(inputShape);
        return dims == 2 ? new int[] {outChannels, g.oh(), g.ow()} : new int[] {outChannels, g.ow()};
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        geometry = geometry(inputShape);
        int c = geometry.c();
        weight = dims == 2 ? new Parameter("weight", outChannels, c, kernel, kernel) : new Parameter("weight", outChannels, c, kernel);
        bias = hasBias ? new Parameter("bias", outChannels) : null;
        Init.resetParameters(weight, bias, geometry.patch(), outChannels, rng);
        output = new float[maxBatch * geometry.outSize()];
        gradInput = new float[maxBatch * geometry.inSize()];
        int block = ConvKernels.blockRows(geometry, maxBatch);
        cols = new float[block * geometry.positions() * geometry.patch()];
        positionsByChannels = new float[block * geometry.positions() * outChannels];
        return geometry.outSize();
    }

    /** The last forward left its input's patch rows in cols (one block), until backward uses cols as scratch. */
    private boolean colsHoldInput;

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        lastInput = input;
        float[] b = hasBias ? bias.value : null;
        if (!training && ConvKernels.forwardInPlace(input, weight.value, b, output, batch, geometry, cols)) {
            colsHoldInput = false; // a backward after an evaluation lays the patch rows out itself
            return output;
        }
        colsHoldInput = ConvKernels.oneBlock(batch, geometry, cols);
        ConvKernels.forward(input, weight.value, b, output, batch, geometry, cols, positionsByChannels);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        ConvKernels.accumulateParamGrads(gradOutput, lastInput, weight.grad, hasBias ? bias.grad : null, batch, geometry, cols, positionsByChannels,
                colsHoldInput);
        colsHoldInput = false;
        if (!needInputGrad) return null;
        ConvKernels.inputGrad(gradOutput, weight.value, gradInput, batch, geometry, cols, positionsByChannels);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return hasBias ? List.of(weight, bias) : List.of(weight);
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for {@code bias: false}. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String describe() {
        String channels = (geometry == null ? "?" : Integer.toString(geometry.c())) + "->" + outChannels;
        return name(dims) + "(" + channels + ", kernel_size=" + kernel + (stride == 1 ? "" : ", stride=" + stride)
                + (padding == 0 ? "" : ", padding=" + padding) + (hasBias ? "" : ", no bias") + ")";
    }
}
