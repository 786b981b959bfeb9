package dev.trainspec.scenario.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Expectation.Comparison;
import dev.trainspec.scenario.Expectation.Constant;
import dev.trainspec.scenario.Expectation.Metric;
import dev.trainspec.scenario.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grammar of scenarios/README.md section 4, line by line, and the column of each mistake. */
class ExpectationParserTest {
    private static final Path FILE = Path.of("x.yaml");
    private static final ExpectationParser.Context CONTEXT = new ExpectationParser.Context(List.of("adam"), List.of("linear_svm"), 50);

    private static Expectation parse(String line) {
        Problems problems = new Problems();
        Node.Scalar s = new Node.Scalar(line, Node.Kind.STR, Node.Style.PLAIN, new Origin(FILE, 7, 5));
        Expectation e = ExpectationParser.parse(s, "expect[0]", CONTEXT, problems, new Locator(Map.of(FILE, "\n".repeat(6) + "  - " + line + "\n")));
        if (e == null) throw new AssertionError(problems.list().get(0).message());
        return e;
    }

    /** Line 7 of x.yaml, where every test line is written (from column 5). */
    private static Origin at(int column) {
        return new Origin(FILE, 7, column);
    }

    private static String error(String line) {
        try {
            parse(line);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + line);
    }

    @Test
    void terms() {
        Comparison c = (Comparison) parse("mean adam.test.accuracy at epoch 5 + 0.01 > -0.5 within 3 epochs");
        assertEquals(new Metric("mean", "adam", "test.accuracy", 5, false, '+', 0.01, at(15)), c.left());
        assertEquals(new Constant(-0.5), c.right());
        assertEquals(3, c.withinEpochs());
        Comparison t = (Comparison) parse("mean adam.test.accuracy > mean base.test.accuracy within 3 epochs (p < 0.05, mann_whitney)");
        assertEquals(0.05, t.alpha());
        assertEquals("mann_whitney", t.test());
        Comparison b = (Comparison) parse("test.loss best < linear_svm.train.mae");
        assertEquals(new Metric(null, null, "test.loss", null, true, (char) 0, 0, at(5)), b.left());
        assertEquals(new Metric(null, "linear_svm", "train.mae", null, false, (char) 0, 0, at(33)), b.right());
        assertNull(b.alpha());
        assertEquals(new Metric(null, "base", "lr", null, false, (char) 0, 0, at(10)), ((Comparison) parse("base.lr <= 1e-2")).left());
        assertEquals(new Constant(1e-2), ((Comparison) parse("base.lr <= 1e-2")).right());
    }

    @Test
    void aTestNamedBeforeTheLevelShowsWhereItGoes() {
        // mw_syntax.yaml of the sweep: the test is named after the level, as the language reference says
        assertEquals("x.yaml:7:27: expect[0]: expected 'p' as in (p < 0.05), found 'mann_whitney' "
                + "(the test goes after the level: (p < 0.05, mann_whitney))", error("mean test.loss < 0.5 (mann_whitney p < 0.05)"));
        assertEquals("x.yaml:7:27: expect[0]: expected 'p' as in (p < 0.05), found 'welch' "
                + "(the test goes after the level: (p < 0.05, welch))", error("mean test.loss < 0.5 (welch p < 0.05)"));
        assertEquals("x.yaml:7:27: expect[0]: expected 'p' as in (p < 0.05), found 'q'", error("mean test.loss < 0.5 (q < 0.05)"));
    }

    @Test
    void mistakesPointAtTheirColumn() {
        assertEquals("x.yaml:7:16: expect[0]: expected a metric of train (loss, accuracy, running_loss, running_accuracy, r2, mae, max_class_share), "
                + "found 'acc' (did you mean 'accuracy'?)", error("mean train.acc > 0.5"));
        assertEquals("x.yaml:7:19: expect[0]: expected a comparison (<, <=, >, >=), found 'is'", error("test.accuracy is 0.5"));
        assertEquals("x.yaml:7:28: expect[0]: expected an epoch in [1, 50] (train.epochs), found '51'", error("test.accuracy at epoch 51 > 0.5"));
        assertEquals("x.yaml:7:5: expect[0]: expected a baseline listed under baselines: (linear_svm), found 'majority_class' "
                + "(add majority_class to baselines:)", error("majority_class.test.accuracy < 0.9"));
        assertEquals("x.yaml:7:11: expect[0]: expected a metric on at least one side, found two numbers", error("0.5 < 0.6"));
        assertEquals("x.yaml:7:30: expect[0]: expected ')', found the end of the line", error("test.loss < 0.5 (p < 0.05"));
        // a side with one value, not one per run: the test could never be judged (p = NaN)
        assertEquals("x.yaml:7:26: expect[0]: expected a metric with a value per run on both sides of a significance test (p < ALPHA), "
                + "found a number (a test compares the runs of two metrics; to bound a metric by a number drop (p < ...): "
                + "without an aggregate the bound must then hold in every run)", error("mean test.accuracy > 0.5 (p < 0.05)"));
        assertEquals("x.yaml:7:5: expect[0]: expected a metric with a value per run on both sides of a significance test (p < ALPHA), "
                + "found a number (a test compares the runs of two metrics; to bound a metric by a number drop (p < ...): "
                + "without an aggregate the bound must then hold in every run)", error("-0.5 < test.accuracy (p < 0.05)"));
        assertEquals("x.yaml:7:26: expect[0]: expected a metric with a value per run on both sides of a significance test (p < ALPHA), "
                + "found baseline linear_svm, fitted once (compare with the baseline without (p < ...))",
                error("mean test.accuracy > linear_svm.test.accuracy (p < 0.05)"));
        assertEquals("x.yaml:7:9: expect[0]: expected a metric with a value per run after 'std', found baseline linear_svm, fitted once",
                error("std linear_svm.test.accuracy < 0.1"));
        assertEquals("x.yaml:7:15: expect[0]: expected 'includes' or 'excludes' after 'diagnosis', found 'include' "
                + "(did you mean 'includes'?)", error("diagnosis include plateau"));
    }
}
