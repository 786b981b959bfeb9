package dev.trainspec.engine.loss;

import dev.trainspec.engine.tensor.Rows;

/** A loss over one output per class, read by argmax (torch.argmax: first maximum, NaN wins). */
abstract class ClassLoss implements Loss {
    @Override
    public int predict(float[] output, int row, int width) {
        return Rows.argmax(output, row, width);
    }

    @Override
    public int outputWidth(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException(describe() + " needs class labels (2 or more classes), but the data has "
                    + (classes == 0 ? "real-valued targets" : classes + " class"));
        }
        return classes;
    }

    /** PyTorch's nll_loss check. */
    static int label(int[] labels, int row, int width) {
        int y = labels[row];
        if (y < 0 || y >= width) throw new IllegalArgumentException("Target " + y + " is out of bounds.");
        return y;
    }
}
