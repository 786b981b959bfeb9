package dev.trainspec.report;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.report.chart.Charts;
import dev.trainspec.run.VariantResult;

/**
 * What the bundled scenarios add to the single-file Allure report ({@code allure generate
 * --single-file}), counted from the same pieces the sink writes: Allure 2 stores a test's page
 * twice (the result's and its test stage's {@code descriptionHtml}), each attachment once, and
 * base64-encodes every data file into the HTML (4/3). The report application itself weighs
 * {@link #APP_BYTES} (Allure 2.34.1's single-file index.html around its data: 9,781,302 bytes in
 * all minus 6,478,396 of data, measured 2026-12-01).
 */
final class SingleFileReportBudget {
    static final long LIMIT_BYTES = 10_000_000;
    static final long APP_BYTES = 3_302_906;
    /** A test case's JSON besides its page: labels, parameters, steps, links (about 4 kB measured; counted generously). */
    static final long PER_TEST_BYTES = 8_000;

    private long data;

    synchronized void add(FileOutcome file) {
        for (VariantOutcome v : file.variants()) {
            VariantResult r = v.result();
            long page = VariantPage.html(v, Charts.of(r), "https://github.com/o/r/blob/0123456789abcdef/" + r.scenario().file(), r.scenario().id(),
                    java.nio.file.Path::toString).length();
            long attachments = MetricsTable.html(r).length() + (r.data() == null ? 0 : DataFactsTable.html(r.data()).length())
                    + (r.scenario().source() == null ? 0 : r.scenario().source().length()) + (r.runs().isEmpty() ? 0 : HistoryCsv.of(r.runs()).length());
            data += 2 * page + attachments + PER_TEST_BYTES;
        }
        if (!file.comparisons().isEmpty()) {
            Charts.Chart overlay = Charts.overlay(file.file().id(), file.variants().stream().map(VariantOutcome::result).toList());
            data += 2 * (overlay == null ? 0 : overlay.svg().length()) + PER_TEST_BYTES;
        }
    }

    synchronized long projectedBytes() {
        return APP_BYTES + data * 4 / 3;
    }
}
