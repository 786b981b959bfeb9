package dev.trainspec.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-time check of a data file's path, behind the loader's own: the loader has resolved
 * the scenario's relative path against its folder and refused paths out of the repository; this
 * checks again, where the file is opened, so that a path built some other way (a test, a future
 * caller) or a link swapped in since loading cannot leave the repository either.
 */
final class ConfinedPath {
    private ConfinedPath() {}

    /** The real path of {@code file} (links resolved) once it is known to stay below {@code root}. */
    static Path check(Path file, Path root) {
        if (!file.isAbsolute()) throw refused(file, "an absolute path (the loader resolves it against the scenario's folder)");
        for (Path part : file) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                throw refused(file, "a path without '..' or '.' segments");
            }
        }
        Path absRoot = root.toAbsolutePath().normalize();
        if (!file.startsWith(absRoot)) throw refused(file, "a file inside the repository " + absRoot);
        if (!Files.isRegularFile(file)) {
            throw new CsvOptionException("path", "an existing CSV file", file + " (no such file)");
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(absRoot.toRealPath())) {
                throw refused(file, "a file inside the repository " + absRoot + ", not a link to " + real);
            }
            return real;
        } catch (IOException e) {
            throw new CsvOptionException("path", "a readable CSV file", file + " (" + e + ")");
        }
    }

    private static CsvOptionException refused(Path file, String expected) {
        return new CsvOptionException("path", expected, file.toString());
    }
}
