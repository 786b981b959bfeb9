package dev.trainspec.engine.data;

import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;

/**
 * The read-time check of a data file's path, behind the loader's own: the loader has resolved
 * the scenario's relative path against its folder and refused paths out of the repository; this
 * checks again, where the file is opened, so that a path built some other way (a test, a future
 * caller) or a link swapped in since loading cannot leave the repository either. What counts as
 * inside (links, the .git folder) is {@link Workspace}'s rule, not a second copy of it here.
 * Messages name files relative to the root, never the root itself: they reach public results.
 */
final class ConfinedPath {
    private ConfinedPath() {}

    /** The real path of {@code file} (links resolved) once it is known to stay below {@code root}. */
    static Path check(Path file, Path root) {
        if (!file.isAbsolute()) throw new CsvOptionException("path", "an absolute path (the loader resolves it against the scenario's folder)", file.toString());
        for (Path part : file) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                throw new CsvOptionException("path", "a path without '..' or '.' segments", "a path with them");
            }
        }
        Workspace workspace = new Workspace(root);
        String shown = file.startsWith(workspace.root()) ? workspace.display(file) + ", " : "";
        try {
            return workspace.regularFile(file);
        } catch (Workspace.Refused e) {
            String expected = switch (e.reason()) {
                case MISSING -> "an existing CSV file";
                case UNUSABLE -> "a regular CSV file";
                default -> e.expected();
            };
            throw new CsvOptionException("path", expected, shown + e.found());
        }
    }
}
