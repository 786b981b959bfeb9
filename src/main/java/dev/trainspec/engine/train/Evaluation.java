package dev.trainspec.engine.train;

import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
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
 *
 * <p>Each row's outputs are independent, so on large splits the run's {@link Helpers} evaluate
 * chunks too, each through a twin of the model ({@link Layer#evalTwin}: the same parameters, its
 * own buffers). A chunk's loss is kept per chunk and regression rows per row, and both are summed
 * in chunk and row order after the pass, exactly as one thread sums them: the bits do not depend
 * on the thread count (1 thread, or a layer without a twin, evaluates every chunk itself). A
 * wide first linear layer reads a chunk's rows where they lie ({@link Linear#forwardRows}, the
 * same sums); other first layers get a copy.
 */
final class Evaluation {
    private final Loss criterion;
    /** About this many floats per chunk's widest activation: 128 KB, well inside L2. */
    private static final int CHUNK_FLOATS = 32 * 1024;
    /**
     * Rows x summed layer widths of the largest split from which helpers evaluate chunks too
     * (about 4 million activations, a few ms): below it, handing work over costs more than it saves.
     */
    static final long PARALLEL_FROM = 1L << 22;
    private final int chunk;
    private final int outWidth;
    /** The trainer's layers for slot 0, twins for the helpers' slots (just slot 0 when they have none). */
    private final EvalSlot[] passes;
    private final Helpers helpers;
    private final Helpers.SlotTask chunkTask = this::evaluateChunk;
    /** Per layer: is it a hidden sigmoid (1) or tanh (2) whose saturation is counted, else 0. */
    private final int[] saturating;
    private final int[] reluLayerIndex;
    private final int[] widths;
    /** For a view: the split row held by each storage row of this pass's split, -1 if none. */
    private final int[] splitRowOf;
    /** For a view read in storage order: this pass's storage rows, ascending. */
    private final int[] storageOrder;
    /** Per chunk: its mean loss times its rows, added in chunk order whichever thread computed it. */
    private final double[] chunkLoss;
    /** Regression, per row in pass order: the output and the target, summed in row order after the pass. */
    private final float[] rowOutput;
    private final float[] rowTarget;

    /** This pass's split and settings, read by every slot's chunks. */
    private Split split;
    private boolean trackRelu;
    private boolean inStorageOrder;

    double loss;
    double accuracy;
    double r2;
    double mae;
    double maxAbsOutput;
    double deadReluFraction;
    double saturatedFraction;
    double maxClassShare;

    /**
     * @param storageRows rows of the matrix the splits are views of (0 when they are not views)
     * @param maxRows the rows of the largest split evaluated
     * @param classification whether the splits hold labels (else regression targets)
     * @param rowsInArrays whether every split evaluated holds its rows in a heap array, which a wide
     *     first linear layer can read where they lie (a data cache file's mapping is copied out)
     */
    Evaluation(List<Layer> layers, int[] widths, Loss loss, int maxBatch, int cols, int storageRows, int maxRows,
               boolean classification, Helpers helpers, boolean rowsInArrays) {
        this.splitRowOf = new int[storageRows];
        this.storageOrder = new int[storageRows == 0 ? 0 : maxRows];
        this.criterion = loss;
        this.helpers = helpers;
        this.chunk = chunkRows(widths, maxBatch);
        this.outWidth = widths[layers.size()];
        this.widths = widths;
        this.chunkLoss = new double[(maxRows + chunk - 1) / chunk];
        this.rowOutput = new float[classification ? 0 : maxRows];
        this.rowTarget = new float[classification ? 0 : maxRows];
        int relus = 0;
        for (Layer l : layers) if (isRelu(l)) relus++;
        this.reluLayerIndex = new int[relus];
        for (int i = 0, r = 0; i < layers.size(); i++) if (isRelu(layers.get(i))) reluLayerIndex[r++] = i;
        this.saturating = new int[layers.size()];
        // the last layer's output is the prediction: a confident sigmoid there is the goal, not a symptom
        for (int i = 0; i < layers.size() - 1; i++) {
            Layer l = layers.get(i);
            saturating[i] = l instanceof Sigmoid ? 1 : l instanceof Tanh ? 2 : 0;
        }
        List<List<Layer>> twins = helpers.count() > 0 && (long) maxRows * sum(widths) >= PARALLEL_FROM ? twins(layers, helpers.count()) : List.of();
        this.passes = new EvalSlot[1 + twins.size()];
        passes[0] = new EvalSlot(layers, chunk, cols, widths, reluLayerIndex, outWidth, rowsInArrays);
        for (int k = 0; k < twins.size(); k++) passes[k + 1] = new EvalSlot(twins.get(k), chunk, cols, widths, reluLayerIndex, outWidth, rowsInArrays);
    }

    private static long sum(int[] widths) {
        long s = 0;
        for (int w : widths) s += w;
        return s;
    }

    /** Each helper's copy of the model (shared parameters, own buffers), or none when a layer has no twin. */
    private List<List<Layer>> twins(List<Layer> layers, int count) {
        List<List<Layer>> all = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<Layer> copy = new java.util.ArrayList<>();
            for (Layer l : layers) {
                Layer twin = l.evalTwin(chunk);
                if (twin == null) return List.of();
                copy.add(twin);
            }
            all.add(List.copyOf(copy));
        }
        return all;
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

