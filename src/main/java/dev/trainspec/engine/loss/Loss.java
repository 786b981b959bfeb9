package dev.trainspec.engine.loss;

/**
 * A criterion over a batch of model outputs [batch, width] and targets, with reduction "mean"
 * like PyTorch's default. It also knows how its outputs are read as a class prediction (argmax
 * of logits or probabilities, or a threshold for a single output).
 */
public interface Loss {
    /**
     * Returns the mean loss over the batch (summed in double). When {@code gradOutput} is not
     * null, writes dLoss/dOutput (already divided by the batch size, as for a mean) into it.
     * Classification losses read {@code labels} (class indices); regression losses read
     * {@code targets}. The loss itself may be inf or NaN, exactly where PyTorch's would be.
     */
    double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput);

    /** The class the output row predicts (for accuracy). */
    int predict(float[] output, int row, int width);

    /** The number of outputs this loss needs for {@code classes} classes (1 for binary BCE). */
    int outputWidth(int classes);

    String describe();
}
