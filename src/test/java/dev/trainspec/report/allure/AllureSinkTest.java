package dev.trainspec.report.allure;

import static dev.trainspec.report.allure.AllureResults.labels;
import static dev.trainspec.report.allure.AllureResults.list;
import static dev.trainspec.report.allure.AllureResults.parameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.Outcomes;
import dev.trainspec.run.RunResult;
import dev.trainspec.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureSinkTest {
    static final Map<String, String> GITHUB = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/models",
            "GITHUB_SHA", "0123abcd");

    private static AllureSink sink(AllureResults run) {
        return new AllureSink(() -> run.lifecycle, Outcomes.ROOT, GITHUB);
    }

    @Test
    void aVariantCarriesLabelsParametersLinkStepsPageAndAttachments(@TempDir Path dir) throws Exception {
        AllureResults run = new AllureResults(dir);
        VariantOutcome failed = Outcomes.judged("seeds/moons", "base", 3, 0.99);
        run.test("base", 1, l -> sink(run).variant(failed));
        List<Map<String, Object>> results = run.results();
        assertEquals(1, results.size());
        Map<String, Object> r = results.get(0);
        assertEquals("seeds/moons#base", r.get("historyId"));
        assertEquals("seeds/moons#base", r.get("testCaseId"));
        assertEquals(List.of("scenarios/seeds"), labels(r, "epic"));
        assertEquals(List.of("make_moons"), labels(r, "feature"));
        assertEquals(List.of("Two moons base"), labels(r, "story"));
        assertEquals(List.of("scenarios/seeds"), labels(r, "parentSuite"));
        assertEquals(List.of("seeds/moons"), labels(r, "suite"), "the JUnit class's suite label is replaced");
        assertEquals(List.of("seed", "smoke"), labels(r, "tag"));
        assertEquals("0..2", parameter(r, "seed"));
        assertEquals("0.1", parameter(r, "lr"));
        assertEquals("32", parameter(r, "batch"));
        assertEquals("5", parameter(r, "epochs"));
        assertEquals("3f2a9c0d11e4b7a8", parameter(r, "data fingerprint"));
        assertTrue(parameter(r, "optimizer").startsWith("sgd"), parameter(r, "optimizer"));
        List<Map<String, Object>> links = list(r, "links");
        assertEquals("https://github.com/acme/models/blob/0123abcd/scenarios/seeds/moons.yaml#L7", links.get(0).get("url"));

        // one step per verdict (the expectation and the health check), then one per finding
        List<String> steps = list(r, "steps").stream().map(s -> (String) s.get("name")).toList();
        assertEquals(failed.verdicts().size() + failed.diagnosis().size(), steps.size());
        assertTrue(steps.get(0).startsWith("mean test.accuracy >= 0.99 ("), steps.get(0));
        assertEquals("failed", list(r, "steps").get(0).get("status"));
        assertEquals("20", parameter(list(r, "steps").get(0), "line"));

        String page = (String) r.get("descriptionHtml");
        assertEquals(2, count(page, "<div class=\"trainspec-chart\"><svg "), "loss and accuracy curves on the page, as SVG");
        assertTrue(page.contains("2-16-2 MLP."), "the scenario description");
        assertTrue(page.contains("mean test.accuracy &gt;= 0.99"), "each expectation with what was observed");

        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> a : list(r, "attachments")) {
            types.put((String) a.get("name"), (String) a.get("type"));
            assertTrue(Files.size(dir.resolve((String) a.get("source"))) > 0, a.get("name") + " is written");
        }
        // each chart is stored once, on the page: no SVG attachment repeats it
        assertEquals(Map.of("metrics.html", "text/html", "data-facts.html", "text/html", "moons.yaml", "text/yaml", "history.csv", "text/csv"), types);
        java.util.regex.Matcher chart = java.util.regex.Pattern.compile("<div class=\"trainspec-chart\">(<svg .*?</svg>)</div>").matcher(page);
        while (chart.find()) {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            byte[] svg = chart.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("svg", f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg)).getDocumentElement().getLocalName());
        }
        String metrics = Files.readString(dir.resolve(source(r, "metrics.html")));
        assertTrue(metrics.contains("<td>test.accuracy</td>"), metrics);
        assertTrue(metrics.contains("logistic_regression"), "baselines in the metrics table");
    }

    @Test
    void anInheritedExpectationNamesTheFileItsLineIsIn(@TempDir Path dir) throws Exception {
        // extends_line.yaml of the sweep: the line of an expectation inherited through extends is the extended file's
        VariantOutcome judged = Outcomes.judged("repro/child", "base", 1, 0.99);
        List<Verdict> verdicts = new ArrayList<>(judged.verdicts());
        Verdict own = verdicts.get(0);
        verdicts.set(0, new Verdict(own.text(), Outcomes.at("common/base", 14), own.passed(), own.observed(), own.bound(), own.p(), own.detail()));
        VariantOutcome inherited = new VariantOutcome(judged.result(), verdicts, judged.diagnosis());
        AllureResults run = new AllureResults(dir);
        run.test("base", 1, l -> sink(run).variant(inherited));
        Map<String, Object> r = run.results().get(0);
        List<Map<String, Object>> steps = list(r, "steps");
        assertEquals("scenarios/common/base.yaml", parameter(steps.get(0), "file"));
        assertEquals("14", parameter(steps.get(0), "line"));
        assertEquals(null, parameter(steps.get(1), "file"), "a verdict of the scenario's own file: its line alone");
        String page = (String) r.get("descriptionHtml");
        assertTrue(page.contains("<small>(line 14 of scenarios/common/base.yaml)</small>"), page);
    }

    @Test
    void historyIdsDependOnTheScenarioNotOnItsPosition(@TempDir Path one, @TempDir Path two) throws Exception {
        List<VariantOutcome> outcomes = List.of(Outcomes.judged("a/first", "base", 1, 0.5), Outcomes.judged("a/first", "wide", 1, 0.5),
                Outcomes.judged("b/second", "base", 2, 0.5), Outcomes.judged("c", "base", 1, 0.99));
        AllureResults forward = new AllureResults(one);
        for (int i = 0; i < outcomes.size(); i++) {
            VariantOutcome o = outcomes.get(i);
            forward.test(o.result().name(), i + 1, l -> sink(forward).variant(o));
        }
        // reordered, one file removed and another added: every surviving test keeps its id
        List<VariantOutcome> reordered = new ArrayList<>(List.of(outcomes.get(3), Outcomes.judged("a/new", "base", 1, 0.5), outcomes.get(1), outcomes.get(0)));
        AllureResults backward = new AllureResults(two);
        for (int i = 0; i < reordered.size(); i++) {
            VariantOutcome o = reordered.get(i);
            backward.test(o.result().name(), i + 1, l -> sink(backward).variant(o));
        }
        Map<String, String> before = idsBySuiteAndName(forward.results());
        Map<String, String> after = idsBySuiteAndName(backward.results());
        // results are named "variant: title" (the JUnit test is named by the variant alone)
        assertEquals(Map.of("a/first base: Two moons base", "a/first#base", "a/first wide: Two moons wide", "a/first#wide",
                "b/second base: Two moons base", "b/second#base", "c base: Two moons base", "c#base"), before);
        for (String kept : List.of("a/first base: Two moons base", "a/first wide: Two moons wide", "c base: Two moons base")) assertEquals(before.get(kept), after.get(kept), kept);
        assertEquals("a/new#base", after.get("a/new base: Two moons base"));
    }

    @Test
    void comparisonsAndInvalidFilesGetStableIdsToo(@TempDir Path dir) throws Exception {
        AllureResults run = new AllureResults(dir);
        VariantOutcome base = Outcomes.judged("seeds/moons", "base", 1, 0.5);
        Verdict cmp = new Verdict("mean base.test.accuracy > mean wide.test.accuracy", Outcomes.at("seeds/moons", 40), true, 0.01,
                Double.NaN, 0.003, "difference 0.01, p = 0.003");
        VariantOutcome wide = Outcomes.judged("seeds/moons", "wide", 2, 0.5);
        FileOutcome file = new FileOutcome(new ScenarioFile("seeds/moons", Outcomes.file("seeds/moons"),
                List.of(base.result().scenario(), wide.result().scenario()), List.of()), List.of(base, wide), List.of(cmp));
        run.test("comparisons between variants", 7, l -> sink(run).comparisons(file));
        run.test("scenarios/broken.yaml is a valid scenario", 8, l -> sink(run).invalid("broken", "scenarios/broken.yaml", "broken.yaml:3:1: unknown key 'mdoel'"));
        Map<String, Map<String, Object>> byId = run.results().stream().collect(Collectors.toMap(r -> (String) r.get("historyId"), r -> r));
        assertEquals(java.util.Set.of("seeds/moons#comparisons", "broken#base"), byId.keySet());
        assertEquals(List.of(cmp.sentence()), list(byId.get("seeds/moons#comparisons"), "steps").stream().map(s -> s.get("name")).toList());
        String overlay = (String) byId.get("seeds/moons#comparisons").get("descriptionHtml");
        assertTrue(overlay.contains("test.accuracy per epoch, variants overlaid") && overlay.contains(">base<") && overlay.contains(">wide (mean, min-max of 2 runs)<"),
                "one chart overlays the variants: " + overlay);
        assertEquals("problems.txt", list(byId.get("broken#base"), "attachments").get(0).get("name"));
        assertEquals(List.of("scenarios"), labels(byId.get("broken#base"), "epic"));
    }

    @Test
    void aScenarioThatDemonstratesAPitfallShowsItsExpectedFindingAsPassedNotBroken(@TempDir Path dir) throws Exception {
        var expect = new dev.trainspec.scenario.Expectation.Diagnosis("diagnosis includes non_finite", true, "non_finite", Outcomes.at("bugs/nan", 12));
        var s = Outcomes.scenario("bugs/nan", "base", 1, List.of(expect));
        VariantOutcome judged = Outcomes.judge(Outcomes.result(s, List.of(Outcomes.diverged(0))));
        var findings = List.of(new dev.trainspec.check.Finding("non_finite", dev.trainspec.check.Finding.Severity.ERROR, "NaN at epoch 4", "lower lr"),
                new dev.trainspec.check.Finding("plateau", dev.trainspec.check.Finding.Severity.ERROR, "flat", "train longer"));
        VariantOutcome o = new VariantOutcome(judged.result(), judged.verdicts(), findings);
        AllureResults run = new AllureResults(dir);
        run.test("base", 1, l -> sink(run).variant(o));
        Map<String, Object> r = run.results().get(0);
        assertTrue(labels(r, "tag").contains("demonstration"), labels(r, "tag").toString());
        Map<String, String> steps = new TreeMap<>();
        for (Map<String, Object> step : list(r, "steps")) steps.put((String) step.get("name"), (String) step.get("status"));
        assertEquals("passed", steps.get("demonstrated pitfall non_finite [error]"), steps.toString());
        assertEquals("broken", steps.get("diagnosis plateau [error]"), "a finding nobody asked for still breaks");
    }

    @Test
    void aVariantThatCouldNotRunStillGetsAPageWithItsError(@TempDir Path dir) throws Exception {
        var s = Outcomes.scenario("seeds/slow", "base", 1, List.of());
        var r = new dev.trainspec.run.VariantResult(s, List.<RunResult>of(), Map.of(), null, "", 3.2,
                "seeds/slow.yaml:7:3: budget exceeded: 3.20 s > 1.0 s before the run with seed 0 started");
        AllureResults run = new AllureResults(dir);
        run.test("base", 1, l -> sink(run).variant(Outcomes.judge(r)));
        Map<String, Object> result = run.results().get(0);
        assertTrue(((String) result.get("descriptionHtml")).contains("budget exceeded"));
        assertEquals(List.of("metrics.html", "slow.yaml"), list(result, "attachments").stream().map(a -> a.get("name")).toList());
    }

    private static Map<String, String> idsBySuiteAndName(List<Map<String, Object>> results) {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> r : results) out.put(labels(r, "suite").get(0) + " " + r.get("name"), (String) r.get("historyId"));
        return out;
    }

    private static String source(Map<String, Object> r, String name) {
        return list(r, "attachments").stream().filter(a -> name.equals(a.get("name"))).map(a -> (String) a.get("source")).findFirst().orElseThrow();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