    /**
     * Evaluates every chunk (on this thread and the helpers'), then combines: sums over chunks or
     * rows in their order, counts and maxima, whose order does not matter. So the bits are the
     * same whichever thread evaluated a chunk.
     */
    void run(Split split, boolean trackRelu) {
        this.split = split;
        this.trackRelu = trackRelu;
        this.inStorageOrder = split.rowIndex() != null && (long) splitRowOf.length * split.cols() == split.x().size();
        if (inStorageOrder) indexStorageRows(split);
        for (EvalSlot p : passes) p.reset();
        int rows = split.rows();
        int chunks = (rows + chunk - 1) / chunk;
        helpers.run(chunks, passes.length, chunkTask);
        this.split = null;
        split.x().checkUnchanged(); // rows read from a mapped file cut short since: not a result to report
        double lossSum = 0;
        for (int c = 0; c < chunks; c++) lossSum += chunkLoss[c];
        long correct = 0;
        double maxAbs = 0;
        long saturated = 0;
        long saturable = 0;
        long[] predicted = passes[0].predicted;
        for (int k = 0; k < passes.length; k++) {
            EvalSlot p = passes[k];
            correct += p.correct;
            maxAbs = Math.max(maxAbs, p.maxAbs);
            saturated += p.saturated;
            saturable += p.saturable;
            if (k == 0) continue;
            for (int c = 0; c < predicted.length; c++) predicted[c] += p.predicted[c];
            for (int r = 0; r < p.reluAlive.length; r++) for (int u = 0; u < p.reluAlive[r].length; u++) passes[0].reluAlive[r][u] |= p.reluAlive[r][u];
        }
        double absErr = 0;
        double sqErr = 0;
        double targetSum = 0;
        double targetSq = 0;
        if (!split.isClassification()) {
            for (int r = 0; r < rows; r++) {
                double t = rowTarget[r];
                double e = rowOutput[r] - t;
                absErr += Math.abs(e);
                sqErr += e * e;
                targetSum += t;
                targetSq += t * t;
            }
        }
        loss = lossSum / rows;
        accuracy = (double) correct / rows;
        mae = absErr / rows;
        double mean = targetSum / rows;
        double ssTot = targetSq - rows * mean * mean;
        r2 = ssTot > 0 ? 1 - sqErr / ssTot : Double.NaN;
        maxAbsOutput = maxAbs;
        if (trackRelu) {
            deadReluFraction = deadFraction(passes[0].reluAlive);
            saturatedFraction = saturable == 0 ? 0 : (double) saturated / saturable;
        }
        long most = 0;
        for (long c : predicted) most = Math.max(most, c);
        maxClassShare = rows == 0 ? Double.NaN : (double) most / rows;
    }

    /** Chunk {@code c} of this pass, through {@code slot}'s layers and buffers. */
    private void evaluateChunk(int slot, int c) {
        EvalSlot p = passes[slot];
        Split split = this.split;
        int cols = split.cols();
        int start = c * chunk;
        int n = Math.min(chunk, split.rows() - start);
        if (inStorageOrder) {
            for (int k = 0; k < n; k++) {
                int storage = storageOrder[start + k];
                int r = splitRowOf[storage];
                p.storageRows[k] = storage;
                if (split.isClassification()) p.labels[k] = split.labels()[r];
                else p.targets[k] = split.targets()[r];
            }
        } else {
            for (int r = 0; r < n; r++) p.storageRows[r] = split.storageRow(start + r);
            if (split.isClassification()) System.arraycopy(split.labels(), start, p.labels, 0, n);
            else System.arraycopy(split.targets(), start, p.targets, 0, n);
        }
        float[] h;
        if (p.first != null) {
            // a wide first linear layer reads the rows where they lie: no copy to write and read back
            h = p.first.forwardRows(split.x().array(), p.storageRows, n);
        } else {
            // a split that is not a view holds its rows in order: the chunk is one block
            if (split.rowIndex() == null) split.x().copy((long) start * cols, p.x, 0, n * cols);
            else RowGather.copy(split.x(), p.storageRows, n, cols, p.x);
            h = p.layers.get(0).forward(p.x, n, false);
        }
        int relu = 0;
        for (int i = 0; i < p.layers.size(); i++) {
            if (i > 0) h = p.layers.get(i).forward(h, n, false);
            if (trackRelu && relu < reluLayerIndex.length && reluLayerIndex[relu] == i) markAlive(h, n, p.reluAlive[relu++]);
            if (trackRelu && saturating[i] != 0) {
                p.saturated += countSaturated(h, n * widths[i + 1], saturating[i] == 1);
                p.saturable += (long) n * widths[i + 1];
            }
        }
        int width = outWidth;
        chunkLoss[c] = criterion.evaluate(h, n, width, p.labels, p.targets, null) * n;
        double maxAbs = p.maxAbs;
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < width; o++) maxAbs = Math.max(maxAbs, Math.abs(h[r * width + o]));
            if (split.isClassification()) {
                int predicted = criterion.predict(h, r, width);
                if (predicted == p.labels[r]) p.correct++;
                if (predicted >= 0 && predicted < p.predicted.length) p.predicted[predicted]++;
            } else {
                rowOutput[start + r] = h[r * width];
                rowTarget[start + r] = p.targets[r];
            }
        }
        p.maxAbs = maxAbs;
    }

    /** splitRowOf and storageOrder for this split: its storage rows' split rows (-1 for the others), and its storage rows ascending. */
    private void indexStorageRows(Split split) {
        java.util.Arrays.fill(splitRowOf, -1);
        int[] index = split.rowIndex();
        for (int r = 0; r < index.length; r++) splitRowOf[index[r]] = r;
        for (int s = 0, k = 0; s < splitRowOf.length; s++) if (splitRowOf[s] >= 0) storageOrder[k++] = s;
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

    private static double deadFraction(boolean[][] reluAlive) {
        int units = 0;
        int dead = 0;
        for (boolean[] alive : reluAlive) {
            units += alive.length;
            for (boolean a : alive) if (!a) dead++;
        }
        return units == 0 ? 0 : (double) dead / units;
    }
}
