package dev.trainspec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.run.RunResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: a JSON result stays small whatever the scenario asked for, and says which epochs it kept. */
class HistoryThinningTest {
    @Test
    void shortHistoriesAreKeptWhole() {
        assertNull(HistoryThinning.kept(1_000, 1_000));
        double[] series = {1, 2, 3};
        assertTrue(series == HistoryThinning.pick(series, null));
    }

    @Test
    void longHistoriesKeepEvenlySpacedEpochsWithTheFirstAndTheLast() {
        assertArrayEquals(new int[] {0, 2, 5, 7, 9}, HistoryThinning.kept(10, 5));
        assertArrayEquals(new double[] {10, 12, 15, 17, 19}, HistoryThinning.pick(new double[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                HistoryThinning.kept(10, 5)));
    }

    @Test
    void theFileBudgetIsSharedByEverySeries() {
        assertEquals(1_000, HistoryThinning.pointsPerSeries(4));
        assertEquals(100, HistoryThinning.pointsPerSeries(10_000));
        assertEquals(2, HistoryThinning.pointsPerSeries(10_000_000), "never fewer than the first and the last epoch");
    }

    @Test
    void aResultOfManyLongRunsIsCappedAndListsItsEpochs() {
        Scenario s = Outcomes.scenario("big", "base", 50, List.of());
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < 50; i++) runs.add(Outcomes.run(i, 20_000));
        VariantOutcome v = Outcomes.judge(Outcomes.result(s, runs));
        FileOutcome file = new FileOutcome(new ScenarioFile("big", Outcomes.file("big"), List.of(s), List.of()), List.of(v), List.of());
        String json = JsonResult.render(file, Outcomes.ROOT);
        // 50 runs x 4 metrics x 20,000 epochs = 4,000,000 points uncapped (about 80 MB)
        assertTrue(json.length() < 25_000_000, "result of " + json.length() + " characters");
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) ((List<?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonReader.parse(json)).get("variants"))
                .get(0)).get("runs")).get(0);
        List<?> epochs = (List<?>) run.get("history_epochs");
        assertEquals(1_000, epochs.size());
        assertEquals(1.0, ((Number) epochs.get(0)).doubleValue());
        assertEquals(20_000.0, ((Number) epochs.get(epochs.size() - 1)).doubleValue());
        assertEquals(1_000, ((List<?>) ((Map<?, ?>) run.get("history")).get("train.loss")).size());
        assertFalse(((Map<?, ?>) run.get("final")).isEmpty(), "finals are exact, never thinned");
    }
}
