package dev.trainspec.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Where a scenario file belongs (scenarios/README.md section 7), the one owner of that rule for the CLI and the
 * JUnit engine: the root is the nearest ancestor folder of the file holding {@code pom.xml},
 * {@code build.gradle}, {@code build.gradle.kts} or {@code .git}; ids are paths below
 * {@code <root>/scenarios/} without {@code .yaml}; snapshots live in
 * {@code <root>/reports/baselines/<id>.yaml}; {@code csv} and {@code extends} may not leave the
 * root. The working directory never enters: the same file gets the same workspace from anywhere.
 * <p>
 * It is also the one confinement rule for every file trainspec reads or writes on a scenario's
 * behalf (scenario files, {@code extends}, snapshots, JSON results): the real path, links
 * followed, lies under the real root, and is a regular file of bounded size, never a FIFO, a
 * device or a folder. A refusal ({@link Refused}) says what the path is, never what it holds:
 * the content of a file linked from a pull request must not reach a public log. Nor does it name
 * the root's absolute path: messages go into public results, and the machine's layout is not theirs.
 * <p>
 * Git's own folder is not part of the repository's content: a path through a folder named
 * {@code .git} (as written or after following links) is refused like a path outside, because
 * {@code .git/config} may hold a CI token (actions/checkout keeps one there).
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

    /**
     * True when the path stays below the root, both as written and after following links, and
     * goes through no {@code .git} folder either way.
     */
    public boolean contains(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || throughGit(root, abs)) return false;
        try {
            Path realRoot = root.toRealPath();
            Path existing = abs;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            if (existing == null) return true;
            Path real = existing.toRealPath();
            return real.startsWith(realRoot) && !throughGit(realRoot, real);
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder git keeps its own files in (configuration, credentials, objects); never scenario content. */
    static final String GIT_FOLDER = ".git";

    /**
     * Whether {@code path} (below {@code base}) has a segment named {@code .git}, the root marker
     * file of a worktree included. Case is ignored: on a case-insensitive file system {@code .GIT}
     * is the same folder.
     */
    private static boolean throughGit(Path base, Path path) {
        for (Path part : base.relativize(path)) {
            if (part.toString().equalsIgnoreCase(GIT_FOLDER)) return true;
        }
        return false;
    }

    /**
     * Reads a file once it is confined: its real path under the real root, a regular file of at
     * most {@code maxBytes} (read through a bounded stream, so a file that grows while read does
     * not get past the bound either).
     *
     * @throws Refused when the file is outside, not a regular file, too large or unreadable
     */
    public byte[] read(Path file, long maxBytes) throws Refused {
        Path real = regularFile(file);
        BasicFileAttributes attributes = attributes(real);
        if (attributes.size() > maxBytes) throw new Refused(Refused.Reason.TOO_LARGE, "a file of at most " + maxBytes + " bytes", attributes.size() + " bytes");
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            if (bytes.length > maxBytes) throw new Refused(Refused.Reason.TOO_LARGE, "a file of at most " + maxBytes + " bytes", "a file that grows while read");
            return bytes;
        } catch (IOException e) {
            throw new Refused(Refused.Reason.UNUSABLE, "a readable file", "an unreadable file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The path to write {@code file} at: its folder (created if missing) lies under the real root,
     * and the file is absent or a regular file, not a link (a write through a committed link
     * would land wherever it points).
     *
     * @throws Refused when writing there would leave the root or replace something else
     */
    public Path writable(Path file) throws Refused {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) throw new Refused(Refused.Reason.OUTSIDE, "a path inside the repository", "a path that leaves it");
        createConfined(abs.getParent());
        BasicFileAttributes attributes = attributes(abs);
        if (attributes != null && !attributes.isRegularFile()) throw new Refused(Refused.Reason.UNUSABLE, "a regular file or no file", kind(attributes));
        return abs;
    }

    /**
     * Creates {@code folder} one segment at a time from the root, checking each existing segment's
     * real path first, so that a linked folder on the way is refused before anything is created
     * behind it. The root itself is created when missing (a results folder named on the command line).
     */
    private void createConfined(Path folder) throws Refused {
        try {
            Files.createDirectories(root);
            Path realRoot = root.toRealPath();
            Path at = root;
            for (Path part : root.relativize(folder)) {
                at = at.resolve(part);
                if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createDirectory(at);
                    } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                        // another writer (a parallel variant, another process) made it first: checked below like any folder
                    }
                }
                if (!at.toRealPath().startsWith(realRoot)) throw new Refused(Refused.Reason.OUTSIDE, "a folder inside the repository", "a link to a folder outside the repository");
                if (!Files.isDirectory(at)) throw new Refused(Refused.Reason.UNUSABLE, "a folder", "a file at " + display(at));
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused(Refused.Reason.UNUSABLE, "a folder that can be created", e.getClass().getSimpleName() + " at " + display(folder));
        }
    }

    /**
     * The real path of a file that may be read: under the real root and a regular file (for a
     * reader that bounds its own reading, such as the CSV reader).
     *
     * @throws Refused when the file is outside, missing or not a regular file
     */
    public Path regularFile(Path file) throws Refused {
        Path real = confined(file);
        BasicFileAttributes attributes = attributes(real);
        if (attributes == null) throw new Refused(Refused.Reason.MISSING, "an existing file", "no such file");
        if (!attributes.isRegularFile()) throw new Refused(Refused.Reason.UNUSABLE, "a regular file", kind(attributes));
        return real;
    }

    private Path confined(Path file) throws Refused {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) throw new Refused(Refused.Reason.OUTSIDE, "a file inside the repository", "a path that leaves it");
        if (throughGit(root, abs)) throw gitFolder();
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            throw new Refused(Refused.Reason.MISSING, "an existing file", "no such file");
        }
        Path realRoot = realRoot();
        if (!real.startsWith(realRoot)) throw new Refused(Refused.Reason.OUTSIDE, "a file inside the repository", "a link to a file outside the repository");
        if (throughGit(realRoot, real)) throw gitFolder(); // a link into .git, checked after resolving it
        return real;
    }

    private static Refused gitFolder() {
        return new Refused(Refused.Reason.GIT_FOLDER, "a file inside the repository, outside its .git folder", "a path through the .git folder");
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        if (a.isSymbolicLink()) return "a symbolic link";
        return "a FIFO, socket or device";
    }

    /** A file the confinement rule refuses: what was expected and what the path is (never its content). */
    public static final class Refused extends IOException {
        /** Why, for callers that word the problem in their own terms. */
        public enum Reason { OUTSIDE, GIT_FOLDER, MISSING, TOO_LARGE, UNUSABLE }

        private final Reason reason;
        private final String expected;
        private final String found;

        public Refused(Reason reason, String expected, String found) {
            super("expected " + expected + ", found " + found);
            this.reason = reason;
            this.expected = expected;
            this.found = found;
        }

        public Reason reason() {
            return reason;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }
}
