package dev.trainspec.engine.train;

import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.Layer;
import java.util.List;

/**
 * An eval-mode pass over a whole split, in chunks of at most {@code maxBatch} rows, through
 * buffers allocated once: loss (mean over rows), accuracy or r2/mae, the largest |output|, and
 * for the training split the fraction of ReLU units that output zero on every row.
 */
final class Evaluation {
    private final List<Layer> layers;
    private final Loss criterion;
    private final int maxBatch;
    private final int outWidth;
    private final float[] chunkX;
    private final int[] chunkLabels;
    private final float[] chunkTargets;
    /** Per ReLU layer, per unit: 1 once any row made it positive in this pass, else 0. */
    private final int[][] reluAlive;
    private final int[] reluLayerIndex;

    double loss;
    double accuracy;
    double r2;
    double mae;
    double maxAbsOutput;
    double deadReluFraction;

    Evaluation(List<Layer> layers, int[] widths, Loss loss, int maxBatch, int cols) {
        this.layers = layers;
        this.criterion = loss;
        this.maxBatch = maxBatch;
        this.outWidth = widths[layers.size()];
        this.chunkX = new float[maxBatch * cols];
        this.chunkLabels = new int[maxBatch];
        this.chunkTargets = new float[maxBatch];
        int relus = 0;
        for (Layer l : layers) if (isRelu(l)) relus++;
        this.reluAlive = new int[relus][];
        this.reluLayerIndex = new int[relus];
        for (int i = 0, r = 0; i < layers.size(); i++) {
            if (isRelu(layers.get(i))) {
                reluLayerIndex[r] = i;
                reluAlive[r++] = new int[widths[i + 1]];
            }
        }
    }

    static boolean isRelu(Layer layer) {
        return layer.describe().equals("relu");
    }

    void run(Split split, boolean trackRelu) {
        for (int[] alive : reluAlive) java.util.Arrays.fill(alive, 0);
        int cols = split.cols();
        double lossSum = 0;
        long correct = 0;
        double absErr = 0;
        double sqErr = 0;
        double maxAbs = 0;
        double targetSum = 0;
        double targetSq = 0;
        for (int start = 0; start < split.rows(); start += maxBatch) {
            int n = Math.min(maxBatch, split.rows() - start);
            System.arraycopy(split.x(), start * cols, chunkX, 0, n * cols);
            if (split.isClassification()) System.arraycopy(split.labels(), start, chunkLabels, 0, n);
            else System.arraycopy(split.targets(), start, chunkTargets, 0, n);
            float[] h = chunkX;
            int relu = 0;
            for (int i = 0; i < layers.size(); i++) {
                h = layers.get(i).forward(h, n, false);
                if (trackRelu && relu < reluLayerIndex.length && reluLayerIndex[relu] == i) markAlive(h, n, reluAlive[relu++]);
            }
            int width = outWidth;
            lossSum += criterion.evaluate(h, n, width, chunkLabels, chunkTargets, null) * n;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < width; c++) maxAbs = Math.max(maxAbs, Math.abs(h[r * width + c]));
                if (split.isClassification()) {
                    if (criterion.predict(h, r, width) == chunkLabels[r]) correct++;
                } else {
                    double t = chunkTargets[r];
                    double e = h[r * width] - t;
                    absErr += Math.abs(e);
                    sqErr += e * e;
                    targetSum += t;
                    targetSq += t * t;
                }
            }
        }
        int rows = split.rows();
        loss = lossSum / rows;
        accuracy = (double) correct / rows;
        mae = absErr / rows;
        double mean = targetSum / rows;
        double ssTot = targetSq - rows * mean * mean;
        r2 = ssTot > 0 ? 1 - sqErr / ssTot : Double.NaN;
        maxAbsOutput = maxAbs;
        if (trackRelu) deadReluFraction = deadFraction();
    }

    /**
     * alive[c] |= (out[r, c] > 0) without a branch per value (signs of hidden units are data). A
     * float is > 0 exactly when its bits, as an int, lie in [1, 0x7F800000] (positive finite or
     * +inf; +0, negatives and every NaN fall outside); t = bits - 1 is then in [0, 0x7F7FFFFF],
     * which is "t and K - t both non-negative" (K - t cannot overflow once t >= 0, and a
     * negative t sets the sign bit on its own).
     */
    static void markAlive(float[] out, int n, int[] alive) {
        int width = alive.length;
        for (int r = 0; r < n; r++) {
            int row = r * width;
            for (int c = 0; c < width; c++) {
                int t = Float.floatToRawIntBits(out[row + c]) - 1;
                alive[c] |= ((t | (0x7F7FFFFF - t)) >>> 31) ^ 1;
            }
        }
    }

    private double deadFraction() {
        int units = 0;
        int dead = 0;
        for (int[] alive : reluAlive) {
            units += alive.length;
            for (int a : alive) if (a == 0) dead++;
        }
        return units == 0 ? 0 : (double) dead / units;
    }
}
