package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.ChildJvm;
import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.Named;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries are written while the run goes on: a look-up meanwhile gets the rows from memory, and the exit waits for the write. */
class CacheWriterTest {
    @TempDir
    Path folder;

    @Test
    void aLookUpWhileTheEntryIsWrittenGetsTheRowsFromMemory() throws Exception {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        DataCache cache = new DataCache(folder, Long.MAX_VALUE, 0, new PrintStream(notes, true, StandardCharsets.UTF_8));
        Named source = CacheSources.everyKind().get(0);
        Path entry = folder.resolve(HexFormat.of().formatHex(DataCache.digest(source, 5)) + ".data");
        CountDownLatch release = new CountDownLatch(1);
        holdTheWriter(release); // so the entry is still to be written
        try {
            Dataset first = cache.lookUpOrGenerate(source, 5);
            assertFalse(Files.exists(entry), "not written yet");
            assertSame(first, cache.lookUpOrGenerate(source, 5), "the rows being written, not a second generation");
        } finally {
            release.countDown();
        }
        CacheWriter.awaitWrites();
        assertTrue(Files.exists(entry));
        assertNull(CacheSources.difference(DataSources.generate(source, 5), cache.lookUpOrGenerate(source, 5)), "read back from the entry");
        assertEquals("", notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statisticsComputedBeforeTheWriterHashesTheRowsAreKeptUnderTheirPrint() throws Exception {
        DataCache cache = new DataCache(folder, Long.MAX_VALUE, 0, System.err);
        Named source = CacheSources.everyKind().get(0);
        int[] rows = java.util.stream.IntStream.range(0, 200).toArray();
        String old = System.getProperty(DataCache.PROPERTY);
        CountDownLatch release = new CountDownLatch(1);
        try {
            System.setProperty(DataCache.PROPERTY, folder.toString()); // where the statistics are kept
            holdTheWriter(release);
            Dataset d = cache.lookUpOrGenerate(source, 5);
            List<DataFacts.FeatureStats> stats = FactsOf.statsOfRows(d, rows);
            assertEquals(0, statsFiles(), "not kept yet: the print is still to come");
            release.countDown();
            CacheWriter.awaitWrites();
            assertEquals(1, statsFiles());
            assertEquals(stats, StatsCache.orCompute(folder, FactsOf.fingerprint(d), rows, d.cols(), () -> {
                throw new AssertionError("computed again instead of read");
            }));
        } finally {
            release.countDown();
            if (old == null) System.clearProperty(DataCache.PROPERTY);
            else System.setProperty(DataCache.PROPERTY, old);
        }
    }

    private long statsFiles() throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(StatsCache.SUFFIX)).count();
        }
    }

    /** The writer's thread busy with a write submitted before, until {@code release}. */
    private void holdTheWriter(CountDownLatch release) {
        CacheWriter.submit(folder.resolve("held.data"), DataSources.generate(CacheSources.everyKind().get(0), 6), () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aProcessThatExitsRightAfterGeneratingStillWritesItsEntry() throws Exception {
        Process child = ChildJvm.of(List.of(), GenerateAndExitProcess.class.getName(), folder.toString()).redirectErrorStream(true).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        Named source = CacheSources.everyKind().get(0);
        byte[] key = DataCache.digest(source, 5);
        CacheEntry.Read read = CacheEntry.read(folder.resolve(HexFormat.of().formatHex(key) + ".data"), key);
        assertNull(CacheSources.difference(DataSources.generate(source, 5), read.data()), "the entry is whole: " + out);
    }

    /** Looks one entry up (generating and storing it) and exits at once with System.exit, as the CLI does. */
    public static final class GenerateAndExitProcess {
        private GenerateAndExitProcess() {}

        public static void main(String[] args) {
            new DataCache(Path.of(args[0]), Long.MAX_VALUE, 0, System.out).lookUpOrGenerate(CacheSources.everyKind().get(0), 5);
            System.exit(0);
        }
    }
}
