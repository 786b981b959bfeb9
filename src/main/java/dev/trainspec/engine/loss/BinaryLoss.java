package dev.trainspec.engine.loss;

/** A two-class loss on one output per row; the label (0 or 1) is the target. */
abstract class BinaryLoss implements Loss {
    @Override
    public int outputWidth(int classes) {
        if (classes != 2) {
            throw new IllegalArgumentException(describe() + " is a two-class loss with 1 output, but the data has "
                    + (classes == 0 ? "real-valued targets" : classes + " classes") + "; use cross_entropy for more than 2 classes");
        }
        return 1;
    }

    static void checkWidth(int batch, int width) {
        if (width != 1) {
            throw new IllegalArgumentException("Target size ([" + batch + ", 1]) must be the same as input size ([" + batch + ", " + width + "])");
        }
    }

    static float target(int[] labels, int row) {
        int y = labels[row];
        if (y != 0 && y != 1) throw new IllegalArgumentException("binary loss: label " + y + " is not 0 or 1");
        return y;
    }
}
