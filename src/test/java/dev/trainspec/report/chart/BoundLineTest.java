package dev.trainspec.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.report.Outcomes;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Expectation.Constant;
import dev.trainspec.scenario.Expectation.Metric;
import dev.trainspec.scenario.Expectation.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundLineTest {
    private static Expectation cmp(String text, Expectation.Term l, Op op, Expectation.Term r, Integer within) {
        return new Expectation.Comparison(text, l, op, r, within, null, null, Outcomes.at("b", 9));
    }

    private static Metric metric(String agg, String qualifier, String name) {
        return new Metric(agg, qualifier, name, null, false, (char) 0, 0);
    }

    @Test
    void constantBoundsOfTheVariantsOwnMetricsBecomeLinesAtTheMetricsValue() {
        List<Expectation> expect = List.of(
                cmp("mean test.accuracy >= 0.97", metric("mean", null, "test.accuracy"), Op.GE, new Constant(0.97), null),
                cmp("0.5 > train.loss", new Constant(0.5), Op.GT, metric(null, null, "train.loss"), null),
                cmp("test.accuracy - 0.1 >= 0.8 within 10 epochs", new Metric(null, null, "test.accuracy", null, false, '-', 0.1), Op.GE,
                        new Constant(0.8), 10),
                cmp("train.loss * 2 < 0.5", new Metric(null, null, "train.loss", null, false, '*', 2), Op.LT, new Constant(0.5), null),
                cmp("base.test.accuracy >= 0.9", metric(null, "base", "test.accuracy"), Op.GE, new Constant(0.9), null),
                // not drawn: another variant, a baseline, a fixed epoch, the best epoch, two metrics
                cmp("wide.test.accuracy >= 0.9", metric(null, "wide", "test.accuracy"), Op.GE, new Constant(0.9), null),
                cmp("test.accuracy at epoch 3 >= 0.6", new Metric(null, null, "test.accuracy", 3, false, (char) 0, 0), Op.GE, new Constant(0.6), null),
                cmp("test.accuracy best >= 0.6", new Metric(null, null, "test.accuracy", null, true, (char) 0, 0), Op.GE, new Constant(0.6), null),
                cmp("test.accuracy > logistic_regression.test.accuracy", metric(null, null, "test.accuracy"), Op.GT,
                        metric(null, "logistic_regression", "test.accuracy"), null),
                new Expectation.Diagnosis("diagnosis excludes plateau", false, "plateau", Outcomes.at("b", 12)));
        List<BoundLine> lines = BoundLine.of(Outcomes.scenario("b", "base", 1, expect));
        assertEquals(List.of(
                new BoundLine("test.accuracy", 0.97, "mean test.accuracy >= 0.97", null),
                new BoundLine("train.loss", 0.5, "0.5 > train.loss", null),
                new BoundLine("test.accuracy", 0.9, "test.accuracy - 0.1 >= 0.8 within 10 epochs", 10),
                new BoundLine("train.loss", 0.25, "train.loss * 2 < 0.5", null),
                new BoundLine("test.accuracy", 0.9, "base.test.accuracy >= 0.9", null)), fix(lines));
    }

    /** 0.8 + 0.1 is 0.9000000000000001 in double: compare the rounded value. */
    private static List<BoundLine> fix(List<BoundLine> lines) {
        return lines.stream().map(b -> new BoundLine(b.metric(), Math.round(b.value() * 1e12) / 1e12, b.label(), b.withinEpochs())).toList();
    }
}
