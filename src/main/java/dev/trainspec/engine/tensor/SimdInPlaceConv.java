package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward of a stride-1 convolution without padding on images at most 8 wide, read in place
 * from x: an output row is one 256-bit vector (lane ox), and each tap's values for it are x's
 * row shifted by the tap, one vector load, so no patch columns are copied first. Evaluation
 * (forward only, the larger share of the digits CNN's rows) copied them for nothing: the copies
 * were about 13 % of its time. Lanes past the output row (ow to 8) are sums of neighbouring
 * values that no one reads: a row's store spills them onto the next row's places, which that
 * row's own store overwrites; a channel's last row goes through a scratch vector instead.
 *
 * <p>Each lane is {@link DirectConvKernels#forwardRow}'s sum: 0, plus x times w over the taps
 * ascending (each product rounded, nothing fused), plus the bias last; so the same bits as the
 * scalar and the other vector kernels.
 */
final class SimdInPlaceConv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    /** Four channels' last output rows, stored whole here and copied ow floats on. */
    private static final ThreadLocal<float[]> LAST_ROWS = ThreadLocal.withInitial(() -> new float[4 * V]);

    private SimdInPlaceConv() {}

    /**
     * Whether this geometry's output rows are read in place: stride 1, no padding, input rows of
     * at most 8, output rows of at least 4 (so a row's spill stays within the next row, and the
     * one before the last spills only onto the last).
     */
    static boolean applies(ConvGeometry g) {
        return g.sh() == 1 && g.sw() == 1 && g.ph() == 0 && g.pw() == 0 && g.w() <= V && g.ow() >= V / 2;
    }

    /** Whether the row at {@code off} leaves room for a whole vector read past its last output row's taps. */
    static boolean fits(float[] x, int off, ConvGeometry g) {
        return off + g.inSize() + V <= x.length;
    }

    /**
     * y[o, ...] at yOff = conv(x at off, w) + b for all output channels, when {@link #applies}
     * and {@link #fits}: four channels at a time, so a loaded tap serves four weights and four
     * independent sums are in flight (one channel's chain of dependent adds leaves the adders
     * waiting), then the channels after the last four one by one.
     */
    static void forwardRow(float[] x, int off, ConvGeometry g, float[] w, float[] b, float[] y, int yOff) {
        float[] last = LAST_ROWS.get();
        int[] taps = tapOffsets(g);
        int k = g.patch();
        int ow = g.ow();
        int p = g.positions();
        int lastRow = g.oh() - 1;
        int o = 0;
        for (; o + 4 <= g.outC(); o += 4) {
            int w0 = o * k;
            float b0 = DirectConvKernels.bias(b, o), b1 = DirectConvKernels.bias(b, o + 1);
            float b2 = DirectConvKernels.bias(b, o + 2), b3 = DirectConvKernels.bias(b, o + 3);
            int y0 = yOff + o * p;
            int oy = 0;
            int src = off;
            // two output rows at a time (eight sums in flight) while both are before the last
            for (; oy + 1 < lastRow; oy += 2, src += 2 * g.w()) {
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = a0, a2 = a0, a3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
                for (int j = 0; j < k; j++) {
                    FloatVector v = FloatVector.fromArray(S, x, src + taps[j]);
                    FloatVector u = FloatVector.fromArray(S, x, src + g.w() + taps[j]);
                    float v0 = w[w0 + j], v1 = w[w0 + k + j], v2 = w[w0 + 2 * k + j], v3 = w[w0 + 3 * k + j];
                    a0 = a0.add(v.mul(v0));
                    c0 = c0.add(u.mul(v0));
                    a1 = a1.add(v.mul(v1));
                    c1 = c1.add(u.mul(v1));
                    a2 = a2.add(v.mul(v2));
                    c2 = c2.add(u.mul(v2));
                    a3 = a3.add(v.mul(v3));
                    c3 = c3.add(u.mul(v3));
                }
                int at = y0 + oy * ow;
                a0.add(b0).intoArray(y, at);
                a1.add(b1).intoArray(y, at + p);
                a2.add(b2).intoArray(y, at + 2 * p);
                a3.add(b3).intoArray(y, at + 3 * p);
                c0.add(b0).intoArray(y, at + ow);
                c1.add(b1).intoArray(y, at + p + ow);
                c2.add(b2).intoArray(y, at + 2 * p + ow);
                c3.add(b3).intoArray(y, at + 3 * p + ow);
            }
            for (; oy <= lastRow; oy++, src += g.w()) {
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = a0, a2 = a0, a3 = a0;
                for (int j = 0; j < k; j++) {
                    FloatVector v = FloatVector.fromArray(S, x, src + taps[j]);
                    a0 = a0.add(v.mul(w[w0 + j]));
                    a1 = a1.add(v.mul(w[w0 + k + j]));
                    a2 = a2.add(v.mul(w[w0 + 2 * k + j]));
                    a3 = a3.add(v.mul(w[w0 + 3 * k + j]));
                }
                // the last row's spill would land on the next channel's first row, already written: through the scratch rows
                boolean spills = oy == lastRow;
                float[] to = spills ? last : y;
                int at = spills ? 0 : y0 + oy * ow;
                int step = spills ? V : p;
                a0.add(b0).intoArray(to, at);
                a1.add(b1).intoArray(to, at + step);
                a2.add(b2).intoArray(to, at + 2 * step);
                a3.add(b3).intoArray(to, at + 3 * step);
            }
            for (int c = 0; c < 4; c++) System.arraycopy(last, c * V, y, y0 + c * p + lastRow * ow, ow);
        }
        for (; o < g.outC(); o++) {
            int wRow = o * k;
            float bo = DirectConvKernels.bias(b, o);
            int yRow = yOff + o * p;
            for (int oy = 0, src = off; oy <= lastRow; oy++, src += g.w()) {
                FloatVector a = FloatVector.zero(S);
                for (int j = 0; j < k; j++) a = a.add(FloatVector.fromArray(S, x, src + taps[j]).mul(w[wRow + j]));
                boolean spills = oy == lastRow;
                a.add(bo).intoArray(spills ? last : y, spills ? 0 : yRow + oy * ow);
            }
            System.arraycopy(last, 0, y, yRow + lastRow * ow, ow);
        }
    }

    /** Each tap's offset in x from its window's corner, c then ky then kx ascending (the weights' order); rebuilt when the geometry changes. */
    private static int[] tapOffsets(ConvGeometry g) {
        Taps t = TAPS.get();
        if (t.geometry != g) {
            if (t.offsets.length < g.patch()) t.offsets = new int[g.patch()];
            int j = 0;
            for (int c = 0; c < g.c(); c++) {
                for (int ky = 0; ky < g.kh(); ky++) {
                    for (int kx = 0; kx < g.kw(); kx++) t.offsets[j++] = (c * g.h() + ky) * g.w() + kx;
                }
            }
            t.geometry = g;
        }
        return t.offsets;
    }

    /** The thread's tap offsets and the geometry they were built for. */
    private static final class Taps {
        ConvGeometry geometry;
        int[] offsets = new int[0];
    }

    private static final ThreadLocal<Taps> TAPS = ThreadLocal.withInitial(Taps::new);
}
