package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;

/** scikit-learn's accuracy_score, r2_score and mean_absolute_error of predictions against a data set. */
public final class Scores {
    private Scores() {}

    public static double accuracy(Dataset data, double[] predicted) {
        int correct = 0;
        for (int i = 0; i < data.rows(); i++) if (predicted[i] == data.labels()[i]) correct++;
        return (double) correct / data.rows();
    }

    /** 1 - SS_res / SS_tot around the data's own mean; a constant target gives 1 if predicted exactly, else 0 (as scikit-learn 1.2). */
    public static double r2(Dataset data, double[] predicted) {
        double[] y = data.targets();
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        if (total == 0) return residual == 0 ? 1.0 : 0.0;
        return 1 - residual / total;
    }

    public static double meanAbsoluteError(Dataset data, double[] predicted) {
        double[] y = data.targets();
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += Math.abs(y[i] - predicted[i]);
        return sum / y.length;
    }
}
