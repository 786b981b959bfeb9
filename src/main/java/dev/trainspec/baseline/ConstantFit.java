package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.Arrays;

/** Predicts one value for every row: a class label or a target. */
final class ConstantFit implements Fitted {
    private final double value;

    ConstantFit(double value) {
        this.value = value;
    }

    double value() {
        return value;
    }

    @Override
    public double[] predict(Dataset data) {
        double[] out = new double[data.rows()];
        Arrays.fill(out, value);
        return out;
    }

    @Override
    public Convergence convergence() {
        return Convergence.exact(Double.NaN);
    }

    @Override
    public String toString() {
        return "ConstantFit(" + value + ")";
    }
}
