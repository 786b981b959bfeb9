package dev.trainspec.engine.train;

import java.util.List;

/** The per-epoch metric names of scenarios/README.md section 3, and which direction is better. */
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
    // Beyond section 3, for the diagnosis (scenarios/README.md section 6).
    /** Mean over the epoch's steps of the gradient L2 norm of the first layer with parameters. */
    public static final String FIRST_LAYER_GRAD_NORM = "first_layer_grad_norm";
    /** The same for the last layer with parameters: first/last far below 1 = vanishing gradients. */
    public static final String LAST_LAYER_GRAD_NORM = "last_layer_grad_norm";
    /** Fraction of hidden sigmoid/tanh outputs on the training split within 0.01 of an asymptote (eval mode). */
    public static final String SATURATED_FRACTION = "saturated_fraction";
    /** The largest share of rows predicted as one class (1.0 = the model predicts a single class). */
    public static final String TRAIN_MAX_CLASS_SHARE = "train.max_class_share";
    public static final String TEST_MAX_CLASS_SHARE = "test.max_class_share";

    public static final List<String> CLASSIFICATION = List.of(TRAIN_LOSS, TRAIN_ACCURACY, TEST_LOSS, TEST_ACCURACY,
            RUNNING_LOSS, RUNNING_ACCURACY, GRAD_NORM, WEIGHT_NORM, LR, DEAD_RELU_FRACTION, MAX_ABS_LOGIT,
            FIRST_LAYER_GRAD_NORM, LAST_LAYER_GRAD_NORM, SATURATED_FRACTION, TRAIN_MAX_CLASS_SHARE, TEST_MAX_CLASS_SHARE);
    public static final List<String> REGRESSION = List.of(TRAIN_LOSS, TRAIN_R2, TRAIN_MAE, TEST_LOSS, TEST_R2, TEST_MAE,
            RUNNING_LOSS, GRAD_NORM, WEIGHT_NORM, LR, DEAD_RELU_FRACTION, MAX_ABS_LOGIT,
            FIRST_LAYER_GRAD_NORM, LAST_LAYER_GRAD_NORM, SATURATED_FRACTION);

    private Metric() {}

    /** Accuracy-like metrics are better when higher; losses, errors and norms when lower. */
    public static boolean higherIsBetter(String name) {
        return name.endsWith("accuracy") || name.endsWith("r2");
    }

    /** The smallest value the metric can take: r2 has none, everything else (losses, errors, norms, shares) is at least 0. */
    public static double lowest(String name) {
        return name.endsWith("r2") ? Double.NEGATIVE_INFINITY : 0;
    }

    /** The largest value the metric can take: 1 for accuracies, r2, shares and fractions; none for the rest. */
    public static double highest(String name) {
        return name.endsWith("accuracy") || name.endsWith("r2") || name.endsWith("share") || name.endsWith("fraction")
                ? 1 : Double.POSITIVE_INFINITY;
    }
}
