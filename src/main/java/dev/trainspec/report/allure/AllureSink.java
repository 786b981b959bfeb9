package dev.trainspec.report.allure;

import dev.trainspec.check.Finding;
import dev.trainspec.check.Numbers;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.HistoryCsv;
import dev.trainspec.report.ReportSink;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Scenario;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Presents a judged variant in the Allure result of the test that is running: labels (epic =
 * folder, feature = data source, story = title, tags), parameters, one step per expectation with
 * its observed value, the diagnosis, and attachments (the scenario YAML, the history as CSV). The
 * history id comes from the scenario id and variant, so Allure's history survives reordering.
 */
public final class AllureSink implements ReportSink {
    @Override
    public void variant(VariantOutcome outcome) {
        VariantResult r = outcome.result();
        Scenario s = r.scenario();
        String historyId = s.id() + "#" + s.variant();
        Allure.getLifecycle().updateTestCase(tc -> {
            tc.setHistoryId(historyId);
            tc.setTestCaseId(historyId);
            tc.setFullName(historyId);
        });
        Path folder = Path.of(s.id()).getParent();
        Allure.epic(folder == null ? "scenarios" : folder.toString().replace('\\', '/'));
        Allure.feature(s.data().source().name());
        Allure.story(s.title() == null || s.title().isBlank() ? s.id() : s.title());
        for (String tag : s.tags()) Allure.label("tag", tag);
        if (s.description() != null && !s.description().isBlank()) Allure.description(s.description());
        Allure.parameter("variant", s.variant());
        Allure.parameter("seed", s.repeat() > 1 ? s.seed() + ".." + (s.seed() + s.repeat() - 1) : Long.toString(s.seed()));
        Allure.parameter("optimizer", s.optimizer().name());
        Allure.parameter("lr", lr(s.optimizer()));
        Allure.parameter("batch", s.train().batchSize() == 0 ? "full" : Integer.toString(s.train().batchSize()));
        Allure.parameter("epochs", Integer.toString(s.train().epochs()));
        if (r.data() != null) Allure.parameter("data fingerprint", r.data().fingerprint());
        for (Verdict v : outcome.verdicts()) {
            Allure.step(v.sentence(), v.passed() ? Status.PASSED : Status.FAILED);
        }
        for (Finding f : outcome.diagnosis()) {
            Allure.label("diagnosis", f.code());
            Allure.step("diagnosis " + f.code() + " [" + f.severity().name().toLowerCase(java.util.Locale.ROOT) + "]: " + f.evidence()
                    + " -> " + f.advice(),
                    f.severity() == Finding.Severity.ERROR ? Status.BROKEN : Status.PASSED);
        }
        if (s.source() != null) Allure.addAttachment("scenario " + s.file().getFileName(), "text/yaml", s.source(), ".yaml");
        Allure.addAttachment("history.csv", "text/csv", HistoryCsv.of(r.runs()), ".csv");
        if (!outcome.diagnosis().isEmpty()) {
            Allure.addAttachment("diagnosis", "text/plain",
                    outcome.diagnosis().stream().map(Finding::toString).collect(Collectors.joining("\n")), ".txt");
        }
    }

    private static String lr(Named optimizer) {
        Object lr = optimizer.params().values().get("lr");
        return lr instanceof Number n ? Numbers.format(n.doubleValue()) : String.valueOf(lr);
    }
}
