package dev.trainspec.run;

import dev.trainspec.engine.optim.ConstantLr;
import dev.trainspec.engine.optim.CosineAnnealingLr;
import dev.trainspec.engine.optim.ExponentialLr;
import dev.trainspec.engine.optim.MultiStepLr;
import dev.trainspec.engine.optim.ReduceLrOnPlateau;
import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.optim.StepLr;
import dev.trainspec.scenario.Named;

/**
 * The scenario's {@code schedule:} choice as an engine schedule stepped once per epoch. The names
 * and defaults of torch.optim.lr_scheduler 1.13 are the loader's (ModelDefinitions.SCHEDULE);
 * this reads filled parameters. No schedule means a constant learning rate.
 */
public final class ScheduleFactory {
    private ScheduleFactory() {
    }

    /** @param schedule the scenario's schedule, or null for none */
    public static Schedule of(Named schedule, double initialLr) {
        if (schedule == null) return new ConstantLr(initialLr);
        NamedParams p = new NamedParams(schedule);
        return switch (schedule.name()) {
            case "step_lr" -> new StepLr(initialLr, p.requiredInteger("step_size"), p.number("gamma"));
            case "multi_step_lr" -> new MultiStepLr(initialLr, milestones(p), p.number("gamma"));
            case "exponential_lr" -> new ExponentialLr(initialLr, p.number("gamma"));
            case "cosine_annealing_lr" -> new CosineAnnealingLr(initialLr, p.requiredInteger("t_max"), p.number("eta_min"));
            case "reduce_lr_on_plateau" -> new ReduceLrOnPlateau(initialLr, mode(p.text("mode")), p.number("factor"),
                    p.integer("patience"), p.number("threshold"), thresholdMode(p.text("threshold_mode")),
                    p.integer("cooldown"), p.number("min_lr"), p.number("eps"));
            default -> throw new IllegalArgumentException("unknown schedule '" + schedule.name() + "'");
        };
    }

    /** The metric a schedule watches (reduce_lr_on_plateau's "monitor"), or null if it watches none. */
    public static String monitor(Named schedule) {
        if (schedule == null || !schedule.name().equals("reduce_lr_on_plateau")) return null;
        return new NamedParams(schedule).text("monitor");
    }

    private static long[] milestones(NamedParams p) {
        double[] values = p.numbers("milestones");
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            if (values[i] != Math.rint(values[i])) throw new IllegalArgumentException("multi_step_lr: milestones must be integers, got " + values[i]);
            out[i] = (long) values[i];
        }
        return out;
    }

    private static ReduceLrOnPlateau.Mode mode(String mode) {
        return switch (mode) {
            case "min" -> ReduceLrOnPlateau.Mode.MIN;
            case "max" -> ReduceLrOnPlateau.Mode.MAX;
            default -> throw new IllegalArgumentException("mode " + mode + " is unknown!");
        };
    }

    private static ReduceLrOnPlateau.ThresholdMode thresholdMode(String mode) {
        return switch (mode) {
            case "rel" -> ReduceLrOnPlateau.ThresholdMode.REL;
            case "abs" -> ReduceLrOnPlateau.ThresholdMode.ABS;
            default -> throw new IllegalArgumentException("threshold mode " + mode + " is unknown!");
        };
    }
}
