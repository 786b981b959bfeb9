package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants share prepared data and baselines exactly when everything preparing reads is equal. */
class SharedPreparationTest {
    private static final Executor NOW = Runnable::run;

    @Test
    void onlyVariantsWithTheSameDataAndSeedShare(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                data:
                  make_moons: {n_samples: 200, noise: 0.1, random_state: 0}
                model: [linear: 8, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 2, batch_size: 32}
                baselines: [logistic_regression]
                variants:
                  faster: {optimizer: {sgd: {lr: 0.5}}}
                  other_seed: {seed: 7}
                  more_rows:
                    data:
                      make_moons: {n_samples: 300}
                """);
        ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(dir, dir));
        List<Scenario> v = loaded.variants();
        assertEquals(List.of("base", "faster", "other_seed", "more_rows"), v.stream().map(Scenario::variant).toList());
        SharedPreparation shared = SharedPreparation.forVariants(v.size());
        PreparedData base = shared.data(v.get(0), NOW).join();
        assertSame(base, shared.data(v.get(1), NOW).join(), "only the optimizer differs");
        assertNotSame(base, shared.data(v.get(2), NOW).join(), "another seed draws other rows");
        assertNotSame(base, shared.data(v.get(3), NOW).join(), "another data section");
        assertSame(shared.baselines(v.get(0), base, NOW).join(), shared.baselines(v.get(1), base, NOW).join());

        SharedPreparation alone = SharedPreparation.forVariants(1); // a one-variant file builds no keys, and still prepares once
        assertSame(alone.data(v.get(0), NOW).join(), alone.data(v.get(0), NOW).join());
    }
}
