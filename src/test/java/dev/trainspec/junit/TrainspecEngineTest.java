package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.trainspec.report.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The engine seen from JUnit's side: selectors, hierarchy, sources, tags, what trains, and what fails. */
class TrainspecEngineTest {
    @TempDir
    Path tmp;

    private EngineTestKit.Builder engine(EngineWorkspace ws, DiscoverySelector... selectors) {
        return EngineTestKit.engine(TrainspecEngine.ID).selectors(selectors)
                .configurationParameter(EngineSettings.JSON, ws.json().toString());
    }

    private static TestDescriptor discover(EngineTestKit.Builder builder) {
        return builder.discover().getEngineDescriptor();
    }

    private static List<String> names(TestDescriptor d) {
        return d.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
    }

    private static TestDescriptor child(TestDescriptor d, String displayName) {
        return d.getChildren().stream().filter(c -> c.getDisplayName().equals(displayName)).findFirst().orElseThrow();
    }

    private static int line(TestDescriptor d) {
        return ((FileSource) d.getSource().orElseThrow()).getPosition().orElseThrow().getLine();
    }

    /** What an IDE sends to re-run one variant: the file by its absolute path, then the variant's name. */
    private static UniqueId variantId(EngineWorkspace ws, String variant) {
        return UniqueId.forEngine(TrainspecEngine.ID).append(FileDescriptor.SEGMENT, ws.quick().toString()).append(VariantDescriptor.SEGMENT, variant);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trainedVariants(Path json, String id) throws IOException {
        Map<String, Object> result = (Map<String, Object>) JsonReader.parse(Files.readString(json.resolve(id + ".json")));
        return (List<Map<String, Object>>) result.get("variants");
    }

    @Test
    void aDirectoryBecomesAContainerPerFileTitledAndATestPerVariantAtItsLine() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        TestDescriptor root = discover(engine(ws, selectDirectory(ws.scenarios.toFile())));
        assertEquals(List.of("Other circles", "Quick moons"), names(root));
        TestDescriptor quick = child(root, "Quick moons");
        assertEquals(ws.quick().toFile(), ((FileSource) quick.getSource().orElseThrow()).getFile());
        assertEquals(1, line(quick));
        assertEquals(List.of("base", "slow", "wide", "comparisons"), names(quick));
        // trainspec.naming=long, for reports that list every file's tests together (Surefire's XML)
        TestDescriptor longNames = child(discover(engine(ws, selectDirectory(ws.scenarios.toFile())).configurationParameter(EngineSettings.NAMING, "long")), "Quick moons");
        assertEquals(List.of("base: Quick moons", "slow: Quick moons", "wide: Quick moons", "comparisons between variants: Quick moons"), names(longNames));
        assertEquals(1, line(child(quick, "base")));
        assertEquals(EngineWorkspace.SLOW_LINE, line(child(quick, "slow")));
        assertEquals(EngineWorkspace.WIDE_LINE, line(child(quick, "wide")));
        assertEquals(Set.of(TestTag.create("fast"), TestTag.create("moons")), child(quick, "wide").getTags());
        assertEquals(variantId(ws, "wide"), child(quick, "wide").getUniqueId());
    }

