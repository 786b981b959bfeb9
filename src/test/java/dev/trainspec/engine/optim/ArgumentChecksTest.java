package dev.trainspec.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Bad arguments are refused with torch 1.13's own messages (recorded in optim_errors.json). */
class ArgumentChecksTest {
    private static List<Parameter> params() {
        return List.of(new Parameter("w", 1));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> messagesAreTorchs() {
        List<Object> cases = TorchOptimizerFixture.list(TinyJson.resource("/torch/optim_errors.json").get("cases"));
        return cases.stream().map(o -> (Map<String, Object>) o).map(c -> {
            Map<String, Object> args = (Map<String, Object>) c.get("args");
            String what = c.containsKey("optimizer") ? (String) c.get("optimizer") : (String) c.get("schedule");
            return DynamicTest.dynamicTest(what + args + " -> " + c.get("message"), () -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                    if (c.containsKey("optimizer")) OptimizersMatchTorchTest.build(what, args, params());
                    else SchedulesMatchTorchTest.build(what, args, 0.1);
                });
                assertEquals(c.get("message"), e.getMessage());
            });
        });
    }

    @Test
    void emptyParameterListIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(), 0.1));
        assertEquals("optimizer got an empty parameter list", e.getMessage());
    }

    @Test
    void negativeLrFromAScheduleIsRefused() {
        Sgd sgd = new Sgd(params(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.setLr(-0.5));
        assertEquals("Invalid learning rate: -0.5", e.getMessage());
    }

    @Test
    void schedulesRefuseNonsense() {
        assertEquals("step_size should be a positive integer, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLr(0.1, 0, 0.1)).getMessage());
        assertEquals("T_max should be a positive integer, got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLr(0.1, 0, 0)).getMessage());
        assertEquals("Invalid learning rate: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new ExponentialLr(-1.0, 0.9)).getMessage());
    }

    @Test
    void schedulesMustBeSteppedInOrder() {
        Schedule s = new StepLr(0.1, 2, 0.5);
        s.next(0, Double.NaN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.next(2, Double.NaN));
        assertEquals("schedule stepped for epoch 2, expected epoch 1", e.getMessage());
    }
}
