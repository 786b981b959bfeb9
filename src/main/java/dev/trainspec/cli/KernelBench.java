package dev.trainspec.cli;

import dev.trainspec.engine.tensor.LinearKernels;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@code bench --kernels}: the three products of a linear layer on the shapes scenarios use
 * (small MLPs at batch 32, wide linear models at batch 64/256 and in evaluation chunks), timed
 * in thread CPU time (so other processes on a busy machine count less), reported as GFLOP/s
 * (2 flops a multiply-add) next to this machine's measured peak for a loop the JIT vectorises.
 */
final class KernelBench {
    /** batch, in, out. */
    private static final int[][] SHAPES = {
            {32, 2, 16}, {32, 16, 2}, {32, 10, 64}, {32, 64, 64}, {32, 64, 4},
            {64, 512, 1}, {256, 512, 1}, {64, 512, 64}, {1000, 2, 16}, {1000, 16, 2},
    };
    private static final long FLOPS_PER_SAMPLE = 200_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static float sink;

    private KernelBench() {}

    static void run(PrintStream out, int rounds) {
        out.printf(Locale.ROOT, "%-18s %12s %12s %12s %10s%n", "batch x in x out", "forward", "weight grad", "input grad", "GFLOP/s");
        for (int[] s : SHAPES) {
            int batch = s[0], in = s[1], out2 = s[2];
            float[] x = fill(batch * in, 1), w = fill(out2 * in, 2), b = fill(out2, 3), g = fill(batch * out2, 4);
            float[] y = new float[batch * out2], dw = new float[out2 * in], dx = new float[batch * in];
            long flops = 2L * batch * in * out2;
            int reps = (int) Math.max(1, FLOPS_PER_SAMPLE / flops);
            double f = best(rounds, reps, () -> LinearKernels.forward(x, w, b, y, batch, in, out2));
            double wg = best(rounds, reps, () -> LinearKernels.accumulateWeightGrad(g, x, dw, batch, in, out2));
            double ig = best(rounds, reps, () -> LinearKernels.inputGrad(g, w, dx, batch, in, out2));
            sink += y[0] + dw[0] + dx[0];
            out.printf(Locale.ROOT, "%-18s %9.2f us %9.2f us %9.2f us %10.2f%n", batch + " x " + in + " x " + out2,
                    f / 1e3, wg / 1e3, ig / 1e3, 3 * flops / (f + wg + ig));
        }
        double peak = peakGflops(rounds);
        out.printf(Locale.ROOT, "peak: %.1f GFLOP/s for a JIT-vectorised multiply-add loop over 4096 floats in L1 (one core);%n", peak);
        out.printf(Locale.ROOT, "      %d cores, %s%n", Runtime.getRuntime().availableProcessors(), cpuName());
    }

    /** Fastest of {@code rounds} samples, nanoseconds of thread CPU time per call. */
    private static double best(int rounds, int reps, Runnable kernel) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int k = 0; k < reps; k++) kernel.run();
            best = Math.min(best, (CPU.getCurrentThreadCpuTime() - t0) / (double) reps);
        }
        return best;
    }

    private static double peakGflops(int rounds) {
        float[] x = fill(4096, 5), y = fill(4096, 6);
        int reps = (int) (FLOPS_PER_SAMPLE / (2 * 4096));
        double ns = best(rounds, reps, () -> {
            for (int i = 0; i < x.length; i++) y[i] = y[i] * 0.999f + x[i];
        });
        sink += y[7];
        return 2 * 4096 / ns;
    }

    private static float[] fill(int n, int seed) {
        float[] a = new float[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextDouble() - 0.5);
        return a;
    }

    private static String cpuName() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("cpu unknown");
        } catch (java.io.IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

}
