package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.OptionalDouble;

/** A baseline after {@link Baseline#fit}: it predicts rows shaped like the ones it was fitted on. */
public interface Fitted {
    /**
     * scikit-learn's {@code predict}: per row the predicted class label (a whole number in
     * 0..classes-1) when the model was fitted on labels, the predicted target otherwise.
     */
    double[] predict(Dataset data);

    /**
     * Mean cross-entropy ({@code log_loss}) of the predicted class probabilities on labelled data,
     * for models that give probabilities; empty otherwise.
     */
    default OptionalDouble logLoss(Dataset data) {
        return OptionalDouble.empty();
    }

    /** How the fit ended (closed-form and constant fits are exact). */
    Convergence convergence();
}
