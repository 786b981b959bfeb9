package dev.trainspec.check;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis against deliberately broken scenarios (each names, as {@code diagnosis includes
 * CODE}, the codes it must produce and, as {@code diagnosis excludes CODE}, codes it must not)
 * and healthy ones (no error-level finding, and their own excludes). Prints recall over the
 * expected codes and precision counting every warning or error on a healthy scenario as a false
 * alarm.
 */
class DiagnosisSuiteTest {
    private static final Path ROOT = Path.of("src/test/resources/diagnosis");

    record Judged(String file, VariantResult result, List<Finding> findings) {
        Set<String> codes() {
            return findings.stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
        }

        List<Expectation.Diagnosis> claims() {
            return result.scenario().expect().stream().filter(e -> e instanceof Expectation.Diagnosis)
                    .map(e -> (Expectation.Diagnosis) e).toList();
        }
    }

    @Test
    void brokenScenariosAreDiagnosedAndHealthyOnesRaiseNoAlarm() throws IOException {
        List<Judged> broken = runAll("broken");
        List<Judged> healthy = runAll("healthy");
        if (Boolean.getBoolean("diagnosis.verbose")) {
            for (Judged j : broken) System.out.println("BROKEN " + j.file() + describe(j) + series(j));
            for (Judged j : healthy) System.out.println("HEALTHY " + j.file() + describe(j) + series(j));
        }
        assertTrue(broken.size() >= 25, "at least 25 broken variants, found " + broken.size());
        assertTrue(healthy.size() >= 10, "at least 10 healthy variants, found " + healthy.size());
        List<String> misses = new ArrayList<>();
        int expected = 0;
        int found = 0;
        int falseAlarms = 0;
        for (Judged j : broken) {
            if (j.claims().stream().noneMatch(Expectation.Diagnosis::includes)) misses.add(j.file() + ": names no code it must produce");
            for (Expectation.Diagnosis d : j.claims()) {
                if (d.code().equals("below_linear_baseline") && j.result().baselines().isEmpty()) {
                    System.out.println("skipped " + j.file() + ": " + d.text() + " (no baselines were fitted)");
                    continue;
                }
                boolean has = j.codes().contains(d.code());
                if (d.includes()) {
                    expected++;
                    if (has) found++;
                }
                if (has != d.includes()) misses.add(j.file() + ": " + d.text() + " but found " + j.codes() + describe(j));
            }
        }
        for (Judged j : healthy) {
            for (Finding f : j.findings()) {
                if (f.severity() != Finding.Severity.INFO) falseAlarms++;
                if (f.severity() == Finding.Severity.ERROR) misses.add(j.file() + ": healthy, but " + f);
            }
            for (Expectation.Diagnosis d : j.claims()) {
                if (j.codes().contains(d.code()) != d.includes()) misses.add(j.file() + ": " + d.text() + " but found " + j.codes());
            }
        }
        double recall = expected == 0 ? 0 : (double) found / expected;
        double precision = found + falseAlarms == 0 ? 0 : (double) found / (found + falseAlarms);
        System.out.printf(Locale.ROOT, "diagnosis: %d broken and %d healthy variants; recall %.3f (%d of %d expected codes),"
                + " precision %.3f (%d warnings/errors on healthy variants)%n", broken.size(), healthy.size(), recall, found, expected,
                precision, falseAlarms);
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    private static String series(Judged j) {
        if (j.result().runs().isEmpty()) return "";
        var h = j.result().runs().get(0).training().history();
        StringBuilder sb = new StringBuilder();
        for (String m : h.names()) {
            sb.append("\n      ").append(m).append(':');
            for (double v : h.series(m)) sb.append(' ').append(Numbers.format(v));
        }
        return sb.toString();
    }

    private static String describe(Judged j) {
        return j.findings().stream().map(f -> "\n    " + f).collect(Collectors.joining());
    }

    /** Runs every file of the folder (in parallel, like the runner) and diagnoses each variant. */
    static List<Judged> runAll(String folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve(folder))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<CompletableFuture<List<Judged>>> running = new ArrayList<>();
        for (Path p : files) {
            ScenarioFile f = ScenarioLoader.load(p, new Workspace(ROOT, ROOT));
            running.add(ScenarioRunner.start(f, dev.trainspec.run.Workers.pool()).thenApply(results -> results.stream()
                    .map(r -> new Judged(p.getFileName() + " [" + r.name() + "]", r, Diagnosis.of(r))).toList()));
        }
        return running.stream().flatMap(c -> c.join().stream()).toList();
    }
}
