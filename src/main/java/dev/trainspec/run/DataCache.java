package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.FiniteValues;
import dev.trainspec.engine.tensor.StorageChanged;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Generated data sets on disk, so a second process does not draw 250,000 x 512 normals again.
 * An entry's name is a SHA-256 of the generator, its parameters, the seed it draws from and the
 * {@link CodeVersion}: a change to any of them is a different entry, never a stale hit. Writes go
 * (on the {@link CacheWriter}'s thread, while the run trains) to a private temporary file that is
 * renamed into place atomically, so readers, and two
 * processes storing the same entry at once, only ever see whole files; an entry that does not
 * read back whole (see {@link CacheEntry}) is deleted and generated again. Only generators are
 * cached (a csv file can change under the same parameters), and only sets large enough for the
 * disk to beat the generator. Least recently used entries go when the folder passes its cap.
 *
 * <p>Configured by system properties (or the JUnit engine's configuration parameters):
 * {@code trainspec.cache} = {@code off} or a folder (default {@code $XDG_CACHE_HOME/trainspec/data},
 * else {@code ~/.cache/trainspec/data}); {@code trainspec.cache.maxMB} = the cap (default 4096).
 */
public final class DataCache {
    public static final String PROPERTY = "trainspec.cache";
    public static final String MAX_PROPERTY = "trainspec.cache.maxMB";
    static final long DEFAULT_MAX_MB = 4096;
    /** Below this many feature values generating takes about as long as reading a file. */
    static final long MIN_VALUES = 1 << 16;
    private static final String SUFFIX = ".data";
    /** A temporary file this old was left by a process that died while writing. */
    private static final long ABANDONED_MILLIS = 3_600_000;

    private final Path folder;
    private final long maxBytes;
    private final long minValues;
    private final PrintStream notes;

    DataCache(Path folder, long maxBytes, long minValues, PrintStream notes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.minValues = minValues;
        this.notes = notes;
    }

    /** The cache the system properties ask for; null when {@code trainspec.cache=off}. */
    static DataCache configured() {
        String where = System.getProperty(PROPERTY);
        if (where != null && where.trim().equalsIgnoreCase("off")) return null;
        Path folder;
        try {
            folder = where == null || where.isBlank() ? defaultFolder() : Path.of(where.trim());
        } catch (java.nio.file.InvalidPathException e) {
            warnOnce("trainspec: " + PROPERTY + ": not a folder (" + e.getMessage() + "); running without the data cache");
            return null;
        }
        long maxMb;
        try {
            maxMb = maxMegabytes(System.getProperty(MAX_PROPERTY));
        } catch (IllegalArgumentException e) {
            // a cache setting never stops a run: say so and keep the default
            warnOnce("trainspec: " + e.getMessage() + "; using " + DEFAULT_MAX_MB);
            maxMb = DEFAULT_MAX_MB;
        }
        return new DataCache(folder, maxMb << 20, MIN_VALUES, System.err);
    }

    /**
     * What to tell the user when {@code e} is the fault of reading a data cache entry's mapping
     * that another program cut short while a run trained from it (the JVM turns that SIGBUS into
     * an {@link InternalError} about an unsafe memory access, and the mapping's own check after an
     * epoch or an evaluation throws {@link StorageChanged}); null for anything else.
     */
    public static String entryChangedDuringRun(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageChanged || t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory access")) {
                Path folder = configuredFolder();
                return "a data cache entry changed on disk while this run read it (trainspec never changes an entry in place: another"
                        + " program truncated or overwrote a file in " + (folder == null ? "the data cache" : folder)
                        + "); run again, or with trainspec.cache=off";
            }
        }
        return null;
    }

    /** The configured cache's folder; null when {@code trainspec.cache=off}. */
    static Path configuredFolder() {
        DataCache cache = configured();
        return cache == null ? null : cache.folder;
    }

    /** Settings already warned about: the read-ahead asks for the cache before the run does, the statistics after it. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private static void warnOnce(String message) {
        if (WARNED.add(message)) System.err.println(message);
    }

    /**
     * The rows of {@code source}: a generator's from the cache when an entry is there; a file or a
     * bundled dataset read as usual (a csv file may not leave {@code root}).
     */
    static Dataset generate(Named source, long scenarioSeed, Path root) {
        DataCache cache = DataSources.isGenerator(source.name()) ? configured() : null;
        return cache == null ? DataSources.generate(source, scenarioSeed, root) : cache.lookUpOrGenerate(source, scenarioSeed);
    }

    Dataset lookUpOrGenerate(Named source, long scenarioSeed) {
        if (!holds(source)) return DataSources.generate(source, scenarioSeed);
        byte[] digest = digest(source, scenarioSeed);
        Path file = fileOf(digest);
        Dataset beingWritten = CacheWriter.writing(file);
        if (beingWritten != null) return beingWritten; // generated by an earlier run of this process: the same bits
        CompletableFuture<CacheEntry.Read> ahead = ReadAhead.take(file);
        if (ahead != null || Files.isRegularFile(file)) {
            try {
                CacheEntry.Read entry = ahead != null ? ReadAhead.join(ahead) : CacheEntry.read(file, digest);
                FactsOf.remember(entry.data(), entry.print());
                if (entry.finite()) FiniteValues.vouch(entry.data());
                touch(file);
                return entry.data();
            } catch (CacheEntry.Corrupt e) {
                notes.println("trainspec: data cache entry " + file + " is damaged (" + e.getMessage() + "); generating it again");
                deleteQuietly(file);
            } catch (NoSuchFileException e) {
                // evicted by another process between the check and the read: generate
            } catch (IOException | RuntimeException e) {
                notes.println("trainspec: cannot read data cache entry " + file + " (" + e + "); generating the data");
            }
        }
        Dataset d = DataSources.generate(source, scenarioSeed);
        if ((long) d.rows() * d.cols() >= minValues && CacheEntry.storable(d)) store(file, d, digest);
        return d;
    }

    /**
     * Starts reading the cached data of {@code file}'s first variant on its own thread
     * ({@link ReadAhead}) when there is an entry for it that the run will look up, unless a run has
     * started since {@code since} (a {@link WarmUp#runsStarted()} count: that run looks the entry up
     * itself) or the limits refuse the file before its data is made (then nobody would take the read).
     */
    public static void readAhead(ScenarioFile file, long since) {
        if (file.variants().isEmpty()) return;
        try {
            Limits.current().checkFile(file);
        } catch (RuntimeException e) {
            return;
        }
        Scenario s = file.variants().get(0);
        DataCache cache = lookingUp(s);
        if (cache != null) cache.readAhead(s.data().source(), s.seed(), () -> WarmUp.runsStarted() == since);
    }

    void readAhead(Named source, long scenarioSeed, BooleanSupplier stillAhead) {
        byte[] digest = digest(source, scenarioSeed);
        Path file = fileOf(digest);
        if (Files.isRegularFile(file)) ReadAhead.start(file, digest, stillAhead);
    }

    /**
     * The configured cache when the run of {@code s} will look its data up there; null for data
     * that is not cached or that the limits refuse before it is made (the run reports that).
     */
    private static DataCache lookingUp(Scenario s) {
        Named source = s.data().source();
        DataCache cache = DataSources.isGenerator(source.name()) ? configured() : null;
        if (cache == null || !cache.holds(source)) return null;
        try {
            Limits.current().checkBeforeData(s);
            return cache;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code source} is large enough to be cached (a small set is generated at once: no key to hash, no file to look for). */
    private boolean holds(Named source) {
        Limits.DataSize size = Limits.DataSize.of(source);
        return size != null && size.rows() * size.features() >= minValues;
    }

    Path fileOf(byte[] digest) {
        return folder.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
    }

    /**
     * Written by {@link AtomicWrite}, so the entry appears whole or not at all, on the
     * {@link CacheWriter}'s thread while the run trains.
     */
    private void store(Path file, Dataset d, byte[] digest) {
        if (CacheEntry.size(d) > maxBytes) return;
        // checked here once, so the run's own check does not scan the rows again
        boolean finite = FiniteValues.isFinite(d);
        if (finite) FiniteValues.vouch(d);
        FactsOf.printComing(d); // the run's statistics, computed before the writer gets to the print, are kept under it
        CacheWriter.submit(file, d, () -> {
            try {
                AtomicWrite.replace(file, tmp -> CacheEntry.write(tmp, d, FactsOf.fingerprint(d), finite, digest));
                evict(file);
            } catch (IOException | RuntimeException e) {
                notes.println("trainspec: cannot write data cache entry " + file + " (" + e + "); the run goes on without it");
            }
        });
    }

    /** Oldest-used entries first until the folder fits its cap; the entry just written stays. */
    private void evict(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        long total = 0;
        long now = System.currentTimeMillis();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                try {
                    if (name.endsWith(SUFFIX) || name.endsWith(StatsCache.SUFFIX) || name.endsWith(VersionMemo.SUFFIX)) {
                        entries.add(f);
                        total += Files.size(f);
                    } else if (name.endsWith(".tmp") && now - Files.getLastModifiedTime(f).toMillis() > ABANDONED_MILLIS) {
                        deleteQuietly(f);
                    }
                } catch (NoSuchFileException e) {
                    // another process evicted it meanwhile
                }
            }
        }
        if (total <= maxBytes) return;
        entries.sort(Comparator.comparing(DataCache::lastUsed).thenComparing(Path::toString));
        for (Path f : entries) {
            if (total <= maxBytes) break;
            if (f.equals(keep)) continue;
            try {
                long size = Files.size(f);
                Files.delete(f);
                total -= size;
            } catch (NoSuchFileException e) {
                // already gone
            }
        }
    }

    /** The key: what the generator reads (its name, parameters and effective seed) and its code's version. */
    static byte[] digest(Named source, long scenarioSeed) {
        Map<String, Object> params = new TreeMap<>(source.params().values());
        params.remove("random_state");
        String key = "trainspec data cache 2\n" + source.name() + "\n" + params + "\nseed=" + DataSources.seedOf(source, scenarioSeed)
                + "\ncode=" + CodeVersion.current();
        return CodeVersion.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    static long maxMegabytes(String configured) {
        if (configured == null || configured.isBlank()) return DEFAULT_MAX_MB;
        try {
            long n = Long.parseLong(configured.trim());
            if (n >= 0 && n < 1L << 40) return n;
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(MAX_PROPERTY + ": expected a size in megabytes (0 or more), found '" + configured + "'");
    }

    private static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("trainspec").resolve("data");
    }

    private static FileTime lastUsed(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A hit counts as a use for the eviction order. */
    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still serves; its order just does not learn
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // left for the next eviction pass
        }
    }
}
