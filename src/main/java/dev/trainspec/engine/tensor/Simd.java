package dev.trainspec.engine.tensor;

/**
 * Whether {@link SimdKernels} may run: the JDK's incubating vector API (module
 * {@code jdk.incubator.vector}) is in the boot layer and the CPU has 256-bit float vectors. The
 * module is only there when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (Maven's test JVM is, and the CLI restarts itself with it for work that pays); without it
 * every kernel takes its scalar twin, which gives the same bits, only slower.
 * {@code -Dtrainspec.simd=false} forces the scalar kernels, to compare the two. The vector
 * kernels take over once {@link SimdWarmUp} has had them compiled (a fraction of a second after
 * {@link #warmUp}).
 */
public final class Simd {
    /** The module that holds FloatVector. */
    public static final String MODULE = "jdk.incubator.vector";

    /** True when the vector kernels may run (they do once compiled: {@link #ready}). */
    public static final boolean ENABLED = detect();

    private Simd() {}

    /** Whether this JVM can load the vector API at all (the module is resolved). */
    public static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    private static boolean detect() {
        if (!Boolean.parseBoolean(System.getProperty("trainspec.simd", "true"))) return false;
        if (!moduleLoaded()) return false;
        // Only touched once the module is known to be there: the class would not load otherwise.
        return SimdKernels.supported();
    }

    /**
     * Starts compiling the vector kernels (once; nothing when they are off). Not done at start:
     * the warm-up costs about a second of CPU in the JIT, which a small run never wins back on
     * two cores, so the caller starts it for work that pays (run.VectorWork).
     */
    public static void warmUp() {
        if (ENABLED) SimdWarmUp.start();
    }

    /** Whether this call may take the vector kernels: on, and compiled. */
    static boolean ready() {
        return ENABLED && SimdWarmUp.done();
    }

    /**
     * Waits (at most 30 s) until the vector kernels are compiled and in use, for benchmarks of
     * the kernels themselves; returns at once when they are off.
     */
    public static void awaitWarmUp() throws InterruptedException {
        warmUp();
        long end = System.nanoTime() + 30_000_000_000L;
        while (ENABLED && !SimdWarmUp.done() && System.nanoTime() < end) Thread.sleep(10);
    }

    /** The thread's scratch array in {@code slot}, replaced by a larger one when shorter than {@code size} (the vector kernels' copies). */
    static float[] scratch(ThreadLocal<float[]> slot, int size) {
        float[] a = slot.get();
        if (a.length < size) {
            a = new float[size];
            slot.set(a);
        }
        return a;
    }

    /** One line for benchmark and run headers. */
    public static String describe() {
        if (ENABLED) return "vector kernels (" + SimdKernels.describe() + ")";
        if (!moduleLoaded()) return "scalar kernels (start the JVM with --add-modules " + MODULE + " for the vector ones)";
        return "scalar kernels (vector kernels off: -Dtrainspec.simd=false or no 256-bit float vectors)";
    }
}
