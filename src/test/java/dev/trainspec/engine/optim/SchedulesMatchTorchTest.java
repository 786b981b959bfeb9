package dev.trainspec.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each schedule of the torch fixture over 45 epochs: the lr for every next epoch as torch 1.13
 * computes it ({@code param_groups[0]['lr']} after {@code scheduler.step()}). Multiplicative
 * schedules and ReduceLROnPlateau must match exactly; the cosine within 1e-12 relative (Java's
 * and C's cos may differ in the last bit). The miss is printed.
 */
class SchedulesMatchTorchTest {
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> everyEpochMatchesTorch() {
        List<Object> cases = TorchOptimizerFixture.list(TinyJson.resource("/torch/optim_schedules.json").get("cases"));
        return cases.stream().map(o -> (Map<String, Object>) o).map(c -> {
            String name = (String) c.get("schedule");
            Map<String, Object> args = (Map<String, Object>) c.get("args");
            return DynamicTest.dynamicTest(name + args, () -> {
                double initialLr = ((Number) c.get("initial_lr")).doubleValue();
                Schedule schedule = build(name, args, initialLr);
                List<Object> lrs = TorchOptimizerFixture.list(c.get("lrs"));
                List<Object> metrics = c.get("metrics") == null ? null : TorchOptimizerFixture.list(c.get("metrics"));
                double tolerance = name.equals("cosine_annealing_lr") ? 1e-12 : 0.0;
                double worst = 0;
                int worstEpoch = 0;
                int exact = 0;
                for (int e = 0; e < lrs.size(); e++) {
                    double monitored = metrics == null ? Double.NaN : ((Number) metrics.get(e)).doubleValue();
                    double got = schedule.next(e, monitored);
                    double want = ((Number) lrs.get(e)).doubleValue();
                    double miss = Math.abs(got - want) / Math.abs(want);
                    if (got == want) exact++;
                    if (miss > worst) {
                        worst = miss;
                        worstEpoch = e;
                    }
                }
                System.out.printf("schedule %s%s: max relative miss %.3g (epoch %d), %d of %d lrs exact%n", name, args, worst, worstEpoch, exact, lrs.size());
                assertTrue(worst <= tolerance, schedule.describe() + ": max relative miss " + worst + " at epoch " + worstEpoch + " > " + tolerance);
                assertEquals(45, lrs.size());
            });
        });
    }

    static Schedule build(String name, Map<String, Object> a, double lr) {
        return switch (name) {
            case "step_lr" -> new StepLr(lr, i(a, "step_size", -1), d(a, "gamma", 0.1));
            case "multi_step_lr" -> new MultiStepLr(lr, TorchOptimizerFixture.list(a.get("milestones")).stream().mapToLong(v -> ((Number) v).longValue()).toArray(), d(a, "gamma", 0.1));
            case "exponential_lr" -> new ExponentialLr(lr, d(a, "gamma", -1));
            case "cosine_annealing_lr" -> new CosineAnnealingLr(lr, i(a, "t_max", -1), d(a, "eta_min", 0));
            case "reduce_lr_on_plateau" -> new ReduceLrOnPlateau(lr,
                    ReduceLrOnPlateau.Mode.valueOf(s(a, "mode", "min").toUpperCase()), d(a, "factor", 0.1), i(a, "patience", 10),
                    d(a, "threshold", 1e-4), ReduceLrOnPlateau.ThresholdMode.valueOf(s(a, "threshold_mode", "rel").toUpperCase()),
                    i(a, "cooldown", 0), d(a, "min_lr", 0), d(a, "eps", 1e-8));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double d(Map<String, Object> a, String k, double dflt) {
        return a.containsKey(k) ? ((Number) a.get(k)).doubleValue() : dflt;
    }

    private static int i(Map<String, Object> a, String k, int dflt) {
        return a.containsKey(k) ? ((Number) a.get(k)).intValue() : dflt;
    }

    private static String s(Map<String, Object> a, String k, String dflt) {
        return a.containsKey(k) ? (String) a.get(k) : dflt;
    }
}
