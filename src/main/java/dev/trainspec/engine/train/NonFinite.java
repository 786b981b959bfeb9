package dev.trainspec.engine.train;

/**
 * Where training first produced NaN or infinity: 1-based epoch, 1-based step within it, and what
 * (the loss, a layer's output such as "2:softmax", or a parameter such as "0.weight").
 */
public record NonFinite(int epoch, int step, String where, double value) {
    @Override
    public String toString() {
        return "epoch " + epoch + ", step " + step + ": " + where + " = " + value;
    }
}
