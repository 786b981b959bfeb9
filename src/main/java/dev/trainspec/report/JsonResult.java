package dev.trainspec.report;

import dev.trainspec.check.Distribution;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Status;
import dev.trainspec.check.Finding;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.engine.train.History;
import dev.trainspec.run.DataFacts;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The result file of scenarios/README.md section 7: {@code DIR/<id>.json}, written atomically. */
public final class JsonResult {
    /** Where results go unless told otherwise: the CLI's --json and the engine's trainspec.json (relative to the workspace root). */
    public static final String DEFAULT_DIR = "target/trainspec";

    private JsonResult() {}

    /**
     * Writes {@code DIR/<id>.json} through a hidden temporary file, confined to DIR (a committed
     * link in DIR cannot redirect the write); the temporary file is removed when the write fails.
     *
     * @throws IOException when the result cannot be written there ({@link Workspace.Refused} says why)
     */
    public static Path write(FileOutcome outcome, Path dir, Path displayRoot) throws IOException {
        return write(outcome.file().id(), render(outcome, displayRoot), dir);
    }

    /**
     * Writes {@code DIR/<id>.json} for a file that trained nothing: it did not load (invalid) or
     * its run crashed. Section 7's status {@code error}, no variants, and the reason as
     * {@code error}, so a folder of results holds every file of the run, and a result left from an
     * earlier run of the file is replaced rather than read as this run's.
     *
     * @param shownFile the file as results show it (relative to the workspace root)
     * @param message what went wrong, for an invalid file its problems, one {@code file:line:column: ...} a line
     */
    public static Path writeError(String id, String shownFile, String message, Path dir) throws IOException {
        return write(id, renderError(id, shownFile, message), dir);
    }

