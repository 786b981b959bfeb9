package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;

/**
 * What nn.Softmax(dim=1) and nn.LogSoftmax(dim=1) share: the slices they normalise. A row of
 * shape [C] is one slice of C values; a row of shape [C, rest...] (after {@code unflatten}) is one
 * slice per position p of rest, the C values {@code x[c * positions + p]}, as PyTorch's dim 1 of
 * [N, C, ...]. Values within a slice are visited from c = 0 up, so flat rows get the same bits as
 * a plain loop over the row.
 */
abstract class SoftmaxFamily extends Activation implements ShapedLayer {
    /** The max of the slice {@link #expShifted} last saw. */
    private float max;
    /** C: the values of one slice. */
    protected int channels;
    /** The slices of one row, and the distance between two values of a slice. */
    protected int positions;
    /**
     * Whether dim 1 is the rows' last dimension (flat rows). PyTorch picks its CPU kernel by this
     * (softmax_lastdim_kernel or softmax_kernel), and the two round their last step differently:
     * x - (max + log sum) or (x - max) - log sum, exp * (1 / sum) or exp / sum.
     */
    protected boolean lastDim;

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        int width = ShapedLayer.size(inputShape);
        channels = inputShape[0];
        positions = width / channels;
        lastDim = inputShape.length == 1;
        return super.build(width, maxBatch, rng);
    }

    /** Flat rows of this width: one slice per row. */
    @Override
    public int build(int inputWidth, int maxBatch, RandomStream rng) {
        return build(new int[] {inputWidth}, maxBatch, rng);
    }

    /** The index of the first value of slice p of row r. */
    protected final int start(int r, int p) {
        return r * width + p;
    }

    /**
     * The family's first step over the slice from {@code at}, PyTorch's CPU order: out = exp(in -
     * max) element-wise, returning their float sum (added from c = 0 up); the slice's max (NaN if
     * it holds one: Math.max propagates NaN like torch.max) is then {@link #lastMax()}.
     */
    protected final float expShifted(float[] in, float[] out, int at) {
        int end = at + width; // the slice's last value is at + (channels - 1) * positions
        float m = Float.NEGATIVE_INFINITY;
        for (int i = at; i < end; i += positions) m = Math.max(m, in[i]);
        float sum = 0f;
        for (int i = at; i < end; i += positions) {
            float e = (float) Math.exp(in[i] - m);
            out[i] = e;
            sum += e;
        }
        max = m;
        return sum;
    }

    /** The max of the slice {@link #expShifted} last saw. */
    protected final float lastMax() {
        return max;
    }
}
