package dev.trainspec.report;

import dev.trainspec.check.VariantOutcome;

/** Where a judged variant is presented while its test runs (Allure today; others may follow). */
public interface ReportSink {
    void variant(VariantOutcome outcome);

    /** Does nothing: for runs without a report. */
    ReportSink NONE = outcome -> { };
}
