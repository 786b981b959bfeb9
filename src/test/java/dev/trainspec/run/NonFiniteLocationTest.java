package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.Checker;
import dev.trainspec.check.Finding;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.Status;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SCENARIOS.md section 6: non_finite names the first epoch, step and place. The place is found
 * with the weights of the step whose loss was not finite: located after the optimizer's step, a
 * NaN gradient had already turned the first layer's weights to NaN, and the report blamed
 * "output of layer 0" for an infinite loss (-log 0).
 */
class NonFiniteLocationTest {
    /**
     * Section 4: a NaN/Inf fails the scenario unless an expectation says diagnosis includes
     * non_finite. The diverged run also shows exploding_gradients (its NaN gradient norm),
     * learning_rate_too_high, accuracy_collapse and majority_class_only (NaN weights guess one
     * class): accepting the divergence accepts them, as they were found in diverged runs only;
     * they stay in the diagnosis. Before, the user had to name all five codes.
     */
    @Test
    void acceptingTheDivergenceAcceptsWhatOnlyTheDivergedRunsShowed() {
        ScenarioFile file = ScenarioLoader.load(Path.of("src/test/resources/run/loss-goes-infinite.yaml"));
        VariantOutcome o = Checker.judge(file, ScenarioRunner.run(file), Snapshots.in(Workspace.of(file.file()), UpdatePolicy.NONE)).variants().get(0);
        assertEquals(Status.PASSED, o.status(), o.verdicts().toString());
        List<String> codes = o.diagnosis().stream().map(Finding::code).toList();
        assertTrue(codes.containsAll(List.of("non_finite", "exploding_gradients", "learning_rate_too_high", "majority_class_only")), codes.toString());
        assertTrue(o.diagnosis().stream().filter(f -> f.code().equals("exploding_gradients")).allMatch(Finding::onlyDivergedRuns));
    }

    @Test
    void anInfiniteLossWithFiniteOutputsIsTheLossNotTheFirstLayer() {
        VariantResult v = ScenarioRunner.runVariant(ScenarioLoader.load(Path.of("src/test/resources/run/loss-goes-infinite.yaml")).base());
        NonFinite first = v.runs().get(0).training().firstNonFinite();
        assertNotNull(first, "the run goes non-finite");
        assertEquals("epoch 2, step 5: loss (cross_entropy(input=probabilities)) = Infinity", first.toString());
    }
}
