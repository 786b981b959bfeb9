package dev.trainspec.engine.train;

import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.ReLU;
import dev.trainspec.engine.nn.Sigmoid;
import dev.trainspec.engine.nn.Tanh;
import java.util.List;

/**
 * An eval-mode pass over a whole split, in chunks of at most {@link #chunkRows} rows, through
 * buffers allocated once: loss (mean over rows), accuracy or r2/mae, the largest |output|, and
 * for the training split the fraction of ReLU units that output zero on every row and the fraction
 * of hidden sigmoid/tanh outputs that sit at an asymptote; for classification the largest share
 * of rows predicted as one class.
 *
 * <p>A split that is a view of the generated matrix ({@link Split#rowIndex()}) is read in
 * storage order, not in split order: the metrics are sums over rows, and ascending addresses
 * stream from memory where the split's shuffled order would wait for a cache miss per row (on
 * 2,000,000 x 512 this halves the pass). The order is fixed by the data, so the bits are too.
 * (A view of another matrix than the one the trainer was sized for is read in split order.)
 */
final class Evaluation {
    private final List<Layer> layers;
    private final Loss criterion;
    /** About this many floats per chunk's widest activation: 128 KB, well inside L2. */
    private static final int CHUNK_FLOATS = 32 * 1024;
    private final int chunk;
    private final int outWidth;
    private final float[] chunkX;
    private final int[] chunkLabels;
    /** For a view: the storage rows of this chunk. */
    private final int[] chunkStorageRows;
    private final float[] chunkTargets;
    /** Per ReLU layer, per unit: did any row make it positive in this pass? */
    private final boolean[][] reluAlive;
    private final int[] reluLayerIndex;
    /** Per layer: is it a hidden sigmoid (1) or tanh (2) whose saturation is counted, else 0. */
    private final int[] saturating;
    private final int[] widths;
    /** For a view: the split row held by each storage row of this pass's split, -1 if none. */
    private final int[] splitRowOf;
    /** Rows predicted as each class in this pass (a single logit predicts 0 or 1). */
    private final long[] predicted;

    double loss;
    double accuracy;
    double r2;
    double mae;
    double maxAbsOutput;
    double deadReluFraction;
    double saturatedFraction;
    double maxClassShare;

    /** This pass's sums, added to chunk by chunk in row order. */
    private double lossSum;
    private long correct;
    private double absErr;
    private double sqErr;
    private double maxAbs;
    private double targetSum;
    private double targetSq;

    /** @param storageRows rows of the matrix the splits are views of (0 when they are not views) */
    Evaluation(List<Layer> layers, int[] widths, Loss loss, int maxBatch, int cols, int storageRows) {
        this.layers = layers;
        this.splitRowOf = new int[storageRows];
        this.criterion = loss;
        this.chunk = chunkRows(widths, maxBatch);
        this.outWidth = widths[layers.size()];
        this.chunkX = new float[chunk * cols];
        this.chunkLabels = new int[chunk];
        this.chunkStorageRows = new int[chunk];
        this.chunkTargets = new float[chunk];
        int relus = 0;
        for (Layer l : layers) if (isRelu(l)) relus++;
        this.reluAlive = new boolean[relus][];
        this.reluLayerIndex = new int[relus];
        this.widths = widths;
        this.saturating = new int[layers.size()];
        // the last layer's output is the prediction: a confident sigmoid there is the goal, not a symptom
        for (int i = 0; i < layers.size() - 1; i++) {
            Layer l = layers.get(i);
            saturating[i] = l instanceof Sigmoid ? 1 : l instanceof Tanh ? 2 : 0;
        }
        this.predicted = new long[Math.max(2, outWidth)];
        for (int i = 0, r = 0; i < layers.size(); i++) {
            if (isRelu(layers.get(i))) {
                reluLayerIndex[r] = i;
                reluAlive[r++] = new boolean[widths[i + 1]];
            }
        }
    }

    /**
     * Rows per chunk: as many as keep the widest activation near {@link #CHUNK_FLOATS} (at least
     * 8, at most {@code maxBatch}). A chunk is copied and then read by the first layer; sized for
     * L2, the rows come from memory once, where a split-sized chunk of wide rows (4096 x 512 =
     * 8 MB) would be read from memory three times (copy in, copy out, first layer).
     */
    static int chunkRows(int[] widths, int maxBatch) {
        int widest = 1;
        for (int w : widths) widest = Math.max(widest, w);
        return Math.min(maxBatch, Math.max(8, CHUNK_FLOATS / widest));
    }

    static boolean isRelu(Layer layer) {
        return layer instanceof ReLU;
    }

