package dev.trainspec.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds scenario files: every {@code *.yaml} / {@code *.yml} below the given paths (or the path
 * itself), sorted, optionally filtered by a {@link Glob} matched against the path relative to the
 * scenarios root (e.g. {@code seeds/**} or {@code **moons*}).
 * <p>
 * Links, FIFOs and devices named like scenarios are found too, not skipped: the loader refuses
 * them by the workspace's confinement rule, and a refused file is a visible error rather than a
 * scenario that silently never ran. Links to folders are not followed.
 */
public final class Discovery {
    private Discovery() {}

    public static List<Path> find(List<Path> paths, Path scenariosRoot, String glob) {
        Glob matcher = Glob.of(glob);
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).filter(Discovery::isScenario).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.add(p);
            }
        }
        if (matcher == null) return out;
        return out.stream().filter(p -> matcher.matches(p, scenariosRoot, null)).toList();
    }

    /**
     * A glob that selects scenario files ({@code seeds/**}, {@code **moons*}, {@code seeds/two-moons-sgd}):
     * the file matches by its path relative to the scenarios root, its absolute path, its file
     * name, or its scenario id when known (the JUnit engine's {@code trainspec.scenarios}).
     */
    public record Glob(String text, PathMatcher matcher) {
        /** The glob written; null for null or blank (every file). */
        public static Glob of(String text) {
            if (text == null || text.isBlank()) return null;
            try {
                return new Glob(text.strip(), FileSystems.getDefault().getPathMatcher("glob:" + text.strip()));
            } catch (IllegalArgumentException e) { // PatternSyntaxException: an unclosed [ or {
                throw new IllegalArgumentException("expected a glob such as seeds/** or **moons*, found '" + text + "' ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
        }

        /** @param id the scenario's id; null when the file is not loaded */
        public boolean matches(Path file, Path scenariosRoot, String id) {
            Path root = scenariosRoot.toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath().normalize();
            Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
            if (matcher.matches(rel) || matcher.matches(abs) || matcher.matches(rel.getFileName())) return true;
            try {
                return id != null && matcher.matches(Path.of(id));
            } catch (InvalidPathException e) {
                return false; // an id no path can spell matches no glob
            }
        }
    }

    /** True for the files a folder search takes: {@code *.yaml} and {@code *.yml}, hidden ones left out. */
    public static boolean isScenario(Path p) {
        String n = p.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
    }
}
