package dev.trainspec.cli;

import dev.trainspec.report.summary.ResultFiles;
import dev.trainspec.report.summary.SummaryTable;
import dev.trainspec.scenario.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "summary", description = "Print the markdown summary of JSON results (pull request comment, job summary): "
        + "status, key metric and change against the committed snapshot per variant.")
final class SummaryCommand implements Callable<Integer> {
    @Option(names = "--json", required = true, paramLabel = "DIR", description = "the JSON results (as written by run --json or mvn test)")
    Path jsonDir;

    @Option(names = "--baseline", paramLabel = "DIR", description = "regression snapshots to compare with, e.g. reports/baselines")
    Path baselines;

    @Option(names = "--report-url", paramLabel = "URL", description = "link to the rendered report, shown under the table")
    String reportUrl;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(jsonDir)) {
            System.err.println(Printable.line("--json: " + jsonDir + " is not a directory"));
            return ExitCodes.INVALID;
        }
        ResultFiles.Results read = ResultFiles.read(jsonDir);
        read.skipped().forEach(System.err::println); // one stray file is named, the rest is summarized
        List<Map<String, Object>> results = read.files();
        // UTF-8 whatever the platform's default: the table has status emoji and a delta sign
        System.out.write(SummaryTable.markdown(results, baselines, reportUrl).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
        return ExitCodes.PASSED;
    }
}
