package dev.trainspec.cli;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.engine.data.Dataset;
import dev.trainspec.run.PreparedData;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * scenarios/README.md section 7: a scenario's rows as CSV, so that a user can compare them with
 * scikit-learn's or plot them. Doubles print with {@link Double#toString}, which parses back to
 * the same float64.
 */
@Command(name = "data", description = "Write a scenario's data rows as CSV (header x0,...,xN,y) to stdout.")
final class DataCommand implements Callable<Integer> {
    enum Part { all, train, test }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file")
    Path scenario;

    @Option(names = "--split", defaultValue = "all", description = "all (generation order, before preprocessing), train or test; default ${DEFAULT-VALUE}")
    Part split;

    @Option(names = "--raw", description = "train/test rows before preprocessing")
    boolean raw;

    @Override
    public Integer call() {
        PreparedData data;
        try {
            ScenarioFile file = ScenarioLoader.load(scenario);
            data = PreparedData.of(file.base());
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
        Dataset rows = switch (split) {
            case all -> data.all();
            case train -> raw ? data.trainRaw() : data.train();
            case test -> raw ? data.testRaw() : data.test();
        };
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try {
            write(rows, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.PASSED;
    }

    static void write(Dataset d, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < d.cols(); c++) line.append('x').append(c).append(',');
        out.write(line.append("y\n").toString());
        for (int r = 0; r < d.rows(); r++) {
            line.setLength(0);
            for (int c = 0; c < d.cols(); c++) line.append(d.get(r, c)).append(',');
            if (d.isClassification()) line.append(d.labels()[r]);
            else line.append(d.targets()[r]);
            out.write(line.append('\n').toString());
        }
    }
}
