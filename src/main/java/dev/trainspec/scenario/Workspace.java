package dev.trainspec.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a scenario file belongs (scenarios/README.md section 7), the one owner of that rule for the CLI and the
 * JUnit engine: the root is the nearest ancestor folder of the file holding {@code pom.xml},
 * {@code build.gradle}, {@code build.gradle.kts} or {@code .git}; ids are paths below
 * {@code <root>/scenarios/} without {@code .yaml}; snapshots live in
 * {@code <root>/reports/baselines/<id>.yaml}; {@code csv} and {@code extends} may not leave the
 * root. The working directory never enters: the same file gets the same workspace from anywhere.
 *
 * @param root the workspace root (absolute, normalised)
 * @param scenariosDir ids are relative to this folder; {@code <root>/scenarios} unless a test
 *     builds a workspace by hand
 */
public record Workspace(Path root, Path scenariosDir) {
    /** Files whose presence makes a folder a workspace root, in the order the rule lists them. */
    public static final List<String> ROOT_MARKERS = List.of("pom.xml", "build.gradle", "build.gradle.kts", ".git");
    /** The folder below the root that holds scenario files and gives them their ids. */
    public static final String SCENARIOS_FOLDER = "scenarios";

    public Workspace {
        root = root.toAbsolutePath().normalize();
        scenariosDir = scenariosDir.toAbsolutePath().normalize();
    }

    /** The workspace rooted at {@code root}, with ids below {@code <root>/scenarios}. */
    public Workspace(Path root) {
        this(root, root.toAbsolutePath().normalize().resolve(SCENARIOS_FOLDER));
    }

    /**
     * The workspace of a scenario file or folder: its nearest ancestor (itself included, for a
     * folder) that holds a root marker. Without one, the file's own folder is the root, so that
     * nothing outside it is ever read or written.
     */
    public static Workspace of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path start = Files.isDirectory(abs) ? abs : abs.getParent();
        for (Path p = start; p != null; p = p.getParent()) {
            if (isRoot(p)) return new Workspace(p);
        }
        return new Workspace(start == null ? abs : start);
    }

    static boolean isRoot(Path folder) {
        for (String marker : ROOT_MARKERS) {
            if (Files.exists(folder.resolve(marker), LinkOption.NOFOLLOW_LINKS)) return true;
        }
        return false;
    }

    /** The id a file gets when it declares none: its path below the scenarios folder (else below the root) without {@code .yaml}. */
    public String defaultId(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(scenariosDir) ? scenariosDir.relativize(abs)
                : abs.startsWith(root) ? root.relativize(abs) : abs.getFileName();
        return rel.toString().replace('\\', '/').replaceFirst("\\.ya?ml$", "");
    }

    /** The file as users see it in messages and reports: relative to the root, with forward slashes. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Where accepted regression snapshots live: {@code <root>/reports/baselines}. */
    public Path snapshotsDir() {
        return root.resolve("reports").resolve("baselines");
    }

    /** True when the path stays below the root, both as written and after following links. */
    public boolean contains(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) return false;
        try {
            Path realRoot = root.toRealPath();
            Path existing = abs;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            return existing == null || existing.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
