package dev.trainspec.report.allure;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Finding;
import dev.trainspec.check.Numbers;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.DataFactsTable;
import dev.trainspec.report.HistoryCsv;
import dev.trainspec.report.Html;
import dev.trainspec.report.MetricsTable;
import dev.trainspec.report.ReportSink;
import dev.trainspec.report.SourceLink;
import dev.trainspec.report.VariantPage;
import dev.trainspec.report.chart.Charts;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Scenario;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Presents judged results in the Allure result of the test that is running. Per variant: labels
 * (epic = folder, feature = data source, story = title, suites by folder and id, tags), the
 * parameters a reviewer asks for first (seeds, optimizer, lr, batch, epochs, data fingerprint), a
 * link to the scenario file at the variant's line, a page with the curves, expectations and
 * diagnosis (with the loss and accuracy charts as SVG), one step per expectation and per finding,
 * and attachments (the metrics table and the data facts as HTML, the scenario YAML, the history as CSV).
 *
 * <p>Ids are the scenario id and variant ({@code seeds/two-moons-sgd#base}), never JUnit's
 * positional ids, so Allure's history and trends survive adding, removing and reordering files.
 */
public final class AllureSink implements ReportSink {
    private static final Set<String> SUITE_LABELS = Set.of("parentSuite", "suite", "subSuite");

    private final Supplier<AllureLifecycle> lifecycle;
    private final Path repositoryRoot;
    private final Map<String, String> env;

    public AllureSink(Supplier<AllureLifecycle> lifecycle, Path repositoryRoot, Map<String, String> env) {
        this.lifecycle = lifecycle;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
    }

    /**
     * The sink of a test run: Allure's global lifecycle, the process environment, and the run's
     * categories, environment and executor files written into the results directory now (so they
     * exist even when every file is invalid).
     */
    public static AllureSink forTestRun(Path repositoryRoot) {
        Map<String, String> env = System.getenv();
        AllureMetadata.write(AllureMetadata.resultsDirectory(), repositoryRoot, env);
        return new AllureSink(Allure::getLifecycle, repositoryRoot, env);
    }

    @Override
    public void variant(VariantOutcome outcome) {
        VariantResult r = outcome.result();
        Scenario s = r.scenario();
        String shown = SourceLink.relative(repositoryRoot, s.file());
        // the variant's line, when it is in this file: a variant inherited through extends has its line in the other file
        String link = SourceLink.of(repositoryRoot, shown, s.origin() == null || !s.origin().isIn(s.file()) ? 0 : s.origin().line(), env);
        List<Charts.Chart> charts = Charts.of(r);
        AllureLifecycle l = lifecycle.get();
        l.updateTestCase(tc -> {
            identify(tc, s.id(), s.variant());
            // a title comes from a pull request: one printable line wherever it is shown
            String title = Printable.line(s.title() == null || s.title().isBlank() ? s.id() : s.title());
            // the JUnit test is named by the variant alone; a report lists every file's variants together
            tc.setName(s.variant() + ": " + title);
            List<Label> labels = tc.getLabels();
            labels.add(label("epic", folder(s.id())));
            labels.add(label("feature", s.data().source().name()));
            labels.add(label("story", title));
            suites(labels, s.id());
            // Allure's JUnit Platform listener already labels the test with its JUnit tags (the same words): once each
            for (String tag : s.tags()) {
                if (labels.stream().noneMatch(x -> "tag".equals(x.getName()) && tag.equals(x.getValue()))) labels.add(label("tag", tag));
            }
            tc.getLinks().add(new Link().setName(shown).setUrl(link).setType("link"));
            List<Parameter> p = tc.getParameters();
            p.add(parameter("variant", s.variant()));
            p.add(parameter("seed", seeds(s)));
            p.add(parameter("optimizer", s.optimizer().toString()));
            p.add(parameter("lr", lr(s.optimizer())));
            p.add(parameter("batch", s.train().batchSize() == 0 ? "full" : Integer.toString(s.train().batchSize())));
            p.add(parameter("epochs", Integer.toString(s.train().epochs())));
            if (r.data() != null) p.add(parameter("data fingerprint", r.data().fingerprint()));
            if (s.description() != null && !s.description().isBlank()) tc.setDescription(s.description());
            tc.setDescriptionHtml(VariantPage.html(outcome, charts, link, shown, f -> SourceLink.relative(repositoryRoot, f)));
        });
        for (Verdict v : outcome.verdicts()) {
            step(l, v.sentence(), v.passed() ? Status.PASSED : Status.FAILED,
                    location(v, s.file(), parameter("observed", Numbers.format(v.observed()))));
        }
        Set<String> demonstrated = demonstrated(s);
        if (!demonstrated.isEmpty()) {
            // the scenario shows a pitfall on purpose: its findings are the point, not a breakage
            l.updateTestCase(tc -> tc.getLabels().add(label("tag", "demonstration")));
        }
        for (Finding f : outcome.diagnosis()) {
            l.updateTestCase(tc -> tc.getLabels().add(label("diagnosis", f.code())));
            boolean expected = demonstrated.contains(f.code());
            step(l, (expected ? "demonstrated pitfall " : "diagnosis ") + f.code() + " [" + f.severity().name().toLowerCase(Locale.ROOT) + "]",
                    f.severity() == Finding.Severity.ERROR && !expected ? Status.BROKEN : Status.PASSED,
                    parameter("evidence", f.evidence()), parameter("advice", f.advice()));
        }
        // the charts are on the page (descriptionHtml) only: attaching them too stored each twice
        attach(l, "metrics.html", "text/html", "html", MetricsTable.html(r));
        if (r.data() != null) attach(l, "data-facts.html", "text/html", "html", DataFactsTable.html(r.data()));
        if (!outcome.diagnosis().isEmpty()) {
            attach(l, "diagnosis.txt", "text/plain", "txt", outcome.diagnosis().stream().map(Finding::toString).collect(Collectors.joining("\n")) + "\n");
        }
        if (s.source() != null) attach(l, s.file().getFileName().toString(), "text/yaml", "yaml", s.source());
        if (!r.runs().isEmpty()) {
            int stride = HistoryCsv.stride(r.runs());
            attach(l, stride == 1 ? "history.csv" : "history (1 epoch in " + stride + ").csv", "text/csv", "csv", HistoryCsv.of(r.runs()));
        }
    }

    @Override
    public void comparisons(FileOutcome outcome) {
        String id = outcome.file().id();
        String shown = SourceLink.relative(repositoryRoot, outcome.file().file());
        Path file = outcome.file().file();
        int line = outcome.comparisons().stream().filter(v -> v.origin().isIn(file)).mapToInt(v -> v.origin().line()).findFirst().orElse(0);
        AllureLifecycle l = lifecycle.get();
        l.updateTestCase(tc -> {
            identify(tc, id, "comparisons");
            String title = outcome.file().base().title();
            tc.setName(Printable.line("comparisons between variants: " + (title == null || title.isBlank() ? id : title)));
            tc.getLabels().add(label("epic", folder(id)));
            suites(tc.getLabels(), id);
            tc.getLinks().add(new Link().setName(shown).setUrl(SourceLink.of(repositoryRoot, shown, line, env)).setType("link"));
            Charts.Chart overlay = Charts.overlay(id, outcome.variants().stream().map(VariantOutcome::result).toList());
            if (overlay != null) tc.setDescriptionHtml(Html.chart("trainspec-chart", overlay.title(), overlay.svg()));
        });
        for (Verdict v : outcome.comparisons()) {
            step(l, v.sentence(), v.passed() ? Status.PASSED : Status.FAILED, location(v, file));
        }
    }

    @Override
    public void invalid(String id, String shownPath, String message) {
        AllureLifecycle l = lifecycle.get();
        l.updateTestCase(tc -> {
            // the base variant's id: a file that stops loading shows up in the history of its base test
            identify(tc, id, "base");
            tc.getLabels().add(label("epic", folder(id)));
            suites(tc.getLabels(), id);
            tc.getLinks().add(new Link().setName(shownPath).setUrl(SourceLink.of(repositoryRoot, shownPath, 0, env)).setType("link"));
        });
        attach(l, "problems.txt", "text/plain", "txt", message + "\n");
    }

    /** The findings the scenario expects ({@code diagnosis includes CODE}): it demonstrates those pitfalls. */
    static Set<String> demonstrated(Scenario s) {
        return s.expect().stream().filter(e -> e instanceof Expectation.Diagnosis d && d.includes())
                .map(e -> ((Expectation.Diagnosis) e).code()).collect(Collectors.toUnmodifiableSet());
    }

    /** historyId, testCaseId and fullName from the scenario id: stable under any reordering of files. */
    private static void identify(TestResult tc, String id, String variant) {
        String historyId = id + "#" + variant;
        tc.setHistoryId(historyId);
        tc.setTestCaseId(historyId);
        tc.setFullName(historyId);
    }

    /** Suites tab: {@code scenarios/<folder> > <id>}, instead of the JUnit class that hosts the factory. */
    private static void suites(List<Label> labels, String id) {
        labels.removeIf(x -> SUITE_LABELS.contains(x.getName()));
        labels.add(label("parentSuite", folder(id)));
        labels.add(label("suite", id));
    }

    private static String folder(String id) {
        Path folder = Path.of(id).getParent();
        return folder == null ? "scenarios" : "scenarios/" + folder.toString().replace('\\', '/');
    }

    private static String seeds(Scenario s) {
        return s.repeat() > 1 ? s.seed() + ".." + (s.seed() + s.repeat() - 1) : Long.toString(s.seed());
    }

    private static String lr(Named optimizer) {
        Object lr = optimizer.params().values().get("lr");
        return lr instanceof Number n ? Numbers.format(n.doubleValue()) : String.valueOf(lr);
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    /**
     * Where a verdict is: its line, after its file when that is not the scenario's {@code file}
     * (an expectation inherited through extends, whose line is the extended file's), then {@code more}.
     */
    private Parameter[] location(Verdict v, Path file, Parameter... more) {
        List<Parameter> out = new ArrayList<>();
        if (!v.origin().isIn(file)) out.add(parameter("file", SourceLink.relative(repositoryRoot, v.origin().file())));
        out.add(parameter("line", Integer.toString(v.origin().line())));
        out.addAll(List.of(more));
        return out.toArray(Parameter[]::new);
    }

    private static Parameter parameter(String name, String value) {
        return new Parameter().setName(name).setValue(value);
    }

    private static void step(AllureLifecycle l, String name, Status status, Parameter... parameters) {
        String uuid = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        l.startStep(uuid, new StepResult().setName(name).setStatus(status).setStart(now).setParameters(new ArrayList<>(List.of(parameters))));
        l.stopStep(uuid);
    }

    private static void attach(AllureLifecycle l, String name, String type, String extension, String body) {
        l.addAttachment(name, type, extension, body.getBytes(StandardCharsets.UTF_8));
    }
}
