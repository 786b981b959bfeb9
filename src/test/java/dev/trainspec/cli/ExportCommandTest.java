package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.cli.Cli.Outcome;
import dev.trainspec.export.FakePython;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code export --to pytorch} (SCENARIOS.md section 8.5): the script on stdout, exit 2 with a message otherwise. */
class ExportCommandTest {
    private static final String MOONS = "src/test/resources/cli/scenarios/ok/moons.yaml";
    private static final String VARIANTS = "src/test/resources/cli/scenarios/repeat/moons-variants.yaml";

    @Test
    void printsAStandaloneScriptForTheBaseVariant() {
        Outcome o = MainTest.execute("export", "--to", "pytorch", MOONS);
        assertEquals(0, o.exit(), o.stderr());
        assertTrue(o.stdout().startsWith("# small moons that train\n# Exported by trainspec from src/test/resources/cli/scenarios/ok/moons.yaml, variant base."),
                o.stdout());
        assertTrue(o.stdout().contains("X, y = make_moons(n_samples=200, noise=0.1, random_state=0, shuffle=True)"), o.stdout());
        assertTrue(o.stdout().contains("        nn.Linear(2, 8),\n        nn.Tanh(),\n        nn.Linear(8, 2),\n"), o.stdout());
        assertTrue(o.stdout().contains("SEEDS = [3]"), o.stdout());
        assertTrue(!o.stdout().contains("import trainspec") && !o.stdout().contains("from trainspec"), "the script needs nothing of trainspec");
    }

    @Test
    void seedAndVariantChooseWhatIsExported() {
        Outcome o = MainTest.execute("export", "--to", "pytorch", "--variant", "adam", "--seed", "42", VARIANTS);
        assertEquals(0, o.exit(), o.stderr());
        assertTrue(o.stdout().contains("variant adam."), o.stdout());
        assertTrue(o.stdout().contains("SEEDS = [42]"), o.stdout());
        assertTrue(o.stdout().contains("return torch.optim.Adam(\n        parameters,\n        lr=0.01,\n"), o.stdout());
    }

    @Test
    void anUnknownVariantIsAUsageError() {
        Outcome o = MainTest.execute("export", "--to", "pytorch", "--variant", "nope", VARIANTS);
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("--variant nope: no such variant; the file has base, "), o.stderr());
    }

    @Test
    void whatCannotBeExportedIsRefusedAtItsLine() {
        Outcome o = MainTest.execute("export", "--to", "pytorch", "src/test/resources/export/refused/two-targets.yaml");
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("two-targets.yaml:3:"), o.stderr());
        assertTrue(o.stderr().contains("data.make_regression.n_targets"), o.stderr());
        assertTrue(o.stderr().contains("n_targets: 1 for an export to PyTorch"), o.stderr());
    }

    /** Scenarios the loader accepts and the engine refuses before training: lint's message, not a script that crashes in PyTorch. */
    @ParameterizedTest
    @ValueSource(strings = {"nesterov-damp", "nesterov-nomom", "init-uniform-rev", "es-r2-cls", "plateau-acc-reg", "conv-too-big",
            "ce-width1", "unflatten-bad"})
    void whatRunRefusesBeforeTrainingIsRefusedWithLintsMessage(String name) {
        String file = "src/test/resources/export/refused/before-training/" + name + ".yaml";
        Outcome lint = MainTest.execute("lint", file);
        assertEquals(2, lint.exit(), lint.stderr());
        String refusal = lint.stderr().lines().findFirst().orElseThrow();
        assertTrue(refusal.startsWith(file + ":"), refusal);
        Outcome export = MainTest.execute("export", "--to", "pytorch", file);
        assertEquals(2, export.exit(), export.stdout());
        assertEquals("", export.stdout(), "no script for a refused variant");
        assertEquals(refusal + "\n", export.stderr());
    }

    @Test
    void anInvalidScenarioIsRefusedAsByLint() {
        Outcome o = MainTest.execute("export", "--to", "pytorch", "src/test/resources/cli/scenarios/invalid/typo.yaml");
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("typo.yaml:"), o.stderr());
    }

    /** 8.2 and 8.5: run --engine pytorch refuses (exit 2) what run refuses, with its message, before any script starts. */
    @ParameterizedTest
    @ValueSource(strings = {"nesterov-damp", "es-r2-cls", "conv-too-big", "ce-width1"})
    void runOnPytorchRefusesWhatRunRefusesBeforeLaunchingAnything(String name, @TempDir Path tmp) throws IOException {
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(tmp);
        String file = "src/test/resources/export/refused/before-training/" + name + ".yaml";
        Outcome java = MainTest.execute("run", "--json", tmp.resolve("java").toString(), file);
        Outcome torch = MainTest.execute("run", "--json", tmp.resolve("torch").toString(), "--engine", "pytorch", "--python", python.path(), file);
        assertEquals(2, java.exit(), java.stdout() + java.stderr());
        assertEquals(2, torch.exit(), torch.stdout() + torch.stderr());
        assertEquals(0, python.launched());
        assertTrue(torch.stdout().contains("0 passed, 0 failed, 1 refused before training"), torch.stdout());
        assertTrue(torch.stdout().contains(file + ":1: [base] the variant passes the checks before training (" + file + ":"), torch.stdout());
        // the same table and judgement, but for the SECONDS column
        assertEquals(java.stdout().replaceAll("\\d+\\.\\d{3}", "S"), torch.stdout().replaceAll("\\d+\\.\\d{3}", "S"));
    }

    @Test
    void runRefusesAPythonThatCannotStart() {
        Outcome o = MainTest.execute("run", "--engine", "pytorch", "--python", "/nonexistent/python3", MOONS);
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("--python /nonexistent/python3: cannot start it"), o.stderr());
    }

    @Test
    void runRefusesAnUnknownEngine() {
        Outcome o = MainTest.execute("run", "--engine", "tensorflow", MOONS);
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("--engine tensorflow: expected java or pytorch"), o.stderr());
    }
}
