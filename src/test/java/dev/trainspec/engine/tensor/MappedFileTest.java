package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapped file is cut short only when its own bytes under its name end before the mapped values. */
class MappedFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileCutShortUnderItsNameIsTold() throws Exception {
        Path f = Files.write(dir.resolve("entry.data"), new byte[4096]);
        MappedFile mapped = MappedFile.of(f, 4096);
        assertNull(mapped.cutShort(), "whole");
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.truncate(4092);
        }
        String told = mapped.cutShort();
        assertTrue(told != null && told.contains("4092 bytes, not the 4096"), told);
    }

    @Test
    void aNameThatNoLongerLeadsToTheMappedFileClaimsNothing() throws Exception {
        Path f = Files.write(dir.resolve("entry.data"), new byte[4096]);
        MappedFile mapped = MappedFile.of(f, 4096);
        // a newer entry renamed over it (shorter, to tell it apart): the mapping keeps the file it mapped
        Path newer = Files.write(dir.resolve("entry.tmp"), new byte[100]);
        Files.move(newer, f, StandardCopyOption.ATOMIC_MOVE);
        if (mapped.key() != null) assertNull(mapped.cutShort(), "another file under the name");
        Files.delete(f);
        assertNull(mapped.cutShort(), "an evicted entry");
    }
}
