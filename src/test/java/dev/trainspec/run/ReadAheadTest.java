package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.Named;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data cache entry read before the run asks for it: the run takes that read, with the same bits and the same checks. */
class ReadAheadTest {
    @TempDir
    Path folder;
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    private final Named source = CacheSources.everyKind().get(0);
    private DataCache cache;

    @BeforeEach
    void cache() {
        cache = new DataCache(folder, Long.MAX_VALUE, 0, new PrintStream(notes, true, StandardCharsets.UTF_8));
    }

    private Path entry(long seed) {
        return cache.fileOf(DataCache.digest(source, seed));
    }

    @Test
    void theLookUpTakesTheReadWithTheGeneratorsBits() throws Exception {
        Dataset generated = CacheSources.stored(cache, source, 5);
        cache.readAhead(source, 5, () -> true);
        Dataset read = CacheSources.stored(cache, source, 5);
        assertNull(CacheSources.difference(generated, read));
        assertEquals(FactsOf.fingerprint(generated), FactsOf.fingerprint(read));
        assertNull(ReadAhead.take(entry(5)), "taken by the look-up");
        assertEquals("", notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDamagedEntryReadAheadIsGeneratedAgain() throws Exception {
        Dataset generated = CacheSources.stored(cache, source, 5);
        try (var f = java.nio.channels.FileChannel.open(entry(5), java.nio.file.StandardOpenOption.WRITE)) {
            f.write(java.nio.ByteBuffer.wrap(new byte[] {42}), CacheEntry.HEADER + 100);
        }
        cache.readAhead(source, 5, () -> true);
        assertNull(CacheSources.difference(generated, CacheSources.stored(cache, source, 5)));
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("is damaged"), notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLookUpOfAnotherEntryDropsTheRead() throws Exception {
        CacheSources.stored(cache, source, 5);
        cache.readAhead(source, 5, () -> true);
        assertNull(ReadAhead.take(entry(6)), "another entry's look-up does not get it");
        assertNull(ReadAhead.take(entry(5)), "and the read is no longer kept");
    }

    @Test
    void nothingIsReadAheadWithoutAnEntry() throws Exception {
        cache.readAhead(source, 7, () -> true);
        assertNull(ReadAhead.take(entry(7)));
        assertTrue(Files.notExists(entry(7)));
    }

    @Test
    void noReadStartsOnceTheRunHasBegun() throws Exception {
        CacheSources.stored(cache, source, 5);
        cache.readAhead(source, 5, () -> false);
        assertNull(ReadAhead.take(entry(5)), "the run looks it up itself: a read started now would be held, never taken");
    }

    @Test
    void aReadThatFailedIsThrownAsTheReadsOwnError() throws Exception {
        CacheSources.stored(cache, source, 5);
        Files.writeString(entry(5), "short");
        cache.readAhead(source, 5, () -> true);
        var read = ReadAhead.take(entry(5));
        assertNotNull(read);
        assertThrows(CacheEntry.Corrupt.class, () -> ReadAhead.join(read));
    }
}
