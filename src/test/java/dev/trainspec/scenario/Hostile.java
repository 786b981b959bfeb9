package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads hostile bytes from a temporary folder under a deadline and returns what the user would
 * read: the ScenarioException's message with the folder cut off. Anything else (another
 * exception, a hang) fails the test: that is a loader bug.
 */
final class Hostile {
    /**
     * A hang or a quadratic blow-up takes minutes; the worst input here loads in about a second on an idle
     * 2-core machine. 30 s tells the two apart even on a machine loaded by other builds (5 s did not).
     */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    /** A valid scenario in block style, one value a line, for tests that break one line. */
    static final String VALID = """
            title: Two moons
            seed: 0
            data:
              make_moons:
                n_samples: 200
                noise: 0.2
                random_state: 42
              preprocess: standard_scaler
              split:
                test_size: 0.2
                random_state: 42
            model:
              - linear: 16
              - relu
              - dropout: 0.1
              - linear: 2
            loss: cross_entropy
            optimizer:
              sgd:
                lr: 0.1
                momentum: 0.9
            schedule:
              step_lr:
                step_size: 10
                gamma: 0.5
            train:
              epochs: 20
              batch_size: 32
              shuffle: true
            repeat: 2
            budget:
              seconds: 60
            expect:
              - mean test.accuracy >= 0.8
            """;

    private final Path dir;

    Hostile(Path dir) {
        this.dir = dir;
    }

    String message(String yaml) {
        return message(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The loader's message for these bytes; fails when they load or anything but a ScenarioException escapes. */
    String message(byte[] bytes) {
        String m = outcome(bytes);
        if (m == null) fail("expected a ScenarioException, but the file loaded");
        return m;
    }

    /** The message, or null when the bytes load; fails on any other exception or after the deadline. */
    String outcome(byte[] bytes) {
        Path file = write(bytes);
        return assertTimeoutPreemptively(DEADLINE, () -> {
            try {
                ScenarioLoader.load(file, new Workspace(dir, dir));
                return null;
            } catch (ScenarioException e) {
                return e.getMessage().replace(dir + "/", "");
            }
        }, () -> "the loader took longer than " + DEADLINE);
    }

    Path write(byte[] bytes) {
        try {
            Path file = dir.resolve("s.yaml");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
