package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics kept beside a data cache entry: the computed bits back, and computed again when they cannot be trusted. */
class StatsCacheTest {
    @TempDir
    Path folder;
    private final Dataset data = DataSources.generate(CacheSources.everyKind().get(0), 5);
    private final int[] rows = {3, 1, 4, 15, 9, 2, 6};
    private final AtomicInteger computed = new AtomicInteger();

    private List<DataFacts.FeatureStats> stats(String print, int[] picked) {
        Supplier<List<DataFacts.FeatureStats>> compute = () -> {
            computed.incrementAndGet();
            return FactsOf.stats(data, picked);
        };
        return StatsCache.orCompute(folder, print, picked, data.cols(), compute);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> f = Files.list(folder)) {
            return f.toList();
        }
    }

    @Test
    void storedStatisticsReadBackWithTheComputedBits() throws IOException {
        List<DataFacts.FeatureStats> first = stats("0123456789abcdef", rows);
        List<DataFacts.FeatureStats> second = stats("0123456789abcdef", rows);
        assertEquals(first, second, "records of doubles: equal means the same bits, NaN and -0.0 included");
        assertEquals(1, computed.get(), "the second time from the file");
        assertEquals(1, files().size());
        assertTrue(files().get(0).toString().endsWith(StatsCache.SUFFIX));
    }

    @Test
    void otherRowsOrOtherDataAreComputed() {
        stats("0123456789abcdef", rows);
        stats("0123456789abcdef", new int[] {3, 1, 4});
        stats("fedcba9876543210", rows);
        assertEquals(3, computed.get());
    }

    @Test
    void withoutAKnownPrintNothingIsStored() throws IOException {
        stats(null, rows);
        stats(null, rows);
        assertEquals(2, computed.get());
        assertEquals(List.of(), files());
    }

    @Test
    void aDamagedFileIsComputedAgainAndReplaced() throws IOException {
        List<DataFacts.FeatureStats> expected = stats("0123456789abcdef", rows);
        Path file = files().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        assertEquals(expected, stats("0123456789abcdef", rows));
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(expected, stats("0123456789abcdef", rows));
        assertEquals(3, computed.get());
        assertEquals(expected, stats("0123456789abcdef", rows), "written whole again");
        assertEquals(3, computed.get());
    }
}
