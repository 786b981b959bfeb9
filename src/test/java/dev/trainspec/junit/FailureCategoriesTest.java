package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.check.Finding;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.JsonReader;
import dev.trainspec.report.Outcomes;
import dev.trainspec.report.allure.AllureMetadata;
import dev.trainspec.report.allure.FailureCategory;
import dev.trainspec.run.VariantResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The failure messages this adapter writes land in exactly one Allure category each, and the
 * categories.json that Allure reads holds the same regexes.
 */
class FailureCategoriesTest {
    private static String message(VariantOutcome o) {
        return FailureMessage.of(o.result().scenario().file(), "scenarios/" + o.result().scenario().id() + ".yaml", Path::toString, o);
    }

    private static VariantOutcome withFinding(VariantOutcome o, String code) {
        List<Finding> findings = new ArrayList<>(o.diagnosis());
        findings.add(new Finding(code, Finding.Severity.ERROR, "evidence of " + code, "advice"));
        return new VariantOutcome(o.result(), o.verdicts(), findings);
    }

    /** Every category Allure would assign, applying each regex on its own as Allure does (all that match). */
    private static List<FailureCategory> allureWouldAssign(String message, String status) {
        List<FailureCategory> out = new ArrayList<>();
        for (FailureCategory c : FailureCategory.values()) {
            if (c.statuses().contains(status) && Pattern.compile(c.messageRegex(), Pattern.DOTALL).matcher(message).matches()) out.add(c);
        }
        return out;
    }

    private static void assertCategory(FailureCategory expected, String message) {
        assertEquals(List.of(expected), allureWouldAssign(message, "failed"), message);
        assertEquals(Optional.of(expected), FailureCategory.classify(message, "failed"));
    }

    @Test
    void eachKindOfFailureLandsInExactlyOneCategory() {
        VariantOutcome below = Outcomes.judged("seeds/moons", "base", 2, 0.99);
        assertCategory(FailureCategory.BELOW_BOUND, message(below));

        VariantResult div = Outcomes.result(Outcomes.scenario("seeds/div", "base", 1, List.of(Outcomes.meanAccuracyAtLeast("seeds/div", 0.9))),
                List.of(Outcomes.diverged(0)));
        assertCategory(FailureCategory.NON_FINITE, message(Outcomes.judge(div)));

        // an error-level finding fails its variant with the pitfall verdict (check.Checker)
        List<Verdict> pitfall = new ArrayList<>(below.verdicts());
        pitfall.add(new Verdict("no error-level finding (found majority_class_only)", Outcomes.at("seeds/moons", 1), false, Double.NaN,
                Double.NaN, Double.NaN, "the model predicts one class"));
        assertCategory(FailureCategory.PITFALL_FOUND, message(new VariantOutcome(below.result(), pitfall, List.of())));
        // findings of warning level that did not fail it: the bound did
        assertCategory(FailureCategory.BELOW_BOUND, message(withFinding(below, "plateau")));
        assertCategory(FailureCategory.NON_FINITE, message(withFinding(withFinding(below, "plateau"), "non_finite")));

        List<Verdict> drift = new ArrayList<>(Outcomes.judged("seeds/moons", "base", 1, 0.5).verdicts());
        drift.add(new Verdict("test.accuracy matches its snapshot (tolerance 0.01)", Outcomes.at("seeds/moons", 30), false, 0.95, 0.98,
                Double.NaN, "test.accuracy 0.98 -> 0.95, tolerance 0.01"));
        VariantOutcome drifted = new VariantOutcome(below.result(), drift, List.of());
        assertCategory(FailureCategory.REGRESSION_DRIFT, message(drifted));

        VariantResult slow = new VariantResult(Outcomes.scenario("seeds/slow", "base", 1, List.of()), List.of(), Map.of(), null, "", 3,
                "seeds/slow.yaml:7:3: budget exceeded: 3.20 s > 1.0 s (2 runs of 5 epochs)");
        assertCategory(FailureCategory.BUDGET_EXCEEDED, message(Outcomes.judge(slow)));

        assertCategory(FailureCategory.INVALID_SCENARIO, "invalid scenario:\nscenarios/x.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)");
        // refused before training (loss vs widths): the scenario's mistake, not a bound missed (it was "Below bound")
        assertCategory(FailureCategory.INVALID_SCENARIO, "1 of 1 expectations failed for refused [base]:\n  scenarios/refused.yaml:1: "
                + "the variant passes the checks before training (scenarios/refused.yaml:10:5: model: expected 1 output(s))");
    }

    @Test
    void unitTestFailuresHaveTheirOwnCategoryWhateverTheyMention() {
        assertCategory(FailureCategory.UNIT_TEST, "expected: <2> but was: <3>");
        assertCategory(FailureCategory.UNIT_TEST, "NaN or infinity in the kernel output ==> expected: <true> but was: <false>");
        assertCategory(FailureCategory.UNIT_TEST, "budget exceeded ==> expected: <1> but was: <2>");
    }

    @Test
    void brokenResultsAreNotCalledBelowBound() {
        assertEquals(List.of(), allureWouldAssign("java.lang.IllegalStateException: matmul shapes", "broken"));
        assertEquals(List.of(FailureCategory.NON_FINITE), allureWouldAssign("1 of 1 expectations failed for x [base]: non_finite in layer 2", "broken"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoriesJsonHoldsTheSameRegexesInOrder() {
        List<Map<String, Object>> json = (List<Map<String, Object>>) JsonReader.parse(AllureMetadata.categoriesJson());
        assertEquals(FailureCategory.values().length, json.size());
        for (int i = 0; i < json.size(); i++) {
            FailureCategory c = FailureCategory.values()[i];
            assertEquals(c.title, json.get(i).get("name"));
            assertEquals(c.messageRegex(), json.get(i).get("messageRegex"));
            assertEquals(c.statuses(), json.get(i).get("matchedStatuses"));
        }
        assertEquals(List.of("Invalid scenario", "Budget exceeded", "Non-finite", "Pitfall found", "Regression drift", "Below bound",
                "Unit-test failures"), json.stream().map(m -> m.get("name")).toList());
    }
}
