package dev.trainspec.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;

/**
 * {@link CodeVersion}'s hashes of one jar, remembered in the data cache's folder with the jar's
 * path, size and modification time: a fresh JVM that finds them there for the same, unchanged jar
 * reads one small file instead of walking the jar's 5,500 entries, which took 75-90 ms of the
 * cached 250,000 x 512 process on the way to its first cache read. A jar that is rebuilt or
 * replaced has another time or size, so its memo no longer matches and the hashes are computed
 * again. Written like the cache's entries ({@link AtomicWrite}); a memo that cannot be read or
 * written only costs the computation, and a damaged one is never served.
 */
final class VersionMemo {
    private static final String MAGIC = "trainspec code versions 1";
    static final String SUFFIX = ".versions";

    private VersionMemo() {}

    /** What identifies the jar's contents without reading them; null when its attributes cannot be read. */
    static String stampOf(Path jar) {
        try {
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            return jar.toAbsolutePath() + "\n" + a.size() + "\n" + a.lastModifiedTime().toInstant();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The hashes remembered in {@code folder} for {@code stamp}; null when none match or the memo is damaged. */
    static CodeVersion.Versions read(Path folder, String stamp) {
        try {
            String text = Files.readString(fileOf(folder, stamp), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            String head = MAGIC + "\n" + stamp + "\n";
            if (!text.startsWith(head) || lines.length != 7 || !lines[6].isEmpty()) return null;
            String data = lines[4];
            String stats = lines[5];
            return isHash(data) && isHash(stats) ? new CodeVersion.Versions(data, stats) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Remembers {@code versions} for {@code stamp}, taken before they were computed: a jar changed meanwhile never matches. */
    static void write(Path folder, String stamp, CodeVersion.Versions versions) {
        try {
            AtomicWrite.replace(fileOf(folder, stamp), tmp -> Files.writeString(tmp,
                    MAGIC + "\n" + stamp + "\n" + versions.data() + "\n" + versions.stats() + "\n", StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // computed again next time
        }
    }

    private static boolean isHash(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** One memo per jar path (several checkouts share one cache folder), named by a hash of the path. */
    private static Path fileOf(Path folder, String stamp) {
        String path = stamp.substring(0, stamp.indexOf('\n'));
        byte[] digest = CodeVersion.sha256().digest(path.getBytes(StandardCharsets.UTF_8));
        return folder.resolve("jar-" + HexFormat.of().formatHex(digest, 0, 8) + SUFFIX);
    }
}
