package dev.trainspec.check.diagnosis;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;
import dev.trainspec.scenario.LayerSpec;

/**
 * Rules on the shape of the training-loss curve: it stalls (plateau), it crawls at a constant
 * pace (learning rate too low), it rises or swings (learning rate too high).
 */
final class CurveRules {
    /** A curve is flat when its best value improved by less than this fraction over the last third. */
    static final double FLAT = 0.01;
    /** "Learned little": the loss is still at least this fraction of the chance-level loss. */
    static final double NEAR_CHANCE = 0.8;
    static final int MIN_EPOCHS = 5;
    /** Batches averaging this many times the reference loss overshoot. */
    static final double OVERSHOOT = 3;
    /** A second half in which the loss rises at least this often, by this fraction of the chance level per epoch, bounces. */
    static final double BOUNCE_RISES = 0.4;
    static final double BOUNCE_AMPLITUDE = 0.03;
    /** A second half whose best loss is this many times the early best has worsened. */
    static final double WORSENED = 1.05;
    /** Late batches scoring worse than the model after the epoch by this fraction of the chance level (and ratio). */
    static final double NOISY_GAP = 0.1;
    static final double NOISY_RATIO = 1.2;

    private CurveRules() {}

    static Hit plateau(Subject s, RunResult run) {
        double[] loss = finiteLoss(run);
        if (loss == null || loss.length < MIN_EPOCHS + 1) return null;
        int tail = Math.max(2, loss.length / 3);
        double before = Curve.min(loss, 0, loss.length - tail);
        double after = Curve.min(loss, loss.length - tail, loss.length);
        double gain = (before - after) / before;
        if (!(gain < FLAT)) return null;
        String why = stuckReason(s, run, loss[loss.length - 1]);
        if (why == null) return null;
        return Hit.warning("train loss " + format(loss[loss.length - 1]) + " improved by " + percent(Math.max(gain, 0))
                + " over the last " + tail + " of " + loss.length + " epochs while " + why);
    }

    /** Why a flat loss is a problem (it sits near chance, or below a linear model's fit), or null when it is simply done. */
    private static String stuckReason(Subject s, RunResult run, double last) {
        double chance = s.chanceLoss();
        if (!Double.isNaN(chance) && last >= NEAR_CHANCE * chance) {
            return "it is " + percent(last / chance) + " of the chance-level loss " + format(chance);
        }
        History h = run.training().history();
        Subject.Baseline b = s.bestLinear("train.accuracy");
        if (b != null && h.has(Metric.TRAIN_ACCURACY) && h.last(Metric.TRAIN_ACCURACY) < b.value() - 0.02) {
            return "train accuracy " + format(h.last(Metric.TRAIN_ACCURACY)) + " is below " + b.name() + "'s " + format(b.value());
        }
        return null;
    }

    static Hit learningRateTooLow(Subject s, RunResult run) {
        double[] loss = finiteLoss(run);
        if (loss == null || loss.length < MIN_EPOCHS + 1) return null;
        int n = loss.length;
        int third = Math.max(1, n / 3);
        double early = loss[0] - loss[third];
        double late = loss[n - 1 - third] - loss[n - 1];
        double chance = s.chanceLoss();
        double reference = Double.isNaN(chance) ? loss[0] : chance;
        boolean steady = Curve.decreases(loss) >= 0.9 * (n - 1);
        boolean notSlowing = early > 0 && late >= 0.5 * early;
        boolean moving = late / loss[n - 1] >= 1e-4; // still moving, not a float-level drift on a stuck model
        boolean farFromFit = loss[n - 1] >= 0.5 * reference;
        if (!(steady && notSlowing && moving && farFromFit)) return null;
        return Hit.warning("train loss fell steadily from " + format(loss[0]) + " to " + format(loss[n - 1]) + " over " + n
                + " epochs without slowing down (" + format(early) + " in the first " + third + " epochs, " + format(late)
                + " in the last " + third + ") and is still " + percent(loss[n - 1] / reference) + " of "
                + (Double.isNaN(chance) ? "its first value" : "the chance-level loss") + " with " + s.optimizer());
    }

    static Hit learningRateTooHigh(Subject s, RunResult run) {
        double[] loss = run.training().history().series(Metric.TRAIN_LOSS);
        int n = loss.length;
        if (n < 2) return null;
        if (run.training().firstNonFinite() != null) {
            double best = Curve.min(loss, 0, n);
            return Hit.error("training diverged to NaN/infinity (" + run.training().firstNonFinite() + ") with " + s.optimizer()
                    + (Double.isFinite(best) ? " after reaching train loss " + format(best) : ""));
        }
        double best = Curve.min(loss, 0, n);
        double last = loss[n - 1];
        double chance = s.chanceLoss();
        if (last > 1.5 * loss[0] && last > best * 2 && (Double.isNaN(chance) || last > chance)) {
            return Hit.error("train loss rose from " + format(loss[0]) + " after epoch 1 to " + format(last) + " (best " + format(best)
                    + ") with " + s.optimizer());
        }
        int jumps = Curve.jumps(loss, 0.10);
        // relative jumps of a loss near 0 are noise: only a loss still worth a tenth of the chance level counts
        boolean sizeable = Double.isNaN(chance) || last >= 0.1 * chance;
        if (n >= MIN_EPOCHS && best > 0 && sizeable && jumps >= 0.25 * (n - 1) && last > 1.5 * best) {
            return Hit.warning("train loss rose by more than 10% in " + jumps + " of " + (n - 1) + " epochs and ends at " + format(last)
                    + ", " + format(last / best) + "x its best " + format(best) + ", with " + s.optimizer());
        }
        Hit bouncing = bouncing(s, loss);
        if (bouncing != null) return bouncing;
        Hit worsened = Double.isNaN(chance) || last >= 0.1 * chance ? worsened(s, loss) : null;
        if (worsened != null) return worsened;
        Hit noisy = batchesWorse(s, run, loss);
        return noisy != null ? noisy : overshoot(s, run, loss);
    }

