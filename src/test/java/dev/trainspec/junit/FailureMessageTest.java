package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.Outcomes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessageTest {
    @Test
    void anInheritedExpectationIsShownAtItsLineInTheFileItIsIn() {
        // extends_line.yaml of the sweep: the parent's line 14 was shown as the child's
        VariantOutcome judged = Outcomes.judged("repro/child", "base", 1, 0.99);
        Verdict own = judged.verdicts().get(0);
        Verdict inherited = new Verdict("test.accuracy >= 0.9", Outcomes.at("common/base", 14), false, 0.55, 0.9, Double.NaN, "observed 0.55");
        VariantOutcome o = new VariantOutcome(judged.result(), List.of(inherited, own), List.of());
        Path file = Outcomes.file("repro/child");
        String message = FailureMessage.of(file, "scenarios/repro/child.yaml", f -> Outcomes.ROOT.relativize(f).toString(), o);
        assertEquals("2 of 2 expectations failed for repro/child [base]:\n"
                + "  scenarios/common/base.yaml:14: test.accuracy >= 0.9 (observed 0.55)\n"
                + "  scenarios/repro/child.yaml:20: " + own.sentence(), message);
        assertEquals("1 comparison(s) failed:\n  scenarios/common/base.yaml:14: test.accuracy >= 0.9 (observed 0.55)",
                FailureMessage.comparisons(file, "scenarios/repro/child.yaml", f -> Outcomes.ROOT.relativize(f).toString(), List.of(inherited)));
    }
}
