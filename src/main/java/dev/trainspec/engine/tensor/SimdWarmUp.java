package dev.trainspec.engine.tensor;

/**
 * Compiles the vector kernels before training uses them. Until the JIT's optimising compiler
 * has compiled a vector kernel, it runs interpreted or in the first-tier compiler, which does
 * not know the vector API and allocates every vector: tens of times slower than the scalar
 * kernels. So a daemon thread calls every vector kernel on small arrays until they are
 * compiled, while training takes the scalar twins; then {@link #done()} turns true and the
 * dispatch in {@link LinearKernels} switches. Both give the same bits, so when the switch
 * happens changes no result. On 2,000,000 x 512 this removed the ~1 s the first epoch of a fresh
 * JVM spent in unoptimised vector code.
 */
final class SimdWarmUp {
    /** Calls per kernel: past the JIT's thresholds for the optimising compiler (about 10,000). */
    private static final int CALLS = 30_000;
    private static volatile boolean done;
    /** An 8x8 image under a 3x3 kernel into 3 channels (108 outputs: y's 128 hold them), read in place. */
    private static final ConvGeometry IN_PLACE = new ConvGeometry(1, 8, 8, 3, 3, 3, 1, 1, 0, 0);
    /** A max pooling with 18 windows a row: two whole vectors and one overlapping. */
    private static final ConvGeometry POOL = new ConvGeometry(2, 6, 6, 2, 2, 2, 2, 2, 0, 0);
    private static final int[] POOL_CORNERS = new int[18];

    private SimdWarmUp() {}

    /** True once the vector kernels are compiled (never when the vector kernels are off). */
    static boolean done() {
        return done;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts the warm-up thread, the first time only; called by {@link Simd#warmUp} when the vector kernels are usable. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(SimdWarmUp::run, "trainspec-simd-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        float[] x = ramp(8 * 64);
        float[] w = ramp(16 * 64);
        float[] b = ramp(16);
        float[] y = new float[8 * 16];
        float[] g = ramp(8 * 16);
        float[] dw = new float[16 * 64];
        float[] db = new float[16];
        float[] dx = new float[8 * 64];
        int[] iy = new int[y.length];
        for (int k = 0; k < CALLS; k++) {
            // every branch the kernels take in training: wide and narrow inputs, with and without bias
            // inputs a whole number of 16-lane blocks wide, and wider by a tail (42: two blocks and ten): a kernel compiled
            // without its tail loop was recompiled once training met one, and ran in unoptimised code until C2 came back to
            // it (a CNN with a 42-wide linear layer allocated 414 bytes a step for 19 s of a test JVM)
            int in = (k & 2) == 0 ? 64 : 42;
            SimdKernels.forwardLanes(x, w, (k & 1) == 0 ? b : null, y, 5, in, 3);
            SimdKernels.accumulateWeightGrad(g, x, dw, 5, in, 3);
            SimdKernels.inputGrad(g, w, dx, 5, in, 5);
            SimdKernels.accumulateBiasGrad(g, db, 5, 9);
            SimdNarrowKernels.forward(x, w, (k & 1) == 0 ? b : null, y, 5, 1 + (k & 2) / 2, 9);
            SimdNarrowKernels.accumulateWeightGrad(g, x, dw, 5, 1 + (k & 2) / 2, 9);
            // a convolution with 9 taps, 20 positions, 8 or 9 output channels, with and without bias
            SimdConvKernels.forwardRow(x, 0, 40, w, (k & 1) == 0 ? b : null, y, 0, 9, 20, 6);
            SimdConvKernels.paramGrads(g, x, 6, dw, (k & 1) == 0 ? db : null, 6, 9, 8 + (k & 2) / 2);
            SimdNineTapGrads.paramGrads(g, x, 6, dw, (k & 1) == 0 ? db : null, 6, 8 + (k & 2) / 2);
            SimdPoolKernels.maxForward2x2(x, y, (k & 1) == 0 ? iy : null, 2, POOL, POOL_CORNERS);
            SimdConvKernels.tapRows(x, k & 7, POOL, dw, 0);
            SimdInPlaceConv.forwardRow(x, k & 7, IN_PLACE, w, (k & 1) == 0 ? b : null, y, 0);
            SimdReluKernels.forward(g, y, 100 + (k & 7));
            SimdReluKernels.backward(g, y, dx, 100 + (k & 7));
            if ((k & 1023) == 0) java.util.Arrays.fill(dw, 0f);
        }
        done = true;
    }

    private static float[] ramp(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (i % 17 - 8) / 64f;
        return a;
    }
}
