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
        return FailureMessage.of("scenarios/" + o.result().scenario().id() + ".yaml", o);
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
        assertCategory(FailureCategory.DIVERGED, message(Outcomes.judge(div)));

        assertCategory(FailureCategory.COLLAPSE, message(withFinding(below, "accuracy_collapse")));
        assertCategory(FailureCategory.STALLED, message(withFinding(below, "plateau")));
        assertCategory(FailureCategory.DIVERGED, message(withFinding(withFinding(below, "plateau"), "non_finite")));

        List<Verdict> drift = new ArrayList<>(Outcomes.judged("seeds/moons", "base", 1, 0.5).verdicts());
        drift.add(new Verdict("test.accuracy matches its snapshot (tolerance 0.01)", Outcomes.at("seeds/moons", 30), false, 0.95, 0.98,
                Double.NaN, "test.accuracy 0.98 -> 0.95, tolerance 0.01"));
        VariantOutcome drifted = new VariantOutcome(below.result(), drift, List.of());
        assertCategory(FailureCategory.REGRESSION_DRIFT, message(drifted));

        VariantResult slow = new VariantResult(Outcomes.scenario("seeds/slow", "base", 1, List.of()), List.of(), Map.of(), null, "", 3,
                "seeds/slow.yaml:7:3: budget exceeded: 3.20 s > 1.0 s (2 runs of 5 epochs)");
        assertCategory(FailureCategory.BUDGET_EXCEEDED, message(Outcomes.judge(slow)));

        assertCategory(FailureCategory.INVALID_SCENARIO, "invalid scenario:\nscenarios/x.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)");
    }

    @Test
    void brokenResultsAreNotCalledBelowBound() {
        assertEquals(List.of(), allureWouldAssign("java.lang.IllegalStateException: matmul shapes", "broken"));
        assertEquals(List.of(FailureCategory.DIVERGED), allureWouldAssign("non_finite in layer 2", "broken"));
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
        assertEquals(List.of("Invalid scenario", "Budget exceeded", "Diverged / non-finite", "Collapse to chance", "Stalled / plateau",
                "Regression drift", "Below bound"), json.stream().map(m -> m.get("name")).toList());
    }
}
