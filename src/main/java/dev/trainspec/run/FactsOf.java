package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Computes {@link DataFacts} from the datasets (statistics in double, one pass per column). */
final class FactsOf {
    private FactsOf() {}

    static DataFacts compute(String source, Dataset all, Dataset rawTrain, Dataset train, Dataset test) {
        int classes = train.isClassification() ? train.classes() : 0;
        int[] counts = new int[classes];
        boolean sorted = train.isClassification();
        if (train.isClassification()) {
            for (int i = 0; i < train.rows(); i++) {
                counts[train.labels()[i]]++;
                if (i > 0 && train.labels()[i] < train.labels()[i - 1]) sorted = false;
            }
        }
        return new DataFacts(source, train.rows(), test.rows(), train.cols(), classes, counts,
                stats(rawTrain), stats(train), sorted && classes > 1, fingerprint(all));
    }

    static List<DataFacts.FeatureStats> stats(Dataset d) {
        List<DataFacts.FeatureStats> out = new ArrayList<>(d.cols());
        for (int c = 0; c < d.cols(); c++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < d.rows(); r++) {
                double v = d.get(r, c);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / d.rows();
            double sq = 0;
            for (int r = 0; r < d.rows(); r++) sq += (d.get(r, c) - mean) * (d.get(r, c) - mean);
            out.add(new DataFacts.FeatureStats(mean, Math.sqrt(sq / d.rows()), min, max));
        }
        return out;
    }

    /** SHA-256 over the exact bits of every value and label, first 16 hex digits: same data, same print. */
    static String fingerprint(Dataset d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
            // row by row through get(): float32 storage (make_embeddings) is never widened into a copy
            for (int r = 0; r < d.rows(); r++) {
                for (int c = 0; c < d.cols(); c++) {
                    if (buf.remaining() < 8) flush(md, buf);
                    buf.putDouble(d.get(r, c));
                }
            }
            if (d.labels() != null) for (int l : d.labels()) {
                if (buf.remaining() < 8) flush(md, buf);
                buf.putInt(l);
            }
            if (d.targets() != null) for (double t : d.targets()) {
                if (buf.remaining() < 8) flush(md, buf);
                buf.putDouble(t);
            }
            flush(md, buf);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }
}
