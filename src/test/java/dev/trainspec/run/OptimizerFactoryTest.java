package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.nn.Parameter;
import dev.trainspec.engine.optim.TorchOptimizerFixture;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.yaml.ChoiceDefaults;
import dev.trainspec.scenario.Params;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scenario optimizer choices become the right engine optimizer: every torch fixture case, given
 * as the scenario would give it (its torch keyword arguments are the scenario's names), replays
 * torch's 50 steps; absent parameters take torch's defaults.
 */
class OptimizerFactoryTest {
    /** An optimizer as the loader delivers it: the definitions table's defaults filled in. */
    static Named named(String name, Map<String, Object> values) {
        return ChoiceDefaults.of("optimizer", raw(name, values));
    }

    /** Exactly the given parameters: for what only code can build, past the loader's checks. */
    static Named raw(String name, Map<String, Object> values) {
        return new Named(name, new Params(values, Map.of()), Origin.UNKNOWN);
    }

    private static List<Parameter> params() {
        return List.of(new Parameter("w", 2, 2), new Parameter("b", 2));
    }

    @TestFactory
    Stream<DynamicTest> scenarioChoicesReplayTorch() {
        TorchOptimizerFixture fixture = new TorchOptimizerFixture();
        return fixture.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            TorchOptimizerFixture.Miss miss = fixture.replay(c, ps -> OptimizerFactory.of(named(c.optimizer(), c.args()), ps));
            assertTrue(miss.worst() <= 1e-6, c + ": " + miss);
        }));
    }

    @Test
    void absentParametersTakeTorchDefaults() {
        assertEquals("adam(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=false)", OptimizerFactory.of(named("adam", Map.of()), params()).describe());
        assertEquals("adamw(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=false)", OptimizerFactory.of(named("adamw", Map.of()), params()).describe());
        assertEquals("rmsprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=false)", OptimizerFactory.of(named("rmsprop", Map.of()), params()).describe());
        assertEquals("adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)", OptimizerFactory.of(named("adagrad", Map.of()), params()).describe());
        assertEquals("sgd(lr=0.1, momentum=0, dampening=0, nesterov=false, weight_decay=0)", OptimizerFactory.of(named("sgd", Map.of("lr", 0.1)), params()).describe());
        assertEquals(0.001, OptimizerFactory.of(named("adam", Map.of()), params()).lr());
    }

    @Test
    void describeShowsEverySetting() {
        assertEquals("sgd(lr=0.1, momentum=0.9, dampening=0, nesterov=false, weight_decay=0)",
                OptimizerFactory.of(named("sgd", Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.0, "nesterov", false)), params()).describe());
        assertEquals("sgd(lr=0.05, momentum=0.9, dampening=0, nesterov=true, weight_decay=1e-4)",
                OptimizerFactory.of(named("sgd", Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight_decay", 1e-4)), params()).describe());
        assertEquals("adam(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0, amsgrad=true)",
                OptimizerFactory.of(named("adam", Map.of("lr", 0.01, "betas", List.of(0.8, 0.99), "eps", 1e-6, "amsgrad", true)), params()).describe());
        assertEquals("adamw(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=false)",
                OptimizerFactory.of(named("adamw", Map.of("weight_decay", 0.0)), params()).describe());
        assertEquals("rmsprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0.9, centered=true)",
                OptimizerFactory.of(named("rmsprop", Map.of("momentum", 0.9, "centered", true)), params()).describe());
        assertEquals("adagrad(lr=0.1, lr_decay=0.01, weight_decay=0, initial_accumulator_value=0.1, eps=1e-10)",
                OptimizerFactory.of(named("adagrad", Map.of("lr", 0.1, "lr_decay", 0.01, "initial_accumulator_value", 0.1)), params()).describe());
    }

    @Test
    void integerValuesAreAccepted() {
        // a YAML "lr: 1" arrives as a Long
        assertEquals("sgd(lr=1, momentum=0.5, dampening=0, nesterov=false, weight_decay=0)", OptimizerFactory.of(named("sgd", Map.of("lr", 1L, "momentum", 0.5)), params()).describe());
    }

    @Test
    void mistakesAreReportedLikeTorch() {
        assertEquals("sgd: parameter group didn't specify a value of required optimization parameter lr",
                assertThrows(IllegalArgumentException.class, () -> OptimizerFactory.of(raw("sgd", Map.of()), params())).getMessage());
        assertEquals("Nesterov momentum requires a momentum and zero dampening",
                assertThrows(IllegalArgumentException.class, () -> OptimizerFactory.of(named("sgd", Map.of("lr", 0.1, "nesterov", true)), params())).getMessage());
        assertEquals("unknown optimizer 'lbfgs'",
                assertThrows(IllegalArgumentException.class, () -> OptimizerFactory.of(raw("lbfgs", Map.of()), params())).getMessage());
        Map<String, Object> threeBetas = new java.util.HashMap<>(named("adam", Map.of()).params().values());
        threeBetas.put("betas", List.of(0.9, 0.99, 0.5));
        assertEquals("betas must hold 2 numbers, got 3",
                assertThrows(IllegalArgumentException.class, () -> OptimizerFactory.of(raw("adam", threeBetas), params())).getMessage());
    }
}
