package dev.trainspec.report.allure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a scenario test failed, for Allure's Categories tab. Allure puts a result in every category
 * whose regex matches its whole failure message (DOTALL), so each category here excludes the
 * ones before it: a failure lands in exactly one, the most telling. The patterns read the
 * words the checker and the runner write (diagnosis codes, "budget exceeded", "invalid scenario").
 */
public enum FailureCategory {
    INVALID_SCENARIO("Invalid scenario", "invalid scenario", true),
    BUDGET_EXCEEDED("Budget exceeded", "budget exceeded", true),
    DIVERGED("Diverged / non-finite", "non_finite|non-finite|NaN or infinity|stay finite", true),
    COLLAPSE("Collapse to chance", "accuracy_collapse|majority_class_only", true),
    STALLED("Stalled / plateau", "plateau|learning_rate_too_low|vanishing_gradients|dead_relu", true),
    REGRESSION_DRIFT("Regression drift", "matches its snapshot|regression snapshot", true),
    BELOW_BOUND("Below bound", "", false);

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

    /** The message regex Allure applies: none of the earlier categories' words, then this one's. */
    public String messageRegex() {
        List<String> earlier = new ArrayList<>();
        for (FailureCategory c : values()) {
            if (c == this) break;
            earlier.add(c.pattern);
        }
        String exclude = earlier.isEmpty() ? "" : "(?!.*(?:" + String.join("|", earlier) + "))";
        String include = pattern.isEmpty() ? ".*" : ".*(?:" + pattern + ").*";
        return exclude + include;
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
