package dev.trainspec.engine.tensor;

/**
 * The sizes of one 2-D convolution or pooling window over a row's [C, H, W] input: kernel
 * kh x kw, stride sh x sw, zero padding ph x pw on both sides, and the output [outC, oh, ow]
 * with PyTorch's floor rule {@code (h + 2 ph - kh) / sh + 1}. A 1-D convolution is the 2-D one
 * with h = kh = sh = 1 and ph = 0.
 */
public record ConvGeometry(int c, int h, int w, int outC, int kh, int kw, int sh, int sw, int ph, int pw) {
    public ConvGeometry {
        if (c < 1 || h < 1 || w < 1 || outC < 1 || kh < 1 || kw < 1 || sh < 1 || sw < 1 || ph < 0 || pw < 0) {
            throw new IllegalArgumentException("invalid convolution geometry " + c + "x" + h + "x" + w);
        }
    }

    public int oh() {
        return (h + 2 * ph - kh) / sh + 1;
    }

    public int ow() {
        return (w + 2 * pw - kw) / sw + 1;
    }

    /** Whether the (padded) input holds at least one window. */
    public boolean fits() {
        return h + 2 * ph >= kh && w + 2 * pw >= kw;
    }

    /** Values a row's input holds: c * h * w. */
    public int inSize() {
        return c * h * w;
    }

    /** Output positions of one channel: oh * ow. */
    public int positions() {
        return oh() * ow();
    }

    /** Weights of one output channel: c * kh * kw (PyTorch's fan_in). */
    public int patch() {
        return c * kh * kw;
    }

    public int outSize() {
        return outC * positions();
    }
}
