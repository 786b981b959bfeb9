package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import dev.trainspec.engine.tensor.LinearKernels;
import java.util.List;

/**
 * nn.Linear: y = x W^T + b with W "weight" [out, in] and b "bias" [out]. {@link #build} runs
 * reset_parameters as nn.Linear's constructor does (weight kaiming_uniform_(a=sqrt(5)), then the
 * bias U(-1/sqrt(in), 1/sqrt(in))); a custom {@link Init} is applied afterwards by
 * {@link #applyInit}, once the whole model is built.
 */
public final class Linear implements Layer {
    private final int out;
    private final boolean hasBias;
    private final Init init;
    private int in = -1;
    private Parameter weight;
    private Parameter bias;
    private float[] output;
    /**
     * Made by the first backward that asks for it: a model's first layer never does (nothing
     * learns from its input's gradient), and sized for an evaluation chunk (4096 rows) its buffer
     * was most of what a run allocated (8 of 11 MB a run on 250k x 512 rows).
     */
    private float[] gradInput;
    private float[] lastInput;
    /** Where the last forward's input rows lie in lastInput (forwardRows), or null: they are its first rows. */
    private int[] lastRows;

    public Linear(int out, boolean bias, Init init) {
        if (out < 1) throw new IllegalArgumentException("Linear: out_features must be positive, got " + out);
        this.out = out;
        this.hasBias = bias;
        this.init = init;
    }

    public Linear(int out) {
        this(out, true, new Init.PyTorch());
    }

    @Override
    public int build(int inputWidth, int maxBatch, RandomStream rng) {
        if (inputWidth < 1) throw new IllegalArgumentException("Linear: in_features must be positive, got " + inputWidth);
        this.in = inputWidth;
        weight = new Parameter("weight", out, in);
        bias = hasBias ? new Parameter("bias", out) : null;
        Init.resetParameters(weight, bias, in, out, rng);
        output = new float[maxBatch * out];
        return out;
    }

    /**
     * {@code nn.init.X_(self.weight)} for this layer's custom init, called after every layer of the
     * model was built: draws nothing for the default (reset_parameters already drew it).
     */
    public void applyInit(RandomStream rng) {
        if (weight == null) throw new IllegalStateException("applyInit before build");
        if (!(init instanceof Init.PyTorch)) init.fill(weight.value, in, out, rng);
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        lastInput = input;
        lastRows = null;
        LinearKernels.forward(input, weight.value, hasBias ? bias.value : null, output, batch, in, out);
        return output;
    }

    /** Whether {@link #forwardRows} can read this layer's input rows where they lie (inputs wide enough for the lane order). */
    public boolean readsRows() {
        return LinearKernels.readsRows(in);
    }

    /** Whether a training step should read its input rows where they lie ({@link #forwardRows}): see {@link LinearKernels#trainsOnRows}. */
    public boolean trainsOnRows() {
        return LinearKernels.trainsOnRows(in);
    }

    /**
     * The forward of input rows {@code x[rows[k], :]}, read where they lie instead of from a
     * gathered copy: the same bits as {@link #forward} on the copy (a linear layer has no mode).
     * {@link #backward} then reads the same rows there too, so {@code rows} must hold them until
     * it ran. Only when {@link #readsRows}.
     */
    public float[] forwardRows(float[] x, int[] rows, int batch) {
        lastInput = x;
        lastRows = rows;
        LinearKernels.forwardRows(x, rows, weight.value, hasBias ? bias.value : null, output, batch, in, out);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (lastRows == null) LinearKernels.accumulateWeightGrad(gradOutput, lastInput, weight.grad, batch, in, out);
        else LinearKernels.accumulateWeightGradRows(gradOutput, lastInput, lastRows, weight.grad, batch, in, out);
        if (hasBias) LinearKernels.accumulateBiasGrad(gradOutput, bias.grad, batch, out);
        if (!needInputGrad) return null;
        if (gradInput == null) gradInput = new float[output.length / out * in];
        LinearKernels.inputGrad(gradOutput, weight.value, gradInput, batch, in, out);
        return gradInput;
    }

    @Override
    public Layer evalTwin(int maxBatch) {
        if (weight == null) throw new IllegalStateException("evalTwin before build");
        Linear twin = new Linear(out, hasBias, init);
        twin.in = in;
        twin.weight = weight;
        twin.bias = bias;
        twin.output = new float[maxBatch * out];
        return twin;
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

    public Init init() {
        return init;
    }

    @Override
    public String describe() {
        String shape = (in < 0 ? "?" : Integer.toString(in)) + "->" + out;
        String initText = init instanceof Init.PyTorch ? "" : ", init=" + init.describe();
        return "linear(" + shape + (hasBias ? "" : ", no bias") + initText + ")";
    }
}
