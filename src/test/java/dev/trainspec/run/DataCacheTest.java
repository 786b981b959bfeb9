package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.ChildJvm;
import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.FiniteValues;
import dev.trainspec.engine.tensor.StorageChanged;
import dev.trainspec.scenario.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk data cache gives the generator's bits: fresh, from disk, after damage, and under a race. */
class DataCacheTest {
    @TempDir
    Path folder;
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();

    private DataCache cache(long maxBytes) {
        return new DataCache(folder, maxBytes, 0, new PrintStream(notes, true, StandardCharsets.UTF_8));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void readsBackTheGeneratorsBitsForEveryStorageKind() throws IOException {
        DataCache cache = cache(Long.MAX_VALUE);
        for (Named source : CacheSources.everyKind()) {
            Dataset generated = DataSources.generate(source, 5);
            assertNull(CacheSources.difference(generated, CacheSources.stored(cache, source, 5)), source + " first (generated, stored)");
            Dataset read = CacheSources.stored(cache, source, 5);
            assertNull(CacheSources.difference(generated, read), source + " second (read from disk)");
            assertEquals(FactsOf.fingerprint(generated), FactsOf.fingerprint(read), "the stored fingerprint is the data's");
        }
        assertEquals(3, entries().size());
        assertTrue(entries().stream().allMatch(f -> f.toString().endsWith(".data")), "no temporary file left: " + entries());
        assertEquals("", notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEntryRecordsWhetherItsValuesAreFiniteSoReadingDoesNotScanThemAgain() throws IOException {
        byte[] key = new byte[32];
        float[] x = {0.5f, -1f, 2f, 3f, 4f, Float.NaN};
        Dataset withNaN = Dataset.float32Classification(x, 3, 2, new int[] {0, 1, 0}, 2);
        Dataset finite = Dataset.float32Classification(java.util.Arrays.copyOf(x, 4), 2, 2, new int[] {0, 1}, 2);
        for (Dataset d : List.of(withNaN, finite)) {
            Path f = folder.resolve(d == finite ? "finite.data" : "nan.data");
            Files.createFile(f);
            CacheEntry.write(f, d, "0123456789abcdef", FiniteValues.isFinite(d), key);
            CacheEntry.Read read = CacheEntry.read(f, key);
            assertEquals(d == finite, read.finite());
            assertNull(CacheSources.difference(d, read.data()));
        }
        Dataset readWithNaN = CacheEntry.read(folder.resolve("nan.data"), key).data();
        assertThrows(IllegalArgumentException.class, () -> FiniteValues.require(readWithNaN), "a NaN read back is still refused");
    }

    @Test
    void aDamagedEntryIsDetectedAndGeneratedAgain() throws IOException {
        Named source = CacheSources.everyKind().get(0);
        Dataset generated = DataSources.generate(source, 5);
        List<Consumer<Path>> damages = List.of(
                f -> flipByte(f, CacheEntry.HEADER + 1000),  // a feature value
                f -> flipByte(f, 0),                          // the format's magic
                f -> flipByte(f, 20),                         // the column count
                f -> truncate(f, CacheEntry.HEADER + 10),     // a torn write
                f -> truncate(f, 3));
        for (Consumer<Path> damage : damages) {
            DataCache cache = cache(Long.MAX_VALUE);
            CacheSources.stored(cache, source, 5);
            Path entry = entries().get(0);
            damage.accept(entry);
            notes.reset();
            assertNull(CacheSources.difference(generated, CacheSources.stored(cache, source, 5)));
            assertTrue(notes.toString(StandardCharsets.UTF_8).contains("is damaged"), notes.toString(StandardCharsets.UTF_8));
            notes.reset();
            assertNull(CacheSources.difference(generated, CacheSources.stored(cache, source, 5)), "the entry was written again");
            assertEquals("", notes.toString(StandardCharsets.UTF_8), "and reads back whole");
        }
    }

    @Test
    void anEntryUnderAnotherKeysNameIsNotServed() throws IOException {
        Named a = CacheSources.everyKind().get(0);
        DataCache cache = cache(Long.MAX_VALUE);
        CacheSources.stored(cache, a, 5);
        Path written = entries().get(0);
        // the same file renamed to what seed 6 would be called: its header names seed 5's key
        Path other = folder.resolve(java.util.HexFormat.of().formatHex(DataCache.digest(a, 6)) + ".data");
        Files.copy(written, other);
        assertNull(CacheSources.difference(DataSources.generate(a, 6), CacheSources.stored(cache, a, 6)));
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("written for another key"));
    }

    @Test
    void theKeyIsWhatTheGeneratorReads() {
        Named noState = CacheSources.named("make_moons", "n_samples", 100L);
        Named state7 = CacheSources.named("make_moons", "n_samples", 100L, "random_state", 7L);
        assertEquals(java.util.Arrays.toString(DataCache.digest(noState, 7)), java.util.Arrays.toString(DataCache.digest(state7, 99)),
                "random_state 7 draws what scenario seed 7 draws");
        assertNotEquals(java.util.Arrays.toString(DataCache.digest(noState, 7)), java.util.Arrays.toString(DataCache.digest(noState, 8)));
        assertNotEquals(java.util.Arrays.toString(DataCache.digest(noState, 7)),
                java.util.Arrays.toString(DataCache.digest(CacheSources.named("make_moons", "n_samples", 101L), 7)));
    }

    @Test
    void theCapEvictsTheLeastRecentlyUsedEntries() throws IOException {
        List<Named> sources = CacheSources.everyKind();
        long embeddings = CacheEntry.size(DataSources.generate(sources.get(0), 5));
        long classification = CacheEntry.size(DataSources.generate(sources.get(1), 5));
        DataCache cache = cache(embeddings + classification);
        CacheSources.stored(cache, sources.get(0), 5);
        CacheSources.stored(cache, sources.get(1), 5);
        assertEquals(2, entries().size());
        // the embeddings entry used long ago: the next store evicts it, not the newer classification entry
        Path oldest = folder.resolve(java.util.HexFormat.of().formatHex(DataCache.digest(sources.get(0), 5)) + ".data");
        Files.setLastModifiedTime(oldest, FileTime.fromMillis(0));
        CacheSources.stored(cache, sources.get(2), 5);
        assertFalse(Files.exists(oldest));
        assertEquals(2, entries().size());
    }

    @Test
    void aBadSettingIsWarnedAboutOnceHoweverOftenTheCacheIsAskedFor() {
        // the read-ahead, the run and its statistics each ask for it
        String old = System.getProperty(DataCache.MAX_PROPERTY);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setProperty(DataCache.MAX_PROPERTY, "three lots");
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) assertTrue(DataCache.configured() != null, "a bad cap never turns the cache off");
        } finally {
            System.setErr(err);
            if (old == null) System.clearProperty(DataCache.MAX_PROPERTY);
            else System.setProperty(DataCache.MAX_PROPERTY, old);
        }
        String warned = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, warned.split("found 'three lots'", -1).length - 1, warned);
    }

    @Test
    void offAndTheCapAreReadFromSystemProperties() {
        String old = System.getProperty(DataCache.PROPERTY);
        try {
            System.setProperty(DataCache.PROPERTY, "off");
            assertNull(DataCache.configured());
            System.setProperty(DataCache.PROPERTY, folder.toString());
            assertTrue(DataCache.configured() != null);
        } finally {
            if (old == null) System.clearProperty(DataCache.PROPERTY);
            else System.setProperty(DataCache.PROPERTY, old);
        }
        assertEquals(DataCache.DEFAULT_MAX_MB, DataCache.maxMegabytes(null));
        assertEquals(512, DataCache.maxMegabytes(" 512 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataCache.maxMegabytes("2GB"));
        assertEquals("trainspec.cache.maxMB: expected a size in megabytes (0 or more), found '2GB'", e.getMessage());
    }

    @Test
    void twoProcessesWritingAtOnce() throws Exception {
        Process other = ChildJvm.of(List.of(), CacheWriterProcess.class.getName(), folder.toString(), "200").redirectErrorStream(true).start();
        String mine = CacheWriterProcess.race(folder, 200);
        assertTrue(other.waitFor(120, TimeUnit.SECONDS), "the other process finished");
        String theirs = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNull(mine, "this process");
        assertEquals(0, other.exitValue(), "the other process: " + theirs);
        assertTrue(entries().stream().allMatch(f -> f.toString().endsWith(".data")), "no temporary file left: " + entries());
    }

    /**
     * The fault of reading a mapping cut short under the run is told as a changed entry, with the
     * cache's folder, wrapped as the run's futures wrap it; other errors are not. The JVM raises it
     * when the thread next polls, so its wording is taken as JDK 17 gives it (seen from compiled
     * code and from the interpreter) rather than provoked here.
     */
    @Test
    void aMappingCutShortUnderTheRunIsToldAsAChangedEntry() {
        String before = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, folder.toString());
        try {
            for (String jvm : List.of("a fault occurred in a recent unsafe memory access operation in compiled Java code",
                    "a fault occurred in an unsafe memory access operation")) {
                String told = DataCache.entryChangedDuringRun(new IllegalStateException(new java.util.concurrent.CompletionException(new InternalError(jvm))));
                assertNotNull(told, jvm);
                assertTrue(told.contains("changed on disk while this run read it") && told.contains(folder.toString()), told);
            }
            // the mapping's own check after an epoch or an evaluation
            String checked = DataCache.entryChangedDuringRun(new StorageChanged("entry.data holds 10 bytes, not the 20 its values were mapped from"));
            assertTrue(checked != null && checked.contains("changed on disk while this run read it"), checked);
            assertNull(DataCache.entryChangedDuringRun(new InternalError("something else")));
            assertNull(DataCache.entryChangedDuringRun(new IllegalStateException("a bug")));
        } finally {
            if (before == null) System.clearProperty(DataCache.PROPERTY);
            else System.setProperty(DataCache.PROPERTY, before);
        }
    }

    private static void flipByte(Path f, long at) {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            c.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            c.write(b, at);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void truncate(Path f, long size) {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.truncate(size);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
