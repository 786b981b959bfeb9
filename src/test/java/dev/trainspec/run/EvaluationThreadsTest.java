package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wide data whose evaluation borrows the pool's other threads (issue 18): at 1 thread every chunk
 * is evaluated by the run's own thread, at 2 and 3 by whichever thread takes it first. Every
 * recorded value of every epoch must have the same bits.
 */
class EvaluationThreadsTest {
    private static final Path ROOT = Path.of("src/test/resources/run/threads");

    @ParameterizedTest
    @ValueSource(strings = {"wide-classification.yaml", "wide-regression.yaml"})
    void everyRecordedValueHasTheSameBitsAtOneTwoAndThreeThreads(String name) {
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve(name), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        List<List<VariantResult>> byThreads = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++) {
            ExecutorService pool = Workers.create(threads);
            try {
                byThreads.add(ScenarioRunner.start(file, pool).join());
            } finally {
                pool.shutdown();
            }
        }
        List<VariantResult> one = byThreads.get(0);
        for (int t = 1; t < byThreads.size(); t++) {
            List<VariantResult> many = byThreads.get(t);
            assertEquals(one.size(), many.size());
            for (int v = 0; v < one.size(); v++) {
                assertNull(one.get(v).error(), one.get(v).error());
                assertNull(many.get(v).error(), many.get(v).error());
                History a = one.get(v).runs().get(0).training().history();
                History b = many.get(v).runs().get(0).training().history();
                assertEquals(a.names(), b.names());
                for (String metric : a.names()) {
                    assertArrayEquals(bits(a.series(metric)), bits(b.series(metric)),
                            one.get(v).name() + " " + metric + ": 1 thread vs " + (t + 1));
                }
            }
        }
    }

    private static long[] bits(double[] series) {
        return Arrays.stream(series).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