    /**
     * Without dropout or batch_norm the batches of a late epoch should score about what the
     * model scores after it; when they score clearly worse, each step undoes part of the others.
     */
    private static Hit batchesWorse(Subject s, RunResult run, double[] loss) {
        History h = run.training().history();
        double chance = s.chanceLoss();
        boolean trainModeDiffers = s.model().stream().anyMatch(l -> l instanceof LayerSpec.Dropout || l instanceof LayerSpec.BatchNorm);
        if (trainModeDiffers || Double.isNaN(chance) || !h.has(Metric.RUNNING_LOSS) || loss.length < MIN_EPOCHS) return null;
        double[] running = h.series(Metric.RUNNING_LOSS);
        int n = loss.length;
        int tail = Math.max(2, n / 3);
        double batches = 0;
        double after = 0;
        for (int i = n - tail; i < n; i++) {
            batches += running[i] / tail;
            after += loss[i] / tail;
        }
        if (!(batches - after >= NOISY_GAP * chance && batches >= NOISY_RATIO * after)) return null;
        return Hit.warning("over the last " + tail + " epochs the training batches averaged loss " + format(batches) + " while the model"
                + " after each epoch scores " + format(after) + " on the same rows: each step undoes part of the others, with "
                + s.optimizer());
    }

    /**
     * The loss was lowest early and stayed clearly above that for the whole second half: the
     * steps keep kicking the model out of the minimum it found.
     */
    private static Hit worsened(Subject s, double[] loss) {
        int n = loss.length;
        if (n < 2 * MIN_EPOCHS) return null;
        int bestAt = 0;
        for (int i = 0; i < n; i++) if (loss[i] < loss[bestAt]) bestAt = i;
        if (bestAt >= n / 4 || !(loss[bestAt] > 0)) return null;
        double secondHalfMin = Curve.min(loss, n / 2, n);
        if (!(secondHalfMin >= WORSENED * loss[bestAt])) return null;
        return Hit.warning("train loss was lowest after epoch " + (bestAt + 1) + " (" + format(loss[bestAt]) + ") and stayed at least "
                + percent(secondHalfMin / loss[bestAt] - 1) + " above it through the last " + (n - n / 2) + " epochs (ends at "
                + format(loss[n - 1]) + "), with " + s.optimizer());
    }

    /**
     * Over the second half of training a converging loss mostly falls, by steps that shrink; one
     * that rises as often as it falls, by steps of several percent of the chance-level loss, is
     * jumping across a valley instead of descending into it.
     */
    private static Hit bouncing(Subject s, double[] loss) {
        double chance = s.chanceLoss();
        int n = loss.length;
        if (Double.isNaN(chance) || n < MIN_EPOCHS + 1) return null;
        int from = n / 2;
        int rises = 0;
        double moved = 0;
        for (int i = from + 1; i < n; i++) {
            if (loss[i] > loss[i - 1]) rises++;
            moved += Math.abs(loss[i] - loss[i - 1]);
        }
        int steps = n - 1 - from;
        double amplitude = moved / steps;
        if (!(rises >= BOUNCE_RISES * steps && amplitude >= BOUNCE_AMPLITUDE * chance)) return null;
        return Hit.warning("over the last " + (steps + 1) + " epochs the train loss rose " + rises + " times in " + steps
                + ", moving " + format(amplitude) + " per epoch (" + percent(amplitude / chance) + " of the chance-level loss "
                + format(chance) + ") around " + format(loss[n - 1]) + ", with " + s.optimizer());
    }

    /**
     * An epoch's batches should average about the loss the epoch started from (a fresh model
     * starts near the chance-level loss); several times more means the steps overshoot.
     */
    private static Hit overshoot(Subject s, RunResult run, double[] loss) {
        History h = run.training().history();
        if (!h.has(Metric.RUNNING_LOSS)) return null;
        double[] running = h.series(Metric.RUNNING_LOSS);
        double chance = s.chanceLoss();
        double floor = Double.isNaN(chance) ? 0 : chance;
        int worst = -1;
        double worstRatio = 0;
        double worstReference = 0;
        for (int i = 0; i < running.length; i++) {
            // epoch 1 starts from the initialisation, whose loss is only known as the chance level
            double reference = i == 0 ? chance : Math.max(floor, loss[i - 1]);
            if (!(reference > 0)) continue;
            double ratio = running[i] / reference;
            if (ratio > worstRatio) {
                worst = i;
                worstRatio = ratio;
                worstReference = reference;
            }
        }
        if (worst < 0 || !(worstRatio >= OVERSHOOT)) return null;
        return Hit.warning("the training batches of epoch " + (worst + 1) + " averaged loss " + format(running[worst]) + ", "
                + format(worstRatio) + "x the " + (worst == 0 ? "chance-level loss " : "loss after epoch " + worst + ", ")
                + format(worstReference) + ", with " + s.optimizer() + ": the steps overshoot");
    }

    /** The train loss series, or null when it is not finite throughout (the non-finite rules speak then). */
    private static double[] finiteLoss(RunResult run) {
        if (run.training().firstNonFinite() != null) return null;
        double[] loss = run.training().history().series(Metric.TRAIN_LOSS);
        return Curve.allFinite(loss) ? loss : null;
    }

    static String percent(double fraction) {
        return format(Math.round(fraction * 1000) / 10.0) + "%";
    }
}
