package dev.trainspec.run;

import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of one run, so that two files never share one: an id names the JSON result
 * ({@code <id>.json}) and the snapshot ({@code reports/baselines/<id>.yaml}), and two files with
 * one id would overwrite each other's. Ids are compared as the paths they become
 * ({@code seeds//x}, {@code seeds/./x} and {@code seeds/x} are one file).
 * <p>
 * The rule is symmetric: when files share an id, every one of them is invalid, each with a problem
 * naming the others, and none trains. A first-claimer-wins rule let a file from a pull request
 * take another file's id and write a passing result in its place (the comment then said "fixed"),
 * and which file won depended on their names' sort order. So every file of the run claims its id
 * ({@link #claim}) before any file runs, and only then is each checked ({@link #check}); both the
 * CLI and the JUnit engine load every file first for this. A file that does not load claims its
 * default id, the one its error result takes, so that a loaded file cannot take that id from it either.
 */
public final class ScenarioIds {
    private final Map<String, Set<Path>> holders = new HashMap<>();

    /** A file of the run as loaded: its scenario, or the problem that keeps it from loading. */
    public record Loaded(Path file, Workspace workspace, ScenarioFile scenario, ScenarioException problem) {
        /** Loads {@code file} in its workspace; a file that does not load keeps its problem instead of throwing it. */
        public static Loaded of(Path file) {
            Workspace workspace = Workspace.of(file);
            try {
                return new Loaded(file, workspace, ScenarioLoader.load(file, workspace), null);
            } catch (ScenarioException e) {
                return new Loaded(file, workspace, null, e);
            }
        }

        /** The id this file writes under: its own when it loads, else its default id (where its error result goes). */
        public String id() {
            return scenario != null ? scenario.id() : workspace.defaultId(file);
        }

        /** The id its error result takes: the default id, which no other file of the workspace has by default. */
        public String errorId() {
            return workspace.defaultId(file);
        }

        private Loaded invalid(ScenarioException e) {
            return new Loaded(file, workspace, null, e);
        }
    }

    /** Records the file's id; call for every file of the run before {@link #check}ing any. */
    public synchronized void claim(Loaded file) {
        holders.computeIfAbsent(key(file.id()), k -> new LinkedHashSet<>()).add(normal(file.file()));
    }

    /**
     * The file as it may run: unchanged when no other file of the run claimed its id, else
     * invalid with a problem naming the others (each of them gets the same problem naming it).
     */
    public synchronized Loaded check(Loaded file) {
        if (file.scenario() == null) return file;
        List<String> others = new ArrayList<>();
        for (Path p : holders.getOrDefault(key(file.id()), Set.of())) {
            if (!p.equals(normal(file.file()))) others.add(file.workspace().display(p));
        }
        if (others.isEmpty()) return file;
        return file.invalid(new ScenarioException(new Problem(new Origin(file.file(), 1, 1), "id",
                "an id no other scenario file uses (it names the JSON result and the snapshot)",
                "'" + file.id() + "', also the id of " + String.join(" and ", others) + ": none of them runs",
                "set a different id in all but one of them")));
    }

    /**
     * Whether another file owns {@code id}, so that an invalid file's error result written there
     * would replace that file's real result: true when exactly one file claimed it and it is not
     * {@code file}. An id claimed by two files or more belongs to none of them (all are invalid,
     * and each writes its error under its own default id).
     */
    public synchronized boolean heldByOther(String id, Path file) {
        Set<Path> h = holders.get(key(id));
        return h != null && h.size() == 1 && !h.contains(normal(file));
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The id as the file path it becomes: empty segments and '.' segments dropped. */
    static String key(String id) {
        return Path.of(id).normalize().toString().replace('\\', '/');
    }
}
