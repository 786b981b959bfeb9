package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import dev.trainspec.engine.tensor.ConvGeometry;
import dev.trainspec.engine.tensor.PoolKernels;
import java.util.List;

/**
 * nn.MaxPool2d / nn.AvgPool2d(kernel_size, stride = kernel_size) on [C, H, W] rows, without
 * padding, floor mode (PyTorch's defaults). No parameters, nothing drawn.
 */
public final class Pool2d implements ShapedLayer {
    private final boolean max;
    private final int kernel;
    private final int stride;
    private ConvGeometry geometry;
    private float[] output;
    private float[] gradInput;
    private int[] argmax;
    /** The last forward's input, and whether argmax holds its offsets (a forward in eval mode skips them). */
    private float[] lastInput;
    private boolean argmaxCurrent;

    public Pool2d(boolean max, int kernelSize, int stride) {
        if (kernelSize < 1 || stride < 1) throw new IllegalArgumentException(name(max) + ": kernel_size and stride must be positive");
        this.max = max;
        this.kernel = kernelSize;
        this.stride = stride;
    }

    /** stride = kernel_size, PyTorch's default. */
    public Pool2d(boolean max, int kernelSize) {
        this(max, kernelSize, kernelSize);
    }

    private static String name(boolean max) {
        return max ? "max_pool2d" : "avg_pool2d";
    }

    private ConvGeometry geometry(int[] in) {
        if (in.length != 3) throw ShapeMismatch.needsImage(name(max), in);
        ConvGeometry g = new ConvGeometry(in[0], in[1], in[2], in[0], kernel, kernel, stride, stride, 0, 0);
        if (!g.fits()) {
            throw new ShapeMismatch("a kernel_size no larger than the input (" + in[1] + " x " + in[2] + ")", "kernel_size " + kernel,
                    "lower kernel_size");
        }
        return g;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        ConvGeometry g = geometry(inputShape);
        return new int[] {g.c(), g.oh(), g.ow()};
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        geometry = geometry(inputShape);
        output = new float[maxBatch * geometry.outSize()];
        gradInput = new float[maxBatch * geometry.inSize()];
        if (max) argmax = new int[maxBatch * geometry.outSize()];
        return geometry.outSize();
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        if (max) {
            // evaluation (forward only: 1,797 digits rows an epoch) needs no offsets, so none are stored
            lastInput = input;
            argmaxCurrent = training;
            PoolKernels.maxForward(input, output, training ? argmax : null, batch, geometry);
        } else {
            PoolKernels.avgForward(input, output, batch, geometry);
        }
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) return null;
        if (max) {
            if (!argmaxCurrent) PoolKernels.maxForward(lastInput, output, argmax, batch, geometry); // the same values again, with offsets
            argmaxCurrent = true;
            PoolKernels.maxBackward(gradOutput, argmax, gradInput, batch, geometry);
        } else {
            PoolKernels.avgBackward(gradOutput, gradInput, batch, geometry);
        }
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String describe() {
        return name(max) + "(kernel_size=" + kernel + (stride == kernel ? "" : ", stride=" + stride) + ")";
    }
}
