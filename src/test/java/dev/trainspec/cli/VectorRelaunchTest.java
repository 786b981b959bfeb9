package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart in a child JVM: exit codes pass through, the module notice does not. */
class VectorRelaunchTest {
    @Test
    void onlyTrainingCommandsRestartAndNotWhenTheModuleIsThere() {
        // this test JVM has the module (pom.xml argLine), so nothing restarts here
        assertFalse(VectorRelaunch.wanted(new String[] {"run", "scenarios"}));
        assertFalse(VectorRelaunch.wanted(new String[] {"lint", "scenarios"}));
        assertFalse(VectorRelaunch.wanted(new String[0]));
    }

    @Test
    void runRestartsOnlyForFilesWhoseWorkPays(@TempDir Path dir) throws Exception {
        assertFalse(VectorRelaunch.pays(new String[] {"run", "scenarios/seeds"}), "every bundled seed runs in the first JVM");
        Path big = Files.writeString(dir.resolve("big.yaml"), String.join("\n", "seed: 0",
                "data: {make_embeddings: {n_samples: 1000000, n_features: 512}}", "model: [linear: 64, relu, linear: 2]",
                "loss: cross_entropy", "optimizer: {sgd: {lr: 0.1}}", "train: {epochs: 3, batch_size: 256}", "expect: [test.accuracy >= 0.5]", ""));
        assertTrue(VectorRelaunch.pays(new String[] {"run", "--json", "out", big.toString()}));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "data: [\n");
        assertFalse(VectorRelaunch.pays(new String[] {"run", bad.toString(), dir.resolve("missing.yaml").toString()}),
                "a file that does not load is left to run to report");
    }

    @Test
    void theChildsExitCodeAndErrorsComeBackWithoutTheModuleNotice(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "data: {make_moons: {n_samples: 100}}\nmodel: [linear: 2]\nloss: cross_entropy\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer code = VectorRelaunch.run(new String[] {"lint", bad.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.INVALID, code);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("bad.yaml:1:1: expected the key 'optimizer'"), errors);
        assertFalse(errors.contains("incubator"), errors);
    }
}
