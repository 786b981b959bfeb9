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
    void aSecondFileWithTheSameIdIsAFailedTestNamingTheFirstAndTheFirstStillRuns() throws IOException {
        Path scenarios = project();
        Files.writeString(scenarios.resolve("a.yaml"), "id: same\n" + EngineWorkspace.OTHER);
        Files.writeString(scenarios.resolve("b.yaml"), "id: same\n" + EngineWorkspace.OTHER.replace("Other circles", "Second circles"));
        EngineExecutionResults r = engine(scenarios).execute();
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        String message = r.testEvents().failed().stream().findFirst().orElseThrow().getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("'same', the id of scenarios/a.yaml"), message);
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
