package dev.trainspec.report.allure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a test failed, for Allure's Categories tab. Allure puts a result in every category whose
 * regex matches its whole failure message (DOTALL), so each category here excludes the ones
 * before it: a failure lands in exactly one, the most telling. The scenario categories read the
 * words the engine, the checker and the runner write (an invalid file's "invalid scenario", a
 * variant's "N of M expectations failed for", "comparison(s) failed", "budget exceeded", the
 * pitfall verdict "no error-level finding"); whatever a scenario test never writes is a unit
 * test's failure, in a category of its own (a local report holds both).
 */
public enum FailureCategory {
    INVALID_SCENARIO("Invalid scenario", "invalid scenario|" + java.util.regex.Pattern.quote(dev.trainspec.check.Checker.REFUSED), true),
    BUDGET_EXCEEDED("Budget exceeded", "budget exceeded", true),
    NON_FINITE("Non-finite", "non_finite|non-finite|NaN or infinity|stay finite", true),
    PITFALL_FOUND("Pitfall found", "no error-level finding", true),
    REGRESSION_DRIFT("Regression drift", "matches its snapshot|regression snapshot", true),
    BELOW_BOUND("Below bound", Words.SCENARIO_FAILURE, false),
    UNIT_TEST("Unit-test failures", "", false);

    /** Words the constants need before the enum's own static fields exist. */
    private static final class Words {
        /** The opening words of a failed variant's or comparisons test's message (junit.FailureMessage, FileRun). */
        static final String SCENARIO_FAILURE = "expectations failed for|comparison\\(s\\) failed";
        /** What every scenario test's failure says (an invalid file's test too): without it, a unit test failed. */
        static final String SCENARIO = SCENARIO_FAILURE + "|invalid scenario";
    }

    /** Allure's name, shown as the category title. */
    public final String title;
    final String pattern;
    /** Broken results (exceptions other than assertion failures) count too. */
    final boolean alsoBroken;

    FailureCategory(String title, String pattern, boolean alsoBroken) {
        this.title = title;
        this.pattern = pattern;
        this.alsoBroken = alsoBroken;
    }

    /**
     * The message regex Allure applies: a scenario test's words (unit tests: none), none of the
     * earlier categories' words, then this one's.
     */
    public String messageRegex() {
        List<String> earlier = new ArrayList<>();
        for (FailureCategory c : values()) {
            if (c == this) break;
            earlier.add(c.pattern);
        }
        String kind = this == UNIT_TEST ? "(?!.*(?:" + Words.SCENARIO + "))" : "(?=.*(?:" + Words.SCENARIO + "))";
        String exclude = earlier.isEmpty() || this == UNIT_TEST ? "" : "(?!.*(?:" + String.join("|", earlier) + "))";
        String include = pattern.isEmpty() ? ".*" : ".*(?:" + pattern + ").*";
        return kind + exclude + include;
    }

    public List<String> statuses() {
        return alsoBroken ? List.of("failed", "broken") : List.of("failed");
    }

    /** The category Allure will show for this message and status ("failed" or "broken"), applying the same regexes. */
    public static Optional<FailureCategory> classify(String message, String status) {
        if (message == null) return Optional.empty();
        for (FailureCategory c : values()) {
            if (c.statuses().contains(status) && Pattern.compile(c.messageRegex(), Pattern.DOTALL).matcher(message).matches()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
