package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.Named;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other process of {@link DataCacheTest#twoProcessesWritingAtOnce}: in a loop, removes the
 * entry and asks the cache for it, so it writes while the test's own process reads, writes and
 * removes the same entry. Exit 0 when every answer had the generator's bits and no entry was ever
 * seen damaged; 1 otherwise, with the reason on stdout.
 */
public final class CacheWriterProcess {
    private CacheWriterProcess() {}

    public static void main(String[] args) throws Exception {
        System.exit(race(Path.of(args[0]), Integer.parseInt(args[1])) == null ? 0 : 1);
    }

    /** Null when all rounds were right, else the first thing that went wrong. */
    static String race(Path folder, int rounds) throws Exception {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        DataCache cache = new DataCache(folder, Long.MAX_VALUE, 0, new PrintStream(notes, true, StandardCharsets.UTF_8));
        Named source = CacheSources.everyKind().get(0);
        Dataset expected = DataSources.generate(source, 11);
        Path entry = null;
        for (int i = 0; i < rounds; i++) {
            if (entry != null && i % 2 == 0) Files.deleteIfExists(entry);
            String diff = CacheSources.difference(expected, CacheSources.stored(cache, source, 11));
            if (diff != null) {
                System.out.println("round " + i + ": " + diff + " differ");
                return diff;
            }
            if (notes.size() > 0) {
                System.out.println("round " + i + ": " + notes);
                return notes.toString(StandardCharsets.UTF_8);
            }
            try (var files = Files.list(folder)) {
                entry = files.filter(f -> f.toString().endsWith(".data")).findFirst().orElse(null);
            }
        }
        return null;
    }
}
