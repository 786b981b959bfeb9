package dev.trainspec.engine.train;

import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
import java.util.List;

/**
 * One thread's share of an {@link Evaluation}: its layers (the trainer's, or twins sharing their
 * parameters), its chunk buffers, and its counts, which the pass adds up when every chunk is done.
 */
final class EvalSlot {
    final List<Layer> layers;
    /** The first layer when it is a linear layer that reads rows where they lie, else null. */
    final Linear first;
    final float[] x;
    final int[] labels;
    final int[] storageRows;
    final float[] targets;
    /** Per ReLU layer, per unit: did any row make it positive in this pass? */
    final boolean[][] reluAlive;
    /** Rows predicted as each class in this pass (a single logit predicts 0 or 1). */
    final long[] predicted;
    long correct;
    long saturated;
    long saturable;
    double maxAbs;

    EvalSlot(List<Layer> layers, int chunk, int cols, int[] widths, int[] reluLayerIndex, int outWidth, boolean rowsInArrays) {
        this.layers = layers;
        this.first = rowsInArrays && layers.get(0) instanceof Linear linear && linear.readsRows() ? linear : null;
        this.x = new float[first != null ? 0 : chunk * cols];
        this.labels = new int[chunk];
        this.storageRows = new int[chunk];
        this.targets = new float[chunk];
        this.reluAlive = new boolean[reluLayerIndex.length][];
        for (int r = 0; r < reluLayerIndex.length; r++) reluAlive[r] = new boolean[widths[reluLayerIndex[r] + 1]];
        this.predicted = new long[Math.max(2, outWidth)];
    }

    void reset() {
        for (boolean[] alive : reluAlive) java.util.Arrays.fill(alive, false);
        java.util.Arrays.fill(predicted, 0);
        correct = 0;
        saturated = 0;
        saturable = 0;
        maxAbs = 0;
    }
}
