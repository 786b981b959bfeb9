package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * scenarios/README.md section 4: an error-level finding fails its variant unless an expectation names
 * it. The bundled two-moons recipe with a softmax layer before the fused cross_entropy (softmax
 * applied twice) still reaches its accuracy, so only this rule makes it fail.
 */
class PitfallByDefaultTest {
    private static final Path SEED = Path.of("scenarios/seeds/two-moons-sgd.yaml").toAbsolutePath();

    private static FileOutcome judge(String yaml) {
        Workspace workspace = Workspace.of(SEED);
        ScenarioFile file = ScenarioLoader.load(yaml.getBytes(StandardCharsets.UTF_8), SEED, workspace);
        return Checker.judge(file, ScenarioRunner.run(file));
    }

    private static String withSoftmax() throws Exception {
        String yaml = Files.readString(SEED);
        assertTrue(yaml.contains("  - linear: 2\n"), "the seed's last layer moved; update this test");
        // the edit: a softmax layer, and only the final accuracy as expectation
        return yaml.replace("  - linear: 2\n", "  - linear: 2\n  - softmax\n").replaceAll("(?s)regression: .*", "")
                + "expect:\n  - test.accuracy >= 0.95\n";
    }

    @Test
    void softmaxBeforeCrossEntropyFailsThoughTheAccuracyHolds() throws Exception {
        VariantOutcome o = judge(withSoftmax()).variants().get(0);
        assertEquals(Status.FAILED, o.status());
        assertEquals(1, o.failures().size(), "only the finding fails: " + o.failures());
        Verdict v = o.failures().get(0);
        assertEquals("no error-level finding (found softmax_before_cross_entropy)", v.text());
        assertTrue(v.detail().contains("accept it with the expectation 'diagnosis includes softmax_before_cross_entropy'"), v.detail());
    }

    @Test
    void namingTheFindingAcceptsIt() throws Exception {
        String accepted = withSoftmax().replace("expect:\n", "expect:\n  - diagnosis includes softmax_before_cross_entropy\n");
        assertEquals(Status.PASSED, judge(accepted).variants().get(0).status());
    }
}