    void run(Split split, boolean trackRelu) {
        for (boolean[] alive : reluAlive) java.util.Arrays.fill(alive, false);
        java.util.Arrays.fill(predicted, 0);
        long saturated = 0;
        long saturable = 0;
        int cols = split.cols();
        lossSum = absErr = sqErr = maxAbs = targetSum = targetSq = 0;
        correct = 0;
        boolean storageOrder = split.rowIndex() != null && (long) splitRowOf.length * cols == split.x().length;
        if (storageOrder) indexStorageRows(split);
        int storageCursor = 0;
        for (int start = 0; start < split.rows(); start += chunk) {
            int n = Math.min(chunk, split.rows() - start);
            if (storageOrder) {
                storageCursor = copyInStorageOrder(split, storageCursor, n);
            } else {
                if (split.rowIndex() == null) System.arraycopy(split.x(), start * cols, chunkX, 0, n * cols);
                else for (int r = 0; r < n; r++) System.arraycopy(split.x(), split.storageRow(start + r) * cols, chunkX, r * cols, cols);
                if (split.isClassification()) System.arraycopy(split.labels(), start, chunkLabels, 0, n);
                else System.arraycopy(split.targets(), start, chunkTargets, 0, n);
            }
            float[] h = chunkX;
            int relu = 0;
            for (int i = 0; i < layers.size(); i++) {
                h = layers.get(i).forward(h, n, false);
                if (trackRelu && relu < reluLayerIndex.length && reluLayerIndex[relu] == i) markAlive(h, n, reluAlive[relu++]);
                if (trackRelu && saturating[i] != 0) {
                    saturated += countSaturated(h, n * widths[i + 1], saturating[i] == 1);
                    saturable += (long) n * widths[i + 1];
                }
            }
            score(h, n, split.isClassification());
        }
        int rows = split.rows();
        loss = lossSum / rows;
        accuracy = (double) correct / rows;
        mae = absErr / rows;
        double mean = targetSum / rows;
        double ssTot = targetSq - rows * mean * mean;
        r2 = ssTot > 0 ? 1 - sqErr / ssTot : Double.NaN;
        maxAbsOutput = maxAbs;
        if (trackRelu) {
            deadReluFraction = deadFraction();
            saturatedFraction = saturable == 0 ? 0 : (double) saturated / saturable;
        }
        long most = 0;
        for (long c : predicted) most = Math.max(most, c);
        maxClassShare = rows == 0 ? Double.NaN : (double) most / rows;
    }

    /**
     * Adds a chunk's n output rows {@code h} to the pass's sums, row by row. A method of its own: its
     * loop over the rows is the pass's hottest, and in a fresh JVM the JIT compiles a method whose
     * loop runs long a second time, on stack replacement; this one is small, where the whole pass
     * with the layers inlined was a 19 KB compilation (docs/benchmarks.md, "Cold start").
     */
    private void score(float[] h, int n, boolean classification) {
        int width = outWidth;
        lossSum += criterion.evaluate(h, n, width, chunkLabels, chunkTargets, null) * n;
        // the running sums in locals for the loop, continued from and returned to the fields: the same additions in the same order
        long correct = this.correct;
        double maxAbs = this.maxAbs;
        double absErr = this.absErr;
        double sqErr = this.sqErr;
        double targetSum = this.targetSum;
        double targetSq = this.targetSq;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) maxAbs = Math.max(maxAbs, Math.abs(h[r * width + c]));
            if (classification) {
                int p = criterion.predict(h, r, width);
                if (p == chunkLabels[r]) correct++;
                if (p >= 0 && p < predicted.length) predicted[p]++;
            } else {
                double t = chunkTargets[r];
                double e = h[r * width] - t;
                absErr += Math.abs(e);
                sqErr += e * e;
                targetSum += t;
                targetSq += t * t;
            }
        }
        this.correct = correct;
        this.maxAbs = maxAbs;
        this.absErr = absErr;
        this.sqErr = sqErr;
        this.targetSum = targetSum;
        this.targetSq = targetSq;
    }

    /** splitRowOf for this split: its storage rows' split rows, -1 for the other rows. */
    private void indexStorageRows(Split split) {
        java.util.Arrays.fill(splitRowOf, -1);
        int[] index = split.rowIndex();
        for (int r = 0; r < index.length; r++) splitRowOf[index[r]] = r;
    }

    /** The next n rows of the split in storage order, from storage row {@code cursor} on; returns the new cursor. */
    private int copyInStorageOrder(Split split, int cursor, int n) {
        for (int k = 0; k < n; cursor++) {
            int r = splitRowOf[cursor];
            if (r < 0) continue;
            chunkStorageRows[k] = cursor;
            if (split.isClassification()) chunkLabels[k] = split.labels()[r];
            else chunkTargets[k] = split.targets()[r];
            k++;
        }
        RowGather.copy(split.x(), chunkStorageRows, n, split.cols(), chunkX);
        return cursor;
    }

    /** Sigmoid outputs below 0.01 or above 0.99, tanh outputs beyond +-0.99: their gradient is under 2% of its peak. */
    private static long countSaturated(float[] out, int n, boolean sigmoid) {
        long count = 0;
        for (int k = 0; k < n; k++) {
            float y = out[k];
            if (sigmoid ? (y < 0.01f || y > 0.99f) : (y < -0.99f || y > 0.99f)) count++;
        }
        return count;
    }

    /**
     * alive[c] |= any row's out[r, c] > 0. Column by column with an early exit: a live unit is
     * usually positive within its first few rows, so only dead units cost a full scan (a row-wise
     * sweep would touch every value, and loops as short as a layer's width do not vectorise).
     */
    static void markAlive(float[] out, int n, boolean[] alive) {
        int width = alive.length;
        for (int c = 0; c < width; c++) {
            if (alive[c]) continue;
            for (int at = c, end = n * width; at < end; at += width) {
                if (out[at] > 0f) {
                    alive[c] = true;
                    break;
                }
            }
        }
    }

    private double deadFraction() {
        int units = 0;
        int dead = 0;
        for (boolean[] alive : reluAlive) {
            units += alive.length;
            for (boolean a : alive) if (!a) dead++;
        }
        return units == 0 ? 0 : (double) dead / units;
    }
}
