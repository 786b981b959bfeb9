package dev.trainspec.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project of its own in a temporary folder (a pom.xml marks its root), outside this repository
 * (every scenario learns enough not to be a majority-class pitfall, which would fail it):
 * a quick scenario with three variants (wide's expectations name base; a top-level expectation
 * compares slow with base), a second file with other tags, and a file that does not load.
 */
final class EngineWorkspace {
    static final String QUICK = """
            title: Quick moons
            tags: [fast, moons]
            seed: 0
            data:
              make_moons: {n_samples: 200, noise: 0.2, random_state: 1}
              split: {test_size: 0.25, random_state: 1}
            model:
              - linear: 8
              - relu
              - linear: 2
            loss: cross_entropy
            optimizer:
              adam: {lr: 0.05}
            train: {epochs: 20, batch_size: 32}
            repeat: 2
            expect:
              - test.accuracy >= 0.3
              - mean slow.test.accuracy <= mean base.test.accuracy + 1

            variants:
              slow:
                optimizer:
                  adam: {lr: 0.01}

              wide:
                model: [{linear: 16}, relu, {linear: 2}]
                expect:
                  - mean test.accuracy >= mean base.test.accuracy - 1
            """;
    /** Lines of QUICK: the slow variant's key and a line inside its override; wide's key; a line of base. */
    static final int SLOW_LINE = 21;
    static final int INSIDE_SLOW = 23;
    static final int WIDE_LINE = 25;
    static final int BASE_LINE = 14;

    static final String OTHER = """
            title: Other circles
            tags: [slow]
            data:
              make_circles: {n_samples: 100, noise: 0.1, factor: 0.5, random_state: 0}
            model: [{linear: 4}, relu, {linear: 2}]
            loss: cross_entropy
            optimizer: {adam: {lr: 0.05}}
            train: {epochs: 30, batch_size: 10}
            expect:
              - test.accuracy >= 0
            """;

    final Path root;
    final Path scenarios;

    EngineWorkspace(Path root) throws IOException {
        this.root = root;
        this.scenarios = root.resolve("scenarios");
        Files.createDirectories(scenarios.resolve("more"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.writeString(scenarios.resolve("quick.yaml"), QUICK);
        Files.writeString(scenarios.resolve("more/other.yaml"), OTHER);
    }

    Path quick() {
        return scenarios.resolve("quick.yaml");
    }

    Path addInvalid() throws IOException {
        return Files.writeString(scenarios.resolve("broken.yaml"), "title: Broken\nmdoel: []\n");
    }

    Path json() {
        return root.resolve("target/trainspec");
    }
}
