package dev.trainspec.run;

import dev.trainspec.engine.optim.ConstantLr;
import dev.trainspec.engine.optim.CosineAnnealingLr;
import dev.trainspec.engine.optim.ExponentialLr;
import dev.trainspec.engine.optim.MultiStepLr;
import dev.trainspec.engine.optim.ReduceLrOnPlateau;
import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.optim.StepLr;
import dev.trainspec.scenario.Named;
import java.util.List;

/**
 * The scenario's {@code schedule:} choice as an engine schedule stepped once per epoch, with
 * torch.optim.lr_scheduler 1.13's names and defaults (the loader's ModelDefinitions.SCHEDULE
 * table). No schedule means a constant learning rate.
 */
public final class ScheduleFactory {
    public static final List<String> NAMES = List.of("step_lr", "multi_step_lr", "exponential_lr", "cosine_annealing_lr", "reduce_lr_on_plateau");
    public static final String DEFAULT_MONITOR = "test.loss";

    private ScheduleFactory() {
    }

    /** @param schedule the scenario's schedule, or null for none */
    public static Schedule of(Named schedule, double initialLr) {
        if (schedule == null) return new ConstantLr(initialLr);
        NamedParams p = new NamedParams(schedule);
        return switch (schedule.name()) {
            case "step_lr" -> new StepLr(initialLr, p.requiredInteger("step_size"), p.number("gamma", StepLr.DEFAULT_GAMMA));
            case "multi_step_lr" -> new MultiStepLr(initialLr, milestones(p), p.number("gamma", StepLr.DEFAULT_GAMMA));
            case "exponential_lr" -> new ExponentialLr(initialLr, requiredGamma(p));
            case "cosine_annealing_lr" -> new CosineAnnealingLr(initialLr, p.requiredInteger("t_max"), p.number("eta_min", 0));
            case "reduce_lr_on_plateau" -> new ReduceLrOnPlateau(initialLr, mode(p.text("mode", "min")), p.number("factor", 0.1),
                    p.integer("patience", 10), p.number("threshold", 1e-4), thresholdMode(p.text("threshold_mode", "rel")),
                    p.integer("cooldown", 0), p.number("min_lr", 0), p.number("eps", 1e-8));
            default -> throw new IllegalArgumentException("unknown schedule '" + schedule.name() + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    /** The metric a schedule watches (reduce_lr_on_plateau's "monitor", default test.loss), or null if it watches none. */
    public static String monitor(Named schedule) {
        if (schedule == null || !schedule.name().equals("reduce_lr_on_plateau")) return null;
        return new NamedParams(schedule).text("monitor", DEFAULT_MONITOR);
    }

    private static long[] milestones(NamedParams p) {
        double[] values = p.numbers("milestones", new double[0]);
        if (values.length == 0) throw new IllegalArgumentException("multi_step_lr: missing required parameter milestones");
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            if (values[i] != Math.rint(values[i])) throw new IllegalArgumentException("multi_step_lr: milestones must be integers, got " + values[i]);
            out[i] = (long) values[i];
        }
        return out;
    }

    private static double requiredGamma(NamedParams p) {
        double gamma = p.number("gamma", Double.NaN);
        if (Double.isNaN(gamma)) throw new IllegalArgumentException("exponential_lr: missing required parameter gamma");
        return gamma;
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
