package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.trainspec.report.JsonReader;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The engine's own execution, under Allure's JUnit Platform listener as in a user's build, gives
 * each variant its Allure result: the stable scenario id as history id, the labels, one step per
 * expectation, the tables as attachments and the charts on the page.
 */
class EngineAllureTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byHistoryId(Path dir) throws IOException {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                Map<String, Object> r = (Map<String, Object>) JsonReader.parse(Files.readString(f));
                out.put((String) r.get("historyId"), r);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.getOrDefault(key, List.of());
    }

    @Test
    void everyVariantAndTheComparisonsGetTheirAllureResult() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp.resolve("project"));
        Path results = tmp.resolve("allure-results");
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        AllureLifecycle before = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        try {
            LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle)).build();
            LauncherFactory.create(config).execute(LauncherDiscoveryRequestBuilder.request().selectors(selectFile(ws.quick().toFile()))
                    .configurationParameter(EngineSettings.JSON, ws.json().toString()).build());
        } finally {
            Allure.setLifecycle(before);
        }
        Map<String, Map<String, Object>> r = byHistoryId(results);
        assertEquals(List.of("quick#base", "quick#comparisons", "quick#slow", "quick#wide"), List.copyOf(r.keySet()));
        Map<String, Object> wide = r.get("quick#wide");
        assertEquals("wide: Quick moons", wide.get("name"));
        assertEquals("passed", wide.get("status"));
        List<String> labels = list(wide, "labels").stream().map(l -> l.get("name") + "=" + l.get("value")).toList();
        for (String l : List.of("epic=scenarios", "feature=make_moons", "story=Quick moons", "parentSuite=scenarios", "suite=quick")) {
            assertTrue(labels.contains(l), l + " in " + labels);
        }
        assertEquals(List.of("tag=fast", "tag=moons"), labels.stream().filter(l -> l.startsWith("tag=")).toList(), "each tag once");
        List<String> steps = list(wide, "steps").stream().map(s -> (String) s.get("name")).toList();
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("mean test.accuracy >= mean base.test.accuracy - 1")), steps.toString());
        List<String> attachments = list(wide, "attachments").stream().map(a -> (String) a.get("name")).toList();
        assertTrue(attachments.containsAll(List.of("metrics.html", "quick.yaml", "history.csv")), attachments.toString());
        // charts are stored once, as SVG inside the result's page (not as attachments: the report stays small)
        assertTrue(((String) wide.get("descriptionHtml")).contains("<div class=\"trainspec-chart\"><svg "), "a chart on the page");
        assertTrue(list(r.get("quick#comparisons"), "steps").size() == 1, "one step per comparison");
    }
}
