package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.optim.TinyJson;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.yaml.ChoiceDefaults;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Scenario schedule choices: every torch fixture schedule through the factory, defaults, monitor. */
class ScheduleFactoryTest {
    /** A schedule as the loader delivers it: the definitions table's defaults filled in. */
    private static Named named(String name, Map<String, Object> values) {
        return ChoiceDefaults.of("schedule", raw(name, values));
    }

    private static Named raw(String name, Map<String, Object> values) {
        return new Named(name, new Params(values, Map.of()), Origin.UNKNOWN);
    }

    /** A filled schedule with one value the loader would refuse: what the engine says about it. */
    private static Named past(String name, String key, Object value) {
        Map<String, Object> values = new java.util.HashMap<>(named(name, Map.of()).params().values());
        values.put(key, value);
        return raw(name, values);
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> scenarioChoicesReplayTorch() {
        List<Object> cases = (List<Object>) TinyJson.resource("/torch/optim_schedules.json").get("cases");
        return cases.stream().map(o -> (Map<String, Object>) o).map(c -> {
            String name = (String) c.get("schedule");
            Map<String, Object> args = (Map<String, Object>) c.get("args");
            return DynamicTest.dynamicTest(name + args, () -> {
                Schedule s = ScheduleFactory.of(named(name, args), ((Number) c.get("initial_lr")).doubleValue());
                List<Object> lrs = (List<Object>) c.get("lrs");
                List<Object> metrics = (List<Object>) c.get("metrics");
                for (int e = 0; e < lrs.size(); e++) {
                    double monitored = metrics == null ? Double.NaN : ((Number) metrics.get(e)).doubleValue();
                    assertEquals(((Number) lrs.get(e)).doubleValue(), s.next(e, monitored), 1e-12 * ((Number) lrs.get(e)).doubleValue(),
                            s.describe() + " epoch " + e);
                }
            });
        });
    }

    @Test
    void noScheduleKeepsTheLearningRate() {
        Schedule s = ScheduleFactory.of(null, 0.05);
        for (int e = 0; e < 40; e++) assertEquals(0.05, s.next(e, Double.NaN));
        assertEquals("constant_lr(lr=0.05)", s.describe());
    }

    @Test
    void absentParametersTakeTorchDefaults() {
        assertEquals("step_lr(step_size=5, gamma=0.1)", ScheduleFactory.of(named("step_lr", Map.of("step_size", 5L)), 0.1).describe());
        assertEquals("multi_step_lr(milestones=[3, 8], gamma=0.1)", ScheduleFactory.of(named("multi_step_lr", Map.of("milestones", List.of(8L, 3L))), 0.1).describe());
        assertEquals("cosine_annealing_lr(t_max=20, eta_min=0)", ScheduleFactory.of(named("cosine_annealing_lr", Map.of("t_max", 20L)), 0.1).describe());
        assertEquals("reduce_lr_on_plateau(mode=min, factor=0.1, patience=10, threshold=1e-4, threshold_mode=rel, cooldown=0, min_lr=0, eps=1e-8)", ScheduleFactory.of(named("reduce_lr_on_plateau", Map.of()), 0.1).describe());
        assertEquals("reduce_lr_on_plateau(mode=max, factor=0.5, patience=3, threshold=1e-4, threshold_mode=rel, cooldown=0, min_lr=0, eps=1e-8)",
                ScheduleFactory.of(named("reduce_lr_on_plateau", Map.of("mode", "max", "factor", 0.5, "patience", 3L, "monitor", "test.accuracy")), 0.1).describe());
        // default gamma 0.1: after step_size epochs the lr is a tenth
        Schedule s = ScheduleFactory.of(named("step_lr", Map.of("step_size", 2L)), 1.0);
        assertEquals(1.0, s.next(0, Double.NaN));
        assertEquals(0.1, s.next(1, Double.NaN));
    }

    @Test
    void monitorIsThePlateauSchedulesMetric() {
        assertNull(ScheduleFactory.monitor(null));
        assertNull(ScheduleFactory.monitor(named("step_lr", Map.of("step_size", 5L))));
        assertEquals("test.loss", ScheduleFactory.monitor(named("reduce_lr_on_plateau", Map.of())));
        assertEquals("train.loss", ScheduleFactory.monitor(named("reduce_lr_on_plateau", Map.of("monitor", "train.loss"))));
    }

    @Test
    void mistakesAreReported() {
        assertEquals("unknown schedule 'one_cycle_lr'",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFactory.of(raw("one_cycle_lr", Map.of()), 0.1)).getMessage());
        assertEquals("step_lr: missing required parameter step_size",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFactory.of(raw("step_lr", Map.of()), 0.1)).getMessage());
        // the loader requires gamma: a choice without it was built past the loader, a bug
        assertThrows(IllegalStateException.class, () -> ScheduleFactory.of(raw("exponential_lr", Map.of()), 0.1));
        assertEquals("Factor should be < 1.0.",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFactory.of(past("reduce_lr_on_plateau", "factor", 1.0), 0.1)).getMessage());
        assertEquals("mode median is unknown!",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFactory.of(past("reduce_lr_on_plateau", "mode", "median"), 0.1)).getMessage());
    }
}
