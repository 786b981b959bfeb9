package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sweep F: a metric that is NaN (null in JSON) is told apart from one not recorded, and NaN on both sides is no change. */
class MetricChangeTest {
    private static final double[] NONE = {};

    @Test
    void nanOnBothSidesIsUnchanged() {
        MetricChange m = MetricChange.of("test.accuracy", new double[] {Double.NaN}, new double[] {Double.NaN});
        assertTrue(m.unchanged());
        assertEquals("NaN, unchanged", m.text());
    }

    @Test
    void nanOnOneSideIsAChangeThatSaysNaN() {
        MetricChange toNaN = MetricChange.of("test.accuracy", new double[] {0.9}, new double[] {Double.NaN});
        assertFalse(toNaN.unchanged());
        assertEquals("0.9 \u2192 NaN", toNaN.text());
        assertEquals("NaN \u2192 0.9", MetricChange.of("test.accuracy", new double[] {Double.NaN}, new double[] {0.9}).text());
        assertEquals("NaN \u2192 none", MetricChange.of("test.accuracy", new double[] {Double.NaN}, NONE).text());
    }

    @Test
    void notRecordedIsNotNaN() {
        assertEquals("new: 0.9", MetricChange.of("test.accuracy", NONE, new double[] {0.9}).text());
        assertEquals("0.9 \u2192 none", MetricChange.of("test.accuracy", new double[] {0.9}, NONE).text());
        assertEquals("not recorded", MetricChange.of("test.accuracy", NONE, NONE).text());
    }

    @Test
    void aVariantNaNOnBothSidesIsUnchanged() {
        ResultDoc.Run run = new ResultDoc.Run(0, java.util.Map.of("test.accuracy", Double.NaN), java.util.Map.of());
        ResultDoc.Variant v = new ResultDoc.Variant("base", "passed", null, java.util.List.of(run), java.util.List.of(), java.util.List.of());
        VariantChange c = VariantChange.of("w1", "scenarios/w1.yaml", v, v, java.util.List.of());
        assertEquals(VariantChange.Kind.UNCHANGED, c.kind());
        String md = TriageComment.markdown(Comparison.of(java.util.List.of(new ResultDoc("w1", "scenarios/w1.yaml", "passed", java.util.List.of(v))),
                java.util.List.of(new ResultDoc("w1", "scenarios/w1.yaml", "passed", java.util.List.of(v))), null, null), UnitTests.NONE, Links.NONE);
        assertTrue(md.contains("| `w1` | base | test.accuracy NaN |"), md);
    }
}
