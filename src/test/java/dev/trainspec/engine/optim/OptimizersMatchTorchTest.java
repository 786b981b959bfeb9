package dev.trainspec.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each optimizer setting of the torch fixture, 50 steps: parameters after every step within
 * 1e-6 of torch 1.13's (relative to max(|value|, 1)); the miss is printed.
 */
class OptimizersMatchTorchTest {
    static final double TOLERANCE = 1e-6;

    @TestFactory
    Stream<DynamicTest> everyStepMatchesTorch() {
        TorchOptimizerFixture fixture = new TorchOptimizerFixture();
        return fixture.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            TorchOptimizerFixture.Miss miss = fixture.replay(c, params -> build(c.optimizer(), c.args(), params));
            System.out.println("optimizer " + c.name() + ": " + miss);
            assertTrue(miss.worst() <= TOLERANCE, c + ": " + miss + " exceeds " + TOLERANCE);
        }));
    }

    /** Direct construction from the fixture's arguments (scenario names, torch defaults when absent). */
    static Optimizer build(String name, Map<String, Object> a, List<Parameter> params) {
        return switch (name) {
            case "sgd" -> new Sgd(params, d(a, "lr", -1), d(a, "momentum", 0), d(a, "dampening", 0), b(a, "nesterov"), d(a, "weight_decay", 0));
            case "adam" -> new Adam(params, d(a, "lr", 1e-3), beta(a, 0, 0.9), beta(a, 1, 0.999), d(a, "eps", 1e-8), d(a, "weight_decay", 0), b(a, "amsgrad"));
            case "adamw" -> new AdamW(params, d(a, "lr", 1e-3), beta(a, 0, 0.9), beta(a, 1, 0.999), d(a, "eps", 1e-8), d(a, "weight_decay", 0.01), b(a, "amsgrad"));
            case "rmsprop" -> new RmsProp(params, d(a, "lr", 0.01), d(a, "alpha", 0.99), d(a, "eps", 1e-8), d(a, "weight_decay", 0), d(a, "momentum", 0), b(a, "centered"));
            case "adagrad" -> new Adagrad(params, d(a, "lr", 0.01), d(a, "lr_decay", 0), d(a, "weight_decay", 0), d(a, "initial_accumulator_value", 0), d(a, "eps", 1e-10));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double d(Map<String, Object> a, String k, double dflt) {
        return a.containsKey(k) ? ((Number) a.get(k)).doubleValue() : dflt;
    }

    private static boolean b(Map<String, Object> a, String k) {
        return a.containsKey(k) && (Boolean) a.get(k);
    }

    private static double beta(Map<String, Object> a, int i, double dflt) {
        return a.containsKey("betas") ? ((Number) TorchOptimizerFixture.list(a.get("betas")).get(i)).doubleValue() : dflt;
    }
}
