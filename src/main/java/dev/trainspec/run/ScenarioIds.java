package dev.trainspec.run;

import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of one run, so that two files never share one: an id names the JSON result
 * ({@code <id>.json}) and the snapshot ({@code reports/baselines/<id>.yaml}), and two files with
 * one id would overwrite each other's. Ids are compared as the paths they become
 * ({@code seeds//x}, {@code seeds/./x} and {@code seeds/x} are one file). The first file to claim
 * an id keeps it; a later one is invalid, with a problem naming both files. Both the CLI and the
 * JUnit engine claim every loaded file, in discovery order, before running it.
 */
public final class ScenarioIds {
    private final Map<String, Path> claimed = new HashMap<>();

    /**
     * Records the file's id.
     *
     * @throws ScenarioException when an earlier file of this run has the same id
     */
    public synchronized void claim(ScenarioFile file) {
        String key = key(file.id());
        Path first = claimed.putIfAbsent(key, file.file());
        if (first == null || first.equals(file.file())) return;
        Workspace workspace = Workspace.of(file.file());
        throw new ScenarioException(new Problem(new Origin(file.file(), 1, 1), "id",
                "an id no other scenario file uses (it names the JSON result and the snapshot)",
                "'" + file.id() + "', the id of " + workspace.display(first),
                "set a different id: in one of the two files"));
    }

    /**
     * Whether another file of this run claimed {@code id}: a file that does not load writes its
     * error result under its default id only when no loaded file owns that id, so it never
     * replaces a real result (it claims nothing, so it cannot make a later file invalid either).
     */
    public synchronized boolean heldByOther(String id, Path file) {
        Path holder = claimed.get(key(id));
        return holder != null && !holder.equals(file);
    }

    /** The id as the file path it becomes: empty segments and '.' segments dropped. */
    static String key(String id) {
        return Path.of(id).normalize().toString().replace('\\', '/');
    }
}
