package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry a scenario file read last time: recalled for the same unchanged file, never for a changed one or a damaged hint. */
class EntryHintTest {
    private static final String ENTRY = "ab".repeat(32) + ".data";

    @TempDir
    Path dir;

    private Path folder() throws IOException {
        return Files.createDirectories(dir.resolve("cache"));
    }

    private Path scenario(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        return file;
    }

    private Path entry() throws IOException {
        return Files.writeString(folder().resolve(ENTRY), "rows");
    }

    private Path hint() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.toString().endsWith(EntryHint.SUFFIX)).findFirst().orElseThrow();
        }
    }

    @Test
    void theSameFileRecallsItsEntry() throws IOException {
        Path scenario = scenario("data: {}");
        Path entry = entry();
        assertNull(EntryHint.recall(folder(), scenario), "nothing remembered yet");
        EntryHint.remember(folder(), scenario, entry);
        assertEquals(entry, EntryHint.recall(folder(), scenario));
    }

    @Test
    void aChangedFileOrAnEvictedEntryRecallsNothing() throws IOException {
        Path scenario = scenario("data: {}");
        Path entry = entry();
        EntryHint.remember(folder(), scenario, entry);
        Files.setLastModifiedTime(scenario, FileTime.fromMillis(1_700_000_000_001L));
        assertNull(EntryHint.recall(folder(), scenario), "another modification time");
        scenario = scenario("data: {n: 2}");
        assertNull(EntryHint.recall(folder(), scenario), "another size at the same time");
        EntryHint.remember(folder(), scenario, entry);
        Files.delete(entry);
        assertNull(EntryHint.recall(folder(), scenario), "the entry was evicted");
    }

    @Test
    void aDamagedHintOrOneNamingAnotherFileRecallsNothing() throws IOException {
        Path scenario = scenario("data: {}");
        EntryHint.remember(folder(), scenario, entry());
        Path hint = hint();
        String text = Files.readString(hint);
        Files.writeString(hint, text.substring(0, text.length() - 1));
        assertNull(EntryHint.recall(folder(), scenario), "a torn last line");
        Files.writeString(dir.resolve("secret.data"), "not the cache's");
        Files.writeString(hint, text.replace(ENTRY, "../secret.data"));
        assertNull(EntryHint.recall(folder(), scenario), "a path out of the cache's folder");
        Files.writeString(hint, text.replace(ENTRY, "notes.txt"));
        assertNull(EntryHint.recall(folder(), scenario), "not an entry's name");
        Files.writeString(hint, text.replace("entry hint 1", "entry hint 2"));
        assertNull(EntryHint.recall(folder(), scenario), "another format");
        Files.writeString(hint, text);
        assertEquals(folder().resolve(ENTRY), EntryHint.recall(folder(), scenario), "the hint as written");
    }

    @Test
    void aHintThatCannotBeWrittenOnlyCostsTheEarlyStart() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path scenario = scenario("data: {}");
        EntryHint.remember(notAFolder, scenario, notAFolder.resolve(ENTRY));
        assertNull(EntryHint.recall(notAFolder, scenario));
    }

    @Test
    void onlyFilesNamedLikeEntriesHaveAKey() {
        assertEquals(32, DataCache.digestOfEntry(Path.of(ENTRY)).length);
        assertNull(DataCache.digestOfEntry(Path.of("ab.data")));
        assertNull(DataCache.digestOfEntry(Path.of("zz".repeat(32) + ".data")));
        assertNull(DataCache.digestOfEntry(Path.of("ab".repeat(32) + ".stats")));
    }
}
