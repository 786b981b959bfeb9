package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scenarios/README.md section 7: usage errors and refusals before training are 2, internal errors 3 with a file. */
class ExitCodesTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/cli/scenarios");

    @TempDir
    Path out;

    private static Cli.Outcome execute(String... args) {
        return MainTest.execute(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "lint", "data", "schema", "bench", "summary"}) {
            Cli.Outcome o = execute(command, "--help");
            assertEquals(0, o.exit(), command + " --help: " + o.stderr());
            assertTrue(o.stdout().startsWith("Usage: trainspec " + command), o.stdout());
        }
    }

    @Test
    void usageErrorsExitTwoWithPicocliUsage() {
        Cli.Outcome typo = execute("run", "--upd", "x");
        assertEquals(2, typo.exit());
        assertTrue(typo.stderr().contains("Unknown option: '--upd'"), typo.stderr());
        assertTrue(typo.stderr().contains("Usage: trainspec run"), typo.stderr());
        Cli.Outcome missing = execute("lint");
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().contains("Usage: trainspec lint"), missing.stderr());
        assertEquals(2, execute().exit());
    }

    @Test
    void lintRefusesExactlyWhatRunRefusesBeforeTraining() {
        Path file = SCENARIOS.resolve("refused/wrong-width.yaml");
        Cli.Outcome lint = execute("lint", file.toString());
        assertEquals(2, lint.exit(), lint.stderr());
        assertTrue(lint.stderr().contains("wrong-width.yaml:4:26: model: expected 1 output(s) for bce_with_logits on 2 classes"), lint.stderr());
        Cli.Outcome run = execute("run", "--json", out.toString(), file.toString());
        assertEquals(2, run.exit(), run.stderr());
        assertTrue(run.stdout().contains("expected 1 output(s)"), run.stdout());
        assertTrue(run.stdout().contains("0 passed, 0 failed, 1 refused before training"), run.stdout());
    }

    @Test
    void anExpectationThatCanNeverBeJudgedIsRefusedByLintAndRunAlike() {
        // the loader's refusal (one value on a side of a test) and the prepared data's (a metric this kind of run never records)
        String[][] cases = {
                {"refused/p-on-a-number.yaml", "p-on-a-number.yaml:10:26: expect[0]: expected a metric with a value per run on both sides"},
                {"refused/r2-on-classification.yaml", "r2-on-classification.yaml:10:10: expect: expected a metric of test that a classification"
                        + " run records (loss, accuracy, max_class_share), found 'test.r2' (did you mean 'test.accuracy'?)"}};
        for (String[] c : cases) {
            Path file = SCENARIOS.resolve(c[0]);
            Cli.Outcome lint = execute("lint", file.toString());
            assertEquals(2, lint.exit(), lint.stderr());
            assertTrue(lint.stderr().contains(c[1]), lint.stderr());
            Cli.Outcome run = execute("run", "--json", out.toString(), file.toString());
            assertEquals(2, run.exit(), run.stdout() + run.stderr());
            assertTrue((run.stdout() + run.stderr()).contains(c[1]), run.stdout() + run.stderr());
        }
    }

    @Test
    void updateUnderCiIsRefusedNotIgnored() {
        // the test JVM's environment cannot be changed; the policy is resolved from it, so check both cases
        boolean ci = "true".equalsIgnoreCase(System.getenv().getOrDefault("CI", ""));
        Cli.Outcome o = execute("run", "--update", "bogus", "--json", out.toString(), SCENARIOS.resolve("ok").toString());
        assertEquals(2, o.exit());
        assertTrue(o.stderr().contains("--update: update policy: expected none, new or all, found 'bogus'"), o.stderr());
        if (ci) assertEquals(2, execute("run", "--update", "all", "--json", out.toString(), SCENARIOS.resolve("ok").toString()).exit());
    }

    @Test
    void aMalformedSettingIsAUsageErrorOfRunAndLintNamingItNotACrash() {
        // JAVA_OPTS=-Dtrainspec.threads=abc once killed the JVM in run.Workers' static initialiser (exit 1, a raw
        // stack trace), and a malformed limit was exit 3 "internal error"
        String ok = SCENARIOS.resolve("ok").toString();
        String[][] cases = {{"trainspec.threads", "trainspec.threads: expected a positive integer, found 'abc'"},
                {"trainspec.limits.maxSteps", "trainspec.limits.maxSteps: expected a positive number, found 'abc'"}};
        for (String[] c : cases) {
            String before = System.getProperty(c[0]);
            System.setProperty(c[0], "abc");
            try {
                for (String[] args : new String[][] {{"run", "--json", out.toString(), ok}, {"lint", ok}}) {
                    Cli.Outcome o = execute(args);
                    assertEquals(2, o.exit(), args[0] + " with " + c[0] + ": " + o.stderr());
                    assertEquals(c[1], o.stderr().strip(), args[0]);
                }
            } finally {
                if (before == null) System.clearProperty(c[0]);
                else System.setProperty(c[0], before);
            }
        }
        assertEquals(0, execute("run", "--help").exit(), "help needs no settings");
    }

    @Test
    void anInternalErrorIsOneLineAndAFileWithTheStackTrace() throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit = new Crash().handleExecutionException(new IllegalStateException("widths differ"), null, null);
        } finally {
            System.setErr(oldErr);
        }
        String line = stderr.toString(StandardCharsets.UTF_8).strip();
        assertEquals(3, exit);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("this is a bug, please report it with this file: "), line);
        Path file = Path.of(line.substring(line.lastIndexOf(": ") + 2));
        assertTrue(Files.readString(file).contains("at dev.trainspec.cli.ExitCodesTest"), "the stack trace is in " + file);
        Files.delete(file);
    }
}
