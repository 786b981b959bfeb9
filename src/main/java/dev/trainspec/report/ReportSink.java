package dev.trainspec.report;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.VariantOutcome;

/** Where judged results are presented while their tests run (Allure today; others may follow). */
public interface ReportSink {
    /** A judged variant, inside the variant's own test. */
    void variant(VariantOutcome outcome);

    /** The file's cross-variant comparisons, inside the comparisons test. */
    default void comparisons(FileOutcome outcome) {}

    /**
     * A file that does not load, inside its failing test: {@code id} is the file's default id
     * (path under scenarios/ without .yaml), {@code shownPath} its path from the repository root.
     */
    default void invalid(String id, String shownPath, String message) {}

    /** Does nothing: for runs without a report. */
    ReportSink NONE = outcome -> { };
}
