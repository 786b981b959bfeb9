package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine under a hostile pull request: two files claiming one id, control characters in a title (variant names cannot hold any). */
class EngineHostileTest {
    @TempDir
    Path tmp;

    private EngineTestKit.Builder engine(Path scenarios) {
        return EngineTestKit.engine(TrainspecEngine.ID).selectors(selectDirectory(scenarios.toFile()))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString());
    }

    private Path project() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        return Files.createDirectories(root.resolve("scenarios"));
    }

    @Test
    void twoFilesWithTheSameIdAreBothFailedTestsNamingEachOtherAndNeitherTrains() throws IOException {
        Path scenarios = project();
        Files.writeString(scenarios.resolve("a.yaml"), "id: same\n" + EngineWorkspace.OTHER);
        Files.writeString(scenarios.resolve("b.yaml"), "id: same\n" + EngineWorkspace.OTHER.replace("Other circles", "Second circles"));
        EngineExecutionResults r = engine(scenarios).execute();
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(0).failed(2));
        List<String> messages = r.testEvents().failed().stream().map(e -> e.getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow().getMessage()).sorted().toList();
        assertTrue(messages.get(0).contains("a.yaml:1:1: id: ") && messages.get(0).contains("'same', also the id of scenarios/b.yaml"), messages.get(0));
        assertTrue(messages.get(1).contains("b.yaml:1:1: id: ") && messages.get(1).contains("'same', also the id of scenarios/a.yaml"), messages.get(1));
        // each writes its error result under its own default id; no file writes the shared one
        for (String id : List.of("a", "b")) {
            String json = Files.readString(tmp.resolve("json").resolve(id + ".json"));
            assertTrue(json.contains("\"file\":\"scenarios/" + id + ".yaml\",\"status\":\"error\""), json);
        }
        assertFalse(Files.exists(tmp.resolve("json/same.json")));
    }

    @Test
    void controlCharactersOfTitlesNeverReachTheTestNames() throws IOException {
        Path scenarios = project();
        Files.writeString(scenarios.resolve("c.yaml"), EngineWorkspace.OTHER
                .replace("title: Other circles", "title: \"Circles\\r::warning file=x::\\u001b[31mred\"")
                + "variants:\n  second:\n    seed: 1\n");
        TestDescriptor root = engine(scenarios).discover().getEngineDescriptor();
        List<String> names = root.getDescendants().stream().map(TestDescriptor::getDisplayName).toList();
        assertEquals(3, names.size(), names.toString());
        for (String n : names) {
            assertFalse(n.chars().anyMatch(c -> c < 0x20 || c == 0x7f), "a control character in " + n);
            assertFalse(n.startsWith("::"), n);
        }
    }
}
