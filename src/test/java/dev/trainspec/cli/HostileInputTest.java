package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's golden hostile inputs (src/test/resources/hostile): each file beside the exact
 * messages it must produce. Files refused by the loader are refused by {@code lint} with exit 2,
 * promptly (the deadline is generous: it catches a hang or an expansion, not a slow machine);
 * files in {@code before-training/} are valid YAML that a resource or data-kind check refuses
 * before any training starts, each variant an error with the golden message.
 */
class HostileInputTest {
    private static final Path DIR = Path.of("src/test/resources/hostile");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path out;

    static Stream<Path> refusedByLint() throws IOException {
        return yamlIn(DIR);
    }

    static Stream<Path> refusedBeforeTraining() throws IOException {
        return yamlIn(DIR.resolve("before-training"));
    }

    /** The before-training files that break a resource limit: lint answers for them as run would, without generating data. */
    static Stream<Path> limitBreakingFilesAreRefusedByLint() throws IOException {
        return refusedBeforeTraining().filter(f -> {
            try {
                return expected(f).contains("(trainspec.limits.");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource
    void limitBreakingFilesAreRefusedByLint(Path file) throws IOException {
        assertLintRefuses(file);
    }

    @ParameterizedTest
    @MethodSource
    void refusedByLint(Path file) throws IOException {
        assertLintRefuses(file);
    }

    private static void assertLintRefuses(Path file) throws IOException {
        Cli.Outcome o = assertTimeoutPreemptively(DEADLINE, () -> Cli.execute("lint", file.toString()));
        assertEquals(ExitCodes.INVALID, o.exit(), o.stderr());
        assertEquals(expected(file) + "1 scenario file(s) checked, 1 invalid\n", o.stderr());
    }

    @ParameterizedTest
    @MethodSource
    void refusedBeforeTraining(Path file) throws IOException {
        Cli.Outcome o = assertTimeoutPreemptively(DEADLINE, () -> Cli.execute("run", "--json", out.toString(), file.toString()));
        // refused before training: exit 2 (SCENARIOS.md 8.2), and lint says so without training
        assertEquals(ExitCodes.INVALID, o.exit(), o.stdout() + o.stderr());
        String message = expected(file).strip();
        assertTrue(o.stdout().contains("[base] the variant passes the checks before training (" + message + ")\n"), o.stdout());
        Cli.Outcome lint = assertTimeoutPreemptively(DEADLINE, () -> Cli.execute("lint", file.toString()));
        assertEquals(ExitCodes.INVALID, lint.exit(), lint.stderr());
        assertTrue(lint.stderr().contains(message), lint.stderr());
    }

    private static String expected(Path yaml) throws IOException {
        String name = yaml.getFileName().toString().replace(".yaml", ".expected");
        return Files.readString(yaml.resolveSibling(name), StandardCharsets.UTF_8);
    }

    private static Stream<Path> yamlIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return yaml.stream();
        }
    }
}
