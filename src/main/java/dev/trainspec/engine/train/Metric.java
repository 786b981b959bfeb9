package dev.trainspec.engine.train;

import java.util.List;

/** The per-epoch metric names of SCENARIOS.md section 3, and which direction is better. */
public final class Metric {
    public static final String TRAIN_LOSS = "train.loss";
    public static final String TRAIN_ACCURACY = "train.accuracy";
    public static final String TEST_LOSS = "test.loss";
    public static final String TEST_ACCURACY = "test.accuracy";
    public static final String TRAIN_R2 = "train.r2";
    public static final String TEST_R2 = "test.r2";
    public static final String TRAIN_MAE = "train.mae";
    public static final String TEST_MAE = "test.mae";
    public static final String RUNNING_LOSS = "train.running_loss";
    public static final String RUNNING_ACCURACY = "train.running_accuracy";
    public static final String GRAD_NORM = "grad_norm";
    public static final String WEIGHT_NORM = "weight_norm";
    public static final String LR = "lr";
    public static final String DEAD_RELU_FRACTION = "dead_relu_fraction";
    public static final String MAX_ABS_LOGIT = "max_abs_logit";

    public static final List<String> CLASSIFICATION = List.of(TRAIN_LOSS, TRAIN_ACCURACY, TEST_LOSS, TEST_ACCURACY,
            RUNNING_LOSS, RUNNING_ACCURACY, GRAD_NORM, WEIGHT_NORM, LR, DEAD_RELU_FRACTION, MAX_ABS_LOGIT);
    public static final List<String> REGRESSION = List.of(TRAIN_LOSS, TRAIN_R2, TRAIN_MAE, TEST_LOSS, TEST_R2, TEST_MAE,
            RUNNING_LOSS, GRAD_NORM, WEIGHT_NORM, LR, DEAD_RELU_FRACTION, MAX_ABS_LOGIT);

    private Metric() {}

    /** Accuracy-like metrics are better when higher; losses, errors and norms when lower. */
    public static boolean higherIsBetter(String name) {
        return name.endsWith("accuracy") || name.endsWith("r2");
    }
}
