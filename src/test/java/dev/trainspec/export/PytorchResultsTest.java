package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A script's stdout read back as the engine's result types; anything else is named, never guessed. */
class PytorchResultsTest {
    private static final List<String> METRICS = List.of("train.loss", "test.accuracy");

    @Test
    void runsBecomeHistoriesWithNullAsNaN() {
        String json = """
                {"runs": [{"seed": 7, "final": {"train.loss": 0.5}, "history": {"train.loss": [0.9, null, 0.5],
                 "test.accuracy": [0.5, 0.6, 0.75], "extra": [1, 2, 3]}, "steps": 30, "stop_reason": "completed 3 epochs",
                 "non_finite": {"epoch": 2, "step": 4, "where": "loss", "value": null}, "seconds": 1.5}], "torch": "1.13.1"}
                """;
        RunResult run = PytorchResults.parse(json, List.of(7L), METRICS).get(0);
        assertEquals(7, run.seed());
        assertEquals(3, run.training().history().epochs());
        assertTrue(Double.isNaN(run.training().history().at("train.loss", 2)));
        assertEquals(0.75, run.training().history().last("test.accuracy"));
        assertEquals(30, run.training().steps());
        assertEquals("epoch 2, step 4: loss = NaN", run.training().firstNonFinite().toString());
        assertEquals(1.5, run.seconds());
    }

    @Test
    void aHandWrittenTwinMayLeaveOutTrainspecsAdditions() {
        String json = "{\"runs\": [{\"seed\": 0, \"final\": {}, \"history\": {\"train.loss\": [1], \"test.accuracy\": [0.5]}}]}";
        RunResult run = PytorchResults.parse(json, List.of(0L), METRICS).get(0);
        assertNull(run.training().firstNonFinite());
        assertEquals(0, run.training().steps());
    }

    @Test
    void whatIsMissingIsNamed() {
        String noMetric = "{\"runs\": [{\"seed\": 0, \"history\": {\"train.loss\": [1]}}]}";
        assertEquals("runs[0].history has no test.accuracy",
                assertThrows(IllegalArgumentException.class, () -> PytorchResults.parse(noMetric, List.of(0L), METRICS)).getMessage());
        String otherSeed = "{\"runs\": [{\"seed\": 3, \"history\": {}}]}";
        assertEquals("runs[0].seed 3, expected 0",
                assertThrows(IllegalArgumentException.class, () -> PytorchResults.parse(otherSeed, List.of(0L), METRICS)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PytorchResults.parse("Traceback ...", List.of(0L), METRICS))
                .getMessage().startsWith("the script's stdout is not one JSON object"));
    }
}
