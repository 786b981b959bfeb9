package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultDocTest {
    @SuppressWarnings("unchecked")
    private static ResultDoc parse(String json) {
        return ResultDoc.of((Map<String, Object>) JsonReader.parse(json));
    }

    @Test
    void nullValuesReadAsNaNAndAFailedComparisonIsAFailingRowWithItsLine() {
        ResultDoc d = parse("""
                {"id": "s", "file": "scenarios/s.yaml", "status": "failed",
                 "variants": [{"name": "base", "status": "passed", "runs": [{"seed": 0, "final": {"train.loss": null},
                   "history": {"train.loss": [0.5, null]}}], "expectations": [], "diagnosis": []}],
                 "comparisons": [{"text": "mean base.test.accuracy > mean wide.test.accuracy (p < 0.05)", "line": 33, "passed": false,
                   "observed": 0.01, "p": 0.2, "detail": "p = 0.2"}]}
                """);
        assertArrayEquals(new double[] {0.5, Double.NaN}, d.variant("base").series("train.loss").get(0));
        assertTrue(Double.isNaN(d.variant("base").finals("train.loss")[0]));
        assertEquals("train.loss", d.variant("base").keyMetric());
        ResultDoc.Variant cmp = d.variant(ResultDoc.COMPARISONS);
        assertTrue(cmp.failed());
        assertEquals(List.of("::error file=scenarios/s.yaml,line=33,title=trainspec s [(comparisons)]::"
                + "mean base.test.accuracy > mean wide.test.accuracy (p < 0.05) (p = 0.2)"), Annotations.of(List.of(d), UnitTests.NONE));
    }
}
