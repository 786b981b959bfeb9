package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SCENARIOS.md section 6: non_finite names the first epoch, step and place. The place is found
 * with the weights of the step whose loss was not finite: located after the optimizer's step, a
 * NaN gradient had already turned the first layer's weights to NaN, and the report blamed
 * "output of layer 0" for an infinite loss (-log 0).
 */
class NonFiniteLocationTest {
    @Test
    void anInfiniteLossWithFiniteOutputsIsTheLossNotTheFirstLayer() {
        VariantResult v = ScenarioRunner.runVariant(ScenarioLoader.load(Path.of("src/test/resources/run/loss-goes-infinite.yaml")).base());
        NonFinite first = v.runs().get(0).training().firstNonFinite();
        assertNotNull(first, "the run goes non-finite");
        assertEquals("epoch 2, step 5: loss (cross_entropy(input=probabilities)) = Infinity", first.toString());
    }
}
