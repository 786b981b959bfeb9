package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code versions remembered for a jar: served while it is the same file, never after it changed or when the memo is damaged. */
class VersionMemoTest {
    private static final CodeVersion.Versions HASHES = new CodeVersion.Versions("a".repeat(64), "0123456789abcdef".repeat(4));

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Path jar(String name, String contents) throws IOException {
        Path jar = dir.resolve(name);
        Files.writeString(jar, contents);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        return jar;
    }

    private Path memo() throws IOException {
        try (Stream<Path> files = Files.list(cache())) {
            return files.filter(p -> p.toString().endsWith(VersionMemo.SUFFIX)).findFirst().orElseThrow();
        }
    }

    @Test
    void theSameJarReadsBackItsHashes() throws IOException {
        String stamp = VersionMemo.stampOf(jar("a.jar", "classes"));
        assertNotNull(stamp);
        assertNull(VersionMemo.read(cache(), stamp), "nothing remembered yet");
        VersionMemo.write(cache(), stamp, HASHES);
        assertEquals(HASHES, VersionMemo.read(cache(), stamp));
    }

    @Test
    void aRebuiltJarIsNotServed() throws IOException {
        Path jar = jar("a.jar", "classes");
        VersionMemo.write(cache(), VersionMemo.stampOf(jar), HASHES);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_001L));
        assertNull(VersionMemo.read(cache(), VersionMemo.stampOf(jar)), "another modification time");
        Files.writeString(jar, "other classes");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        assertNull(VersionMemo.read(cache(), VersionMemo.stampOf(jar)), "another size at the same time");
    }

    @Test
    void eachJarPathHasAMemoOfItsOwn() throws IOException {
        String a = VersionMemo.stampOf(jar("a.jar", "classes"));
        String b = VersionMemo.stampOf(jar("b.jar", "classes"));
        VersionMemo.write(cache(), a, HASHES);
        assertNull(VersionMemo.read(cache(), b));
        CodeVersion.Versions other = new CodeVersion.Versions(HASHES.stats(), HASHES.data());
        VersionMemo.write(cache(), b, other);
        assertEquals(HASHES, VersionMemo.read(cache(), a), "b's memo did not replace a's");
        assertEquals(other, VersionMemo.read(cache(), b));
    }

    @Test
    void aDamagedMemoOrAMissingJarIsNeverServed() throws IOException {
        String stamp = VersionMemo.stampOf(jar("a.jar", "classes"));
        VersionMemo.write(cache(), stamp, HASHES);
        Path memo = memo();
        String text = Files.readString(memo);
        Files.writeString(memo, text.substring(0, text.length() - 2));
        assertNull(VersionMemo.read(cache(), stamp), "a torn last line");
        Files.writeString(memo, text.replace("aaaa", "aaxa"));
        assertNull(VersionMemo.read(cache(), stamp), "not a hash");
        Files.writeString(memo, text + HASHES.data() + "\n");
        assertNull(VersionMemo.read(cache(), stamp), "a line too many");
        Files.writeString(memo, text.replace("code versions 1", "code versions 2"));
        assertNull(VersionMemo.read(cache(), stamp), "another format");
        Files.writeString(memo, text);
        assertEquals(HASHES, VersionMemo.read(cache(), stamp), "the memo as written");
        assertNull(VersionMemo.stampOf(dir.resolve("gone.jar")), "no stamp for a jar that is not there");
    }

    @Test
    void aMemoThatCannotBeWrittenOnlyCostsTheComputation() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        String stamp = VersionMemo.stampOf(jar("a.jar", "classes"));
        VersionMemo.write(notAFolder, stamp, HASHES);
        assertNull(VersionMemo.read(notAFolder, stamp));
    }
}
