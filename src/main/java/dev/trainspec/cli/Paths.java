package dev.trainspec.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository and its scenarios folder are, seen from a scenario path: the nearest
 * ancestor folder named {@code scenarios} (ids are relative to it) and its parent (the root that
 * data files and {@code extends} may not leave). Without such a folder, the working directory.
 */
final class Paths {
    private Paths() {}

    static Path scenariosRoot(Path anyPath) {
        for (Path p = anyPath.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("scenarios") && Files.isDirectory(p)) return p;
        }
        return Path.of("").toAbsolutePath();
    }

    static Path repositoryRoot(Path scenariosRoot) {
        Path cwd = Path.of("").toAbsolutePath();
        if (scenariosRoot.startsWith(cwd)) return cwd;
        return scenariosRoot.getFileName() != null && scenariosRoot.getFileName().toString().equals("scenarios")
                ? scenariosRoot.getParent() : scenariosRoot;
    }
}