    @Test
    void aFileLineSelectsTheVariantWhoseOverrideHoldsItAndAnyOtherLineSelectsBase() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        for (int[] c : new int[][] {{EngineWorkspace.SLOW_LINE, 1}, {EngineWorkspace.INSIDE_SLOW, 1}, {EngineWorkspace.WIDE_LINE, 2}, {EngineWorkspace.BASE_LINE, 0}}) {
            TestDescriptor quick = discover(engine(ws, selectFile(ws.quick().toFile(), FilePosition.from(c[0])))).getChildren().iterator().next();
            String expected = List.of("base", "slow", "wide").get(c[1]);
            assertEquals(List.of(expected), names(quick), "line " + c[0]);
        }
    }

    @Test
    void reRunningOneVariantByUniqueIdTrainsItAndWhatItNamesOnlyWithTheSameBitsAsAFullRun() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        engine(ws, selectFile(ws.quick().toFile())).execute().testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        List<Map<String, Object>> full = trainedVariants(ws.json(), "quick");
        assertEquals(List.of("base", "slow", "wide"), full.stream().map(v -> v.get("name")).toList());

        EngineExecutionResults one = engine(ws, selectUniqueId(variantId(ws, "slow"))).execute();
        one.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        List<Map<String, Object>> trained = trainedVariants(ws.json(), "quick");
        assertEquals(List.of("slow"), trained.stream().map(v -> v.get("name")).toList(), "only the selected variant trains");
        assertEquals(full.get(1).get("runs"), trained.get(0).get("runs"), "the same seeds, histories and final metrics as the full run");

        // wide's own expectation reads base's results: base trains with it, but only wide is reported
        engine(ws, selectUniqueId(variantId(ws, "wide"))).execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(List.of("base", "wide"), trainedVariants(ws.json(), "quick").stream().map(v -> v.get("name")).toList());
    }

    @Test
    void scenarioSelectorsThatMatchNothingFailUnlessAnEmptySelectionIsAllowed() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Path empty = Files.createDirectories(tmp.resolve("scenarios/empty"));
        EngineExecutionResults none = engine(ws, selectDirectory(empty.toFile())).execute();
        none.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Event failed = none.testEvents().failed().list().get(0);
        String message = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertEquals("no scenario matched directory " + empty + " (after tag filters such as -Dgroups, and trainspec.shard off);"
                + " set the configuration parameter trainspec.allowEmpty=true to accept an empty selection", message);

        // accepted: one skipped test that says so (a @Suite that counts no test at all fails)
        EngineExecutionResults allowed = engine(ws, selectDirectory(empty.toFile())).configurationParameter(EngineSettings.ALLOW_EMPTY, "true").execute();
        allowed.testEvents().assertStatistics(s -> s.started(0).skipped(1));
        assertEquals("no scenario matched directory " + empty + " (after tag filters such as -Dgroups, and trainspec.shard off);"
                + " allowed by trainspec.allowEmpty=true", allowed.testEvents().skipped().list().get(0).getPayload(String.class).orElseThrow());
    }

    @Test
    void ordinaryTestClassesAreNotScenarioSelectors() {
        EngineExecutionResults r = EngineTestKit.engine(TrainspecEngine.ID).selectors(selectClass(TrainspecEngineTest.class), selectClass(String.class)).execute();
        r.allEvents().assertStatistics(s -> s.started(1).succeeded(1)); // the engine itself, with nothing under it
        assertTrue(r.testEvents().list().isEmpty());
    }

    @Test
    void aFileThatDoesNotLoadIsOneFailedTestWithTheLoadersMessage() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Path broken = ws.addInvalid();
        EngineExecutionResults r = engine(ws, selectFile(broken.toFile())).execute();
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = r.testEvents().failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertTrue(t.getMessage().startsWith("invalid scenario:\n"), t.getMessage());
        assertTrue(t.getMessage().contains("broken.yaml:2:1"), t.getMessage());
        assertEquals(0, t.getStackTrace().length, "a user's mistake carries no stack trace of the engine");

        // a file that does not load has no tags to match: a tag filter does not hide it
        engine(ws, selectDirectory(ws.scenarios.toFile())).filters(TagFilter.includeTags("slow")).execute()
                .testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileThatDoesNotLoadWritesAnErrorResultLikeTheCli() throws IOException {
        // section 7: every file of the run has DIR/<id>.json, status "error" for an invalid scenario
        EngineWorkspace ws = new EngineWorkspace(tmp);
        ws.addInvalid();
        engine(ws, selectDirectory(ws.scenarios.toFile())).execute();
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(Files.readString(ws.json().resolve("broken.json")));
        assertEquals("broken", json.get("id"));
        assertEquals("scenarios/broken.yaml", json.get("file"));
        assertEquals("error", json.get("status"));
        // the problems as the loader gives them, each file shown relative to the root: results are published, the machine's folders are not
        assertTrue(json.get("error").toString().contains("\nscenarios/broken.yaml:2:1: unknown key 'mdoel'"), json.toString());
        assertFalse(json.get("error").toString().contains(tmp.toString()), json.toString());
        assertEquals(List.of(), json.get("variants"));
        assertEquals("passed", ((Map<String, Object>) JsonReader.parse(Files.readString(ws.json().resolve("quick.json")))).get("status"));
    }

    @Test
    void theShardTakesAStableShareOfTheFilesAndAnEmptyShardIsAllowedWhenSaid() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Set<String> seen = new java.util.TreeSet<>();
        for (int i = 1; i <= 2; i++) {
            TestDescriptor root = discover(engine(ws, selectDirectory(ws.scenarios.toFile())).configurationParameter(EngineSettings.SHARD, i + "/2"));
            // an empty shard holds the "no scenario matched" test instead
            Set<String> files = root.getChildren().stream().filter(FileDescriptor.class::isInstance).map(TestDescriptor::getDisplayName)
                    .collect(Collectors.toSet());
            assertTrue(seen.stream().noneMatch(files::contains), "a file in two shards: " + files);
            seen.addAll(files);
        }
        assertEquals(Set.of("Other circles", "Quick moons"), seen);
    }

    @Test
    void aMalformedConfigurationParameterIsAFailedTestNamingIt() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Map<String, String> cases = Map.of(EngineSettings.SHARD, "trainspec.shard: expected i/n such as 2/4, found 'two'",
                EngineSettings.THREADS, "trainspec.threads: expected a positive integer, found 'two'",
                EngineSettings.UPDATE, "trainspec.update: update policy: expected none, new or all, found 'two'",
                EngineSettings.NAMING, "trainspec.naming: expected short (tests named by their variant) or long (\"variant: title\"), found 'two'",
                EngineSettings.ENGINE, "trainspec.engine: expected java or pytorch, found 'two'",
                // run.Limits parses it when a file trains: once the engine's own crash, with no scenario reported
                EngineSettings.LIMITS + "maxSteps", "trainspec.limits.maxSteps: expected a positive number, found 'two'");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            if (c.getKey().equals(EngineSettings.UPDATE) && "true".equalsIgnoreCase(System.getenv("CI"))) continue; // CI=true forces none
            EngineExecutionResults r = engine(ws, selectDirectory(ws.scenarios.toFile())).configurationParameter(c.getKey(), "two").execute();
            r.testEvents().assertStatistics(s -> s.started(1).failed(1));
            assertEquals(c.getValue(), r.testEvents().failed().list().get(0)
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage());
        }
        assertFalse(Files.exists(ws.json()), "nothing trained");
    }

    @Test
    void aMissingSnapshotSaysHowToWriteItWithTheEnginesSettingNotTheCliJar() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Path file = Files.writeString(ws.scenarios.resolve("more/other.yaml"), EngineWorkspace.OTHER + "regression: {metrics: [test.accuracy], tolerance: 0.5}\n");
        EngineExecutionResults r = engine(ws, selectFile(file.toFile())).execute();
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String message = r.testEvents().failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("; create it with -Dtrainspec.update=new (`mvn test -Dtrainspec.update=new`), then commit it"), message);
        assertFalse(message.contains("trainspec.jar"), "a project that uses the engine has no trainspec.jar: " + message);
    }
}
