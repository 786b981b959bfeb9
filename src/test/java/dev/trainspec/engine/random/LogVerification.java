package dev.trainspec.engine.random;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * One-off check of {@link CorrectlyRoundedLog} against glibc on the bulk files of
 * src/test/python/make_log_fixtures.py --bulk DIR (tens of millions of (x, log x) pairs, too
 * large to commit): prints, per file, how many results differ from glibc's, for this log and
 * for Math.log, and the nanoseconds per call of each.
 */
public final class LogVerification {
    public static void main(String[] args) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) check(f);
        }
    }

    private static void check(Path f) throws IOException {
        DoubleBuffer pairs;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            pairs = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }
        int n = pairs.limit() / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pairs.get(2 * i);
            y[i] = pairs.get(2 * i + 1);
        }
        long ours = 0;
        long java = 0;
        long javaVsCr = 0;
        double firstMiss = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(CorrectlyRoundedLog.log(x[i])) != Double.doubleToLongBits(y[i])) {
                if (ours++ == 0) firstMiss = x[i];
            }
            if (Double.doubleToLongBits(Math.log(x[i])) != Double.doubleToLongBits(y[i])) java++;
            if (Double.doubleToLongBits(Math.log(x[i])) != Double.doubleToLongBits(CorrectlyRoundedLog.log(x[i]))) javaVsCr++;
        }
        double sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) sink += CorrectlyRoundedLog.log(x[i]);
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) sink += Math.log(x[i]);
        long t2 = System.nanoTime();
        System.out.printf("%-16s %,d inputs: differ from glibc: CorrectlyRoundedLog %d%s, Math.log %d; Math.log vs correctly rounded: %d; ns/call %.2f vs %.2f (%s)%n",
                f.getFileName(), n, ours, ours > 0 ? " (first at x=" + Double.toHexString(firstMiss) + ")" : "", java, javaVsCr,
                (t1 - t0) / (double) n, (t2 - t1) / (double) n, sink == 0 ? "" : "ok");
    }
}
