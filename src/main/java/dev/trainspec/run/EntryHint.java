package dev.trainspec.run;

import dev.trainspec.engine.tensor.Simd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Which data cache entry the first variant of a scenario file read last time, remembered in the
 * cache's folder with the file's path, size and time, the jar's, and whether the process had the
 * vector module: a fresh CLI process that runs the same unchanged file with the same jar starts
 * reading that entry at once, before it has parsed the file and worked out the entry's key (the
 * cached 250,000 x 512 run started its read 90-150 ms after {@code main}, parsing and hashing).
 * Only a hint: the run's look-up takes the read only when the key it works out names the same
 * entry ({@link ReadAhead#take} compares files), so a stale hint costs a read nobody takes,
 * never other data. The module is part of it because a process without it that restarts with it
 * ({@code VectorRelaunch}) must leave the read to its child. Written like the cache's entries
 * ({@link AtomicWrite}); a hint that cannot be read or written only costs the early start.
 */
final class EntryHint {
    private static final String MAGIC = "trainspec entry hint 1";
    static final String SUFFIX = ".hint";

    private EntryHint() {}

    /** The entry remembered for {@code scenario} in {@code folder}, if it still matches and is still there; else null. */
    static Path recall(Path folder, Path scenario) {
        try {
            String stamp = stampOf(scenario);
            if (stamp == null) return null;
            String text = Files.readString(fileOf(folder, scenario), StandardCharsets.UTF_8);
            String head = MAGIC + "\n" + stamp + "\n";
            if (!text.startsWith(head) || !text.endsWith("\n")) return null;
            String name = text.substring(head.length(), text.length() - 1);
            Path entry = folder.resolve(name);
            // a name of the cache's own entries, in this folder: never a path the hint file could point elsewhere with
            return DataCache.digestOfEntry(entry) != null && entry.getParent().equals(folder) && Files.isRegularFile(entry) ? entry : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Remembers that {@code scenario}'s first variant reads {@code entry}, unless that is what is remembered already. */
    static void remember(Path folder, Path scenario, Path entry) {
        try {
            if (entry.equals(recall(folder, scenario))) return;
            String stamp = stampOf(scenario);
            if (stamp == null) return;
            AtomicWrite.replace(fileOf(folder, scenario), tmp -> Files.writeString(tmp,
                    MAGIC + "\n" + stamp + "\n" + entry.getFileName() + "\n", StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the next process reads after parsing, as without a hint
        }
    }

    /** The scenario file's stamp, the jar's and the module's presence: what the key was worked out under. */
    private static String stampOf(Path scenario) {
        String file = VersionMemo.stampOf(scenario.toAbsolutePath().normalize());
        String code = VersionMemo.stampOf(CodeVersion.location());
        return file == null || code == null ? null : file + "\n" + code + "\nvector module " + Simd.moduleLoaded();
    }

    /**
     * One hint per scenario path, named by two CRCs of the path (not SHA-256: loading the JVM's
     * digest providers cost 13-33 ms of this early start). Two paths with the same name only take
     * turns: each reads the other's hint as not matching its stamp.
     */
    private static Path fileOf(Path folder, Path scenario) {
        byte[] path = scenario.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(path);
        CRC32C crcC = new CRC32C();
        crcC.update(path);
        return folder.resolve("scenario-" + HexFormat.of().toHexDigits(crc.getValue() << 32 | crcC.getValue()) + SUFFIX);
    }
}
