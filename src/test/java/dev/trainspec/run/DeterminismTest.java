package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** Same scenario and seed, same bits: every recorded metric of every epoch, twice over. */
class DeterminismTest {
    private static final Path ROOT = Path.of("src/test/resources/cli/scenarios");

    @Test
    void theSameScenarioTrainsToTheSameBitsTwice() {
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve("ok/moons.yaml"), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        List<VariantResult> first = ScenarioRunner.run(file);
        List<VariantResult> second = ScenarioRunner.run(file);
        assertEquals(first.size(), second.size());
        for (int v = 0; v < first.size(); v++) {
            assertNull(first.get(v).error(), first.get(v).error());
            assertEquals(first.get(v).data().fingerprint(), second.get(v).data().fingerprint());
            History a = first.get(v).runs().get(0).training().history();
            History b = second.get(v).runs().get(0).training().history();
            assertEquals(a.names(), b.names());
            for (String metric : a.names()) {
                assertArrayEquals(bits(a.series(metric)), bits(b.series(metric)), metric);
            }
        }
    }

    @Test
    void oneThreadAndManyThreadsGiveTheSameBits() {
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve("repeat/moons-variants.yaml"), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        ExecutorService one = Workers.create(1);
        ExecutorService four = Workers.create(4);
        try {
            List<VariantResult> serial = ScenarioRunner.start(file, one).join();
            List<VariantResult> parallel = ScenarioRunner.start(file, four).join();
            assertEquals(serial.size(), parallel.size());
            for (int v = 0; v < serial.size(); v++) {
                assertNull(serial.get(v).error(), serial.get(v).error());
                assertEquals(serial.get(v).name(), parallel.get(v).name());
                assertEquals(serial.get(v).runs().size(), parallel.get(v).runs().size());
                for (int r = 0; r < serial.get(v).runs().size(); r++) {
                    RunResult a = serial.get(v).runs().get(r);
                    RunResult b = parallel.get(v).runs().get(r);
                    assertEquals(a.seed(), b.seed());
                    for (String metric : a.training().history().names()) {
                        assertArrayEquals(bits(a.training().history().series(metric)), bits(b.training().history().series(metric)),
                                serial.get(v).name() + " seed " + a.seed() + " " + metric);
                    }
                }
            }
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    private static long[] bits(double[] series) {
        return Arrays.stream(series).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
