package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The make_embeddings benchmark of issue 3: generates N x D float32 rows (default the seed-000
 * size, 2,000,000 x 512) and prints wall and CPU seconds, nanoseconds per standard normal, and
 * the JVM's view of memory. Peak resident memory is measured from outside:
 * <pre>
 *   mvn -q -o test-compile
 *   /usr/bin/time -v java -Xmx4250m -Xmn32m -XX:+UseSerialGC -cp target/classes:target/test-classes \
 *       dev.trainspec.engine.data.EmbeddingsBenchmark 2000000 512
 * </pre>
 * {@code draws} as the first argument times {@code RandomState.standardNormal()} alone.
 *
 * <p>Measured (2 vCPUs shared with a load average of 15, so CPU seconds are the figure to read):
 * 2,000,000 x 512 in 43.6 s CPU (172 s wall), 42 ns CPU per value, peak RSS 4.07 GB with
 * {@code -Xmx4250m -Xmn32m -XX:+UseSerialGC}. Where a pair of legacy-gauss draws goes: about
 * 19 ns for the ~5.1 MT19937 words (1.27 tries of 4), 18 ns for {@code Math.log}, 20 ns for
 * the rejection branch, sqrt and division. Tempering all 624 words per twist in a vectorised
 * loop and a bulk draw with the state in locals gave the same bits and no measurable gain
 * (34.7 vs 33.6 ns per value at 200,000 x 512), so they were not kept.
 */
public final class EmbeddingsBenchmark {
    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        if (args.length > 0 && args[0].equals("draws")) {
            for (int rep = 0; rep < 5; rep++) {
                RandomState rng = new RandomState(rep);
                int n = 50_000_000;
                long c0 = cpu.getCurrentThreadCpuTime();
                double s = 0;
                for (int i = 0; i < n; i++) s += rng.standardNormal();
                long c1 = cpu.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "standardNormal: %.2f ns/draw CPU (sum %.3f)%n", (c1 - c0) / (double) n, s);
            }
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        Dataset data = MakeEmbeddings.makeEmbeddings(n, d, 16, 0.5, new RandomState(0));
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "make_embeddings %d x %d float32 (%.2f GB): %.1f s wall, %.1f s CPU, %.2f ns CPU per value; "
                        + "heap used %.2f GB of max %.2f GB; checksum %s%n",
                n, d, 4.0 * n * d / 1e9, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (c1 - c0) / ((double) n * d),
                (rt.totalMemory() - rt.freeMemory()) / 1e9, rt.maxMemory() / 1e9, checksum(data));
    }

    private static String checksum(Dataset d) {
        long h = 0;
        float[] x = d.xFloat32();
        for (int i = 0; i < x.length; i += 4099) h = h * 31 + Float.floatToRawIntBits(x[i]);
        return Long.toHexString(h);
    }
}