    static String renderError(String id, String shownFile, String message) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("id").value(id);
        w.name("file").value(shownFile);
        w.name("status").value(Status.ERROR.json());
        w.name("error").value(message);
        w.name("variants").beginArray().endArray();
        w.name("comparisons").beginArray().endArray();
        return w.endObject().toString() + "\n";
    }

    private static Path write(String id, String json, Path dir) throws IOException {
        Path target = new Workspace(dir).writable(dir.resolve(id + ".json"));
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
        try {
            Files.writeString(tmp, json);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    public static String render(FileOutcome outcome, Path displayRoot) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("id").value(outcome.file().id());
        Shown shown = new Shown(outcome.file().file(), new Workspace(displayRoot));
        w.name("file").value(shown.workspace().display(outcome.file().file()));
        w.name("status").value(outcome.status().json());
        long series = 0;
        for (VariantOutcome v : outcome.variants()) {
            for (RunResult run : v.result().runs()) series += run.training().history().names().size();
        }
        int points = HistoryThinning.pointsPerSeries(series);
        w.name("variants").beginArray();
        for (VariantOutcome v : outcome.variants()) variant(w, v, points, shown);
        w.endArray();
        w.name("comparisons").beginArray();
        for (Verdict c : outcome.comparisons()) verdict(w, c, shown);
        w.endArray();
        return w.endObject().toString() + "\n";
    }

    /**
     * Messages name files as the run was given them: an absolute path under the JUnit engine, a
     * path from the working directory under the CLI. A result shows them relative to the
     * workspace root, as its "file" does, so that both doors write the same text wherever they
     * were started, and the machine's folders stay out of published results.
     */
    private record Shown(Path file, Workspace workspace) {
        String text(String message) {
            if (message == null) return null;
            String relative = workspace.display(file);
            String out = message.replace(file.toAbsolutePath().normalize().toString(), relative)
                    .replace(workspace.root() + java.io.File.separator, "");
            // a relative path from elsewhere (../bad/x.yaml): only where it starts a message or a line, as problems do
            String typed = file.toString();
            return typed.equals(relative) || file.isAbsolute() ? out
                    : out.replaceAll("(?m)^" + java.util.regex.Pattern.quote(typed) + "(?=:)", java.util.regex.Matcher.quoteReplacement(relative));
        }
    }

    private static void variant(JsonWriter w, VariantOutcome v, int points, Shown shown) {
        VariantResult r = v.result();
        w.beginObject().name("name").value(r.name()).name("status").value(v.status().json());
        w.name("seconds").value(r.seconds());
        if (r.error() != null) w.name("error").value(shown.text(r.error()));
        w.name("model").value(r.modelDescription());
        w.name("runs").beginArray();
        for (RunResult run : r.runs()) run(w, run, points);
        w.endArray();
        summary(w, r);
        w.name("baselines").beginObject();
        r.baselines().forEach((name, metrics) -> w.name(name).numbers(metrics));
        w.endObject();
        if (r.data() != null) data(w, r.data());
        w.name("expectations").beginArray();
        for (Verdict x : v.verdicts()) verdict(w, x, shown);
        w.endArray();
        w.name("diagnosis").beginArray();
        for (Finding f : v.diagnosis()) {
            w.beginObject().name("code").value(f.code()).name("severity").value(f.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .name("evidence").value(f.evidence()).name("advice").value(f.advice()).endObject();
        }
        w.endArray().endObject();
    }

    /** Each final metric over the repeat runs: n, mean, std, min, max and the 95% confidence interval of the mean. */
    private static void summary(JsonWriter w, VariantResult r) {
        w.name("summary").beginObject();
        if (!r.runs().isEmpty()) {
            for (String m : r.runs().get(0).training().history().names()) {
                double[] finals = r.runs().stream().mapToDouble(run -> run.training().history().last(m)).toArray();
                Distribution d = Distribution.of(m, finals);
                w.name(m).beginObject().name("n").value(d.n()).name("mean").value(d.mean()).name("std").value(d.std())
                        .name("min").value(d.min()).name("max").value(d.max())
                        .name("ci95").beginArray().value(d.ciLow()).value(d.ciHigh()).endArray().endObject();
            }
        }
        w.endObject();
    }

    private static void run(JsonWriter w, RunResult run, int points) {
        History h = run.training().history();
        w.beginObject().name("seed").value(run.seed()).name("epochs").value(h.epochs());
        w.name("stop").value(run.training().stopReason());
        if (run.training().firstNonFinite() != null) w.name("non_finite").value(run.training().firstNonFinite().toString());
        w.name("final").beginObject();
        for (String m : h.names()) w.name(m).value(h.last(m));
        w.endObject();
        int[] kept = HistoryThinning.kept(h.epochs(), points);
        if (kept != null) {
            w.name("history_epochs").beginArray();
            for (int epoch : kept) w.value(epoch + 1);
            w.endArray();
        }
        w.name("history").beginObject();
        for (String m : h.names()) w.name(m).values(HistoryThinning.pick(h.series(m), kept));
        w.endObject().endObject();
    }

    private static void data(JsonWriter w, DataFacts d) {
        w.name("data").beginObject().name("source").value(d.source()).name("train_rows").value(d.trainRows())
                .name("test_rows").value(d.testRows()).name("features").value(d.features()).name("classes").value(d.classes());
        w.name("train_class_counts").beginArray();
        for (int c : d.trainClassCounts()) w.value(c);
        w.endArray();
        w.name("labels_sorted").value(d.labelsSorted()).name("fingerprint").value(d.fingerprint());
        stats(w, "raw", d.raw());
        stats(w, "preprocessed", d.preprocessed());
        w.endObject();
    }

    private static void stats(JsonWriter w, String name, List<DataFacts.FeatureStats> stats) {
        w.name(name).beginArray();
        for (DataFacts.FeatureStats s : stats) {
            w.beginObject().name("mean").value(s.mean()).name("std").value(s.std()).name("min").value(s.min()).name("max").value(s.max()).endObject();
        }
        w.endArray();
    }

    private static void verdict(JsonWriter w, Verdict v, Shown shown) {
        w.beginObject().name("text").value(v.text());
        // section 7's line is in the result's file; one inherited through extends says which file it is in
        if (!v.origin().isIn(shown.file())) w.name("file").value(shown.workspace().display(v.origin().file()));
        w.name("line").value(v.origin().line()).name("column").value(v.origin().column())
                .name("passed").value(v.passed()).name("observed").value(v.observed());
        if (!Double.isNaN(v.p())) w.name("p").value(v.p());
        w.name("detail").value(shown.text(v.detail())).endObject();
    }
}
