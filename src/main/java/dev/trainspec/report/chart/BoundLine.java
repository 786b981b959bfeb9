package dev.trainspec.report.chart;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * An expectation that bounds one metric of this variant by a constant, drawn as a horizontal line
 * on the metric's chart: "mean test.accuracy >= 0.97" is a line at 0.97 on the test.accuracy
 * curve. {@code withinEpochs} (null when absent) adds a vertical line at that epoch.
 */
public record BoundLine(String metric, double value, String label, Integer withinEpochs) {

    /** The bounds among the variant's expectations; comparisons with other variants, baselines or epochs are left out. */
    public static List<BoundLine> of(Scenario s) {
        List<BoundLine> out = new ArrayList<>();
        for (Expectation e : s.expect()) {
            if (!(e instanceof Expectation.Comparison c)) continue;
            BoundLine line = c.left() instanceof Expectation.Metric m && c.right() instanceof Expectation.Constant k ? line(s, c, m, k)
                    : c.right() instanceof Expectation.Metric m2 && c.left() instanceof Expectation.Constant k2 ? line(s, c, m2, k2)
                    : null;
            if (line != null) out.add(line);
        }
        return out;
    }

    private static BoundLine line(Scenario s, Expectation.Comparison c, Expectation.Metric m, Expectation.Constant k) {
        boolean own = m.qualifier() == null || m.qualifier().equals(s.variant());
        if (!own || m.atEpoch() != null || m.best()) return null;
        double value = switch (m.arithmetic()) {
            case '+' -> k.value() - m.operand();
            case '-' -> k.value() + m.operand();
            case '*' -> m.operand() == 0 ? Double.NaN : k.value() / m.operand();
            default -> k.value();
        };
        if (!Double.isFinite(value)) return null;
        return new BoundLine(m.metric(), value, c.text(), c.withinEpochs());
    }
}
