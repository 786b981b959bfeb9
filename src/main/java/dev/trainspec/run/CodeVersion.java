package dev.trainspec.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The version of the code that generates data, for the data cache's key: a SHA-256 over the
 * class files (in a jar: their sizes and CRC-32s) of the generators and the random streams
 * (engine.data, engine.random) and of {@link DataSources}, read from the jar or the classes
 * folder this class was loaded from. Any
 * change to that code, released or not, changes the key, so a cache never serves rows that the
 * current code would not generate; changes elsewhere (the trainer, the reports) keep the cache.
 * A jar's hashes are remembered beside the cache while the jar is unchanged ({@link VersionMemo}).
 */
final class CodeVersion {
    private static final List<String> PARTS = List.of("dev/trainspec/engine/data/", "dev/trainspec/engine/random/",
            "dev/trainspec/run/DataSources.class");
    /** The code that computes per-feature statistics, for the statistics kept beside an entry ({@link StatsCache}). */
    private static final List<String> STATS_PARTS = List.of("dev/trainspec/run/FactsOf.class", "dev/trainspec/run/StatsCache.class");
    /** Both hashes, from one pass over the jar or the classes folder. */
    record Versions(String data, String stats) {}

    private static volatile Versions versions;

    private CodeVersion() {}

    static String current() {
        return versions().data();
    }

    /** The same kind of hash over the statistics' code: a change to it is a new statistics file, never a stale one. */
    static String stats() {
        return versions().stats();
    }

    private static Versions versions() {
        Versions v = versions;
        if (v == null) versions = v = remembered();
        return v;
    }

    /**
     * For a jar, the hashes remembered in the data cache's folder while the jar is unchanged
     * ({@link VersionMemo}); for a classes folder (the tests, an IDE) or without a cache, computed.
     */
    private static Versions remembered() {
        Path location = location();
        Path folder = Files.isDirectory(location) ? null : DataCache.configuredFolder();
        String stamp = folder == null ? null : VersionMemo.stampOf(location);
        Versions known = stamp == null ? null : VersionMemo.read(folder, stamp);
        if (known != null) return known;
        Versions computed = compute(location);
        if (stamp != null) VersionMemo.write(folder, stamp, computed);
        return computed;
    }

    /** The jar or classes folder this class was loaded from. */
    private static Path location() {
        try {
            return Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot locate trainspec's own classes to version the data cache", e);
        }
    }

    private static Versions compute(Path location) {
        Map<String, byte[]> data = new TreeMap<>();
        Map<String, byte[]> stats = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = location.relativize(f).toString().replace('\\', '/');
                        Map<String, byte[]> into = partOf(name, data, stats);
                        if (into != null) into.put(name, Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    // size and CRC-32 of each class from the jar's directory: no class is inflated (0.1 s saved a run)
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        Map<String, byte[]> into = partOf(e.getName(), data, stats);
                        if (into != null) into.put(e.getName(), (e.getSize() + ":" + e.getCrc()).getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trainspec's own classes to version the data cache", e);
        }
        if (data.isEmpty() || stats.isEmpty()) throw new IllegalStateException("no generator or statistics classes found to version the data cache");
        return new Versions(hash(data), hash(stats));
    }

    /** The classes a hash covers: the generators' ({@link #PARTS}), the statistics' ({@link #STATS_PARTS}), or null. */
    private static Map<String, byte[]> partOf(String name, Map<String, byte[]> data, Map<String, byte[]> stats) {
        return wanted(name, PARTS) ? data : wanted(name, STATS_PARTS) ? stats : null;
    }

    private static String hash(Map<String, byte[]> classes) {
        MessageDigest sha = sha256();
        classes.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
        });
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static boolean wanted(String name, List<String> parts) {
        return name.endsWith(".class") && parts.stream().anyMatch(name::startsWith);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
