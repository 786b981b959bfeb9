package dev.trainspec.run;

import dev.trainspec.engine.loss.Bce;
import dev.trainspec.engine.loss.BceWithLogits;
import dev.trainspec.engine.loss.CrossEntropy;
import dev.trainspec.engine.loss.CrossEntropyOnProbabilities;
import dev.trainspec.engine.loss.Hinge;
import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.loss.Mse;
import dev.trainspec.engine.loss.NllLoss;
import dev.trainspec.scenario.Named;

/** {@code loss:} to an engine loss. */
public final class LossFactory {
    private LossFactory() {}

    /** The loss for a classification problem (mse compares with one-hot rows). */
    public static Loss of(Named loss) {
        return of(loss, false);
    }

    /** The loss for the problem at hand: with {@code regression}, mse compares with the real targets. */
    public static Loss of(Named loss, boolean regression) {
        return switch (loss.name()) {
            case "cross_entropy" -> probabilities(loss) ? new CrossEntropyOnProbabilities() : new CrossEntropy();
            case "nll" -> new NllLoss();
            case "bce_with_logits" -> new BceWithLogits();
            case "bce" -> new Bce();
            case "mse" -> regression ? Mse.forRegression() : Mse.forClassification();
            case "hinge" -> new Hinge();
            default -> throw new IllegalStateException("unknown loss '" + loss.name() + "'");
        };
    }

    private static boolean probabilities(Named loss) {
        return loss.params() != null && loss.params().has("input") && loss.params().getString("input").equals("probabilities");
    }
}
