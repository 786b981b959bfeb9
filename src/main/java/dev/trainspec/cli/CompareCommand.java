package dev.trainspec.cli;

import dev.trainspec.report.compare.Annotations;
import dev.trainspec.report.compare.ComparePage;
import dev.trainspec.report.compare.Comparison;
import dev.trainspec.report.compare.Links;
import dev.trainspec.report.compare.Problem;
import dev.trainspec.report.compare.ResultDoc;
import dev.trainspec.report.compare.Trend;
import dev.trainspec.report.compare.TriageComment;
import dev.trainspec.report.compare.UnitTests;
import dev.trainspec.report.summary.ResultFiles;
import dev.trainspec.scenario.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = "Compare two folders of JSON results, the base commit's and the pull request's: "
        + "prints the triage comment (markdown) with each changed variant's key metric base -> head, findings that appeared "
        + "or disappeared and rewritten snapshots; optionally writes the comparison page and check annotations.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE_DIR", description = "JSON results at the base commit (an empty or missing folder: nothing to compare)")
    Path baseDir;

    @Parameters(index = "1", paramLabel = "HEAD_DIR", description = "JSON results of the change")
    Path headDir;

    @Option(names = "--base-snapshots", paramLabel = "DIR", description = "reports/baselines at the base commit")
    Path baseSnapshots;

    @Option(names = "--head-snapshots", paramLabel = "DIR", description = "reports/baselines at the head (snapshot changes are shown only with both)")
    Path headSnapshots;

    @Option(names = "--unit-tests", paramLabel = "DIR", description = "Surefire reports (TEST-*.xml) of the project's own tests, counted apart")
    Path unitTests;

    @Option(names = "--scenario-tests", paramLabel = "DIR", description = "Surefire reports of the scenario run: problems of invalid scenarios without a JSON result are read from their failures")
    Path scenarioTests;

    @Option(names = "--source-url", paramLabel = "URL", description = "blob URL of the head commit, e.g. https://github.com/o/r/blob/SHA")
    String sourceUrl;

    @Option(names = "--page-url", paramLabel = "URL", description = "where the comparison page (--html) will be published")
    String pageUrl;

    @Option(names = "--report-url", paramLabel = "URL", description = "where the full report can be opened")
    String reportUrl;

    @Option(names = "--html", paramLabel = "FILE", description = "write the comparison page (charts base dashed, head solid) here")
    Path html;

    @Option(names = "--trend", paramLabel = "FILE", description = "main's key-metric trend (trend.json); the page's overview draws it with this run last")
    Path trendIn;

    @Option(names = "--trend-out", paramLabel = "FILE", description = "write the trend with this run appended (main publishes it beside the report)")
    Path trendOut;

    @Option(names = "--commit", paramLabel = "SHA", defaultValue = "head", description = "this run's commit, recorded in the trend")
    String commit;

    @Option(names = "--annotations", paramLabel = "FILE", description = "write GitHub ::error/::warning lines here (at most 50)")
    Path annotations;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(headDir)) {
            System.err.println(Printable.line("HEAD_DIR: " + headDir + " is not a directory"));
            return ExitCodes.INVALID;
        }
        List<ResultDoc> base;
        List<ResultDoc> head;
        UnitTests unit;
        Trend trend;
        List<Problem> invalid;
        try {
            base = Files.isDirectory(baseDir) ? docs(baseDir) : List.of();
            head = docs(headDir);
            unit = unitTests == null || !Files.isDirectory(unitTests) ? UnitTests.NONE : UnitTests.read(unitTests);
            trend = Trend.read(trendIn);
            invalid = Problem.invalid(scenarioTests == null || !Files.isDirectory(scenarioTests) ? UnitTests.NONE : UnitTests.read(scenarioTests), head);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
        Comparison c = Comparison.of(base, head, baseSnapshots, headSnapshots);
        Links links = new Links(sourceUrl, pageUrl, reportUrl);
        Trend withThisRun = trend.with(commit, c);
        if (html != null) write(html, ComparePage.html(c, links, withThisRun));
        if (trendOut != null) write(trendOut, withThisRun.json());
        if (annotations != null) write(annotations, String.join("\n", Annotations.of(head, unit, invalid)) + "\n");
        // UTF-8 whatever the platform's default: arrows, sparklines and status emoji
        System.out.write(TriageComment.markdown(c, unit, invalid, links).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
        return ExitCodes.PASSED;
    }

    private static List<ResultDoc> docs(Path dir) throws IOException {
        ResultFiles.Results read = ResultFiles.readWithHistories(dir);
        read.skipped().forEach(System.err::println); // one stray file is named, the rest is compared
        return read.files().stream().map(ResultDoc::of).toList();
    }

    private static void write(Path file, String text) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
