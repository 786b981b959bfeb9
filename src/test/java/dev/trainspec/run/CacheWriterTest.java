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
        // the writer's thread held by a write submitted before, so the entry is still to be written
        CacheWriter.submit(folder.resolve("held.data"), DataSources.generate(source, 6), () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
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
