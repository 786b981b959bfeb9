package dev.trainspec.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds scenario files: every {@code *.yaml} / {@code *.yml} below the given paths (or the path
 * itself), sorted, optionally filtered by a glob matched against the path relative to the
 * scenarios root (e.g. {@code seeds/**} or {@code **moons*}).
 * <p>
 * Links, FIFOs and devices named like scenarios are found too, not skipped: the loader refuses
 * them by the workspace's confinement rule, and a refused file is a visible error rather than a
 * scenario that silently never ran. Links to folders are not followed.
 */
public final class Discovery {
    private Discovery() {}

    public static List<Path> find(List<Path> paths, Path scenariosRoot, String glob) {
        PathMatcher matcher = glob == null || glob.isBlank() ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
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
        Path root = scenariosRoot.toAbsolutePath().normalize();
        return out.stream().filter(p -> {
            Path abs = p.toAbsolutePath().normalize();
            Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
            return matcher.matches(rel) || matcher.matches(abs) || matcher.matches(rel.getFileName());
        }).toList();
    }

    /** True for the files a folder search takes: {@code *.yaml} and {@code *.yml}, hidden ones left out. */
    public static boolean isScenario(Path p) {
        String n = p.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
    }
}
