package dev.trainspec.junit;

import dev.trainspec.check.UpdatePolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scenarios a test run covers, from system properties: {@code trainspec.root} (the
 * repository, default the working directory), {@code trainspec.dir} (default
 * {@code scenarios}), {@code trainspec.scenarios} (a glob) and {@code trainspec.tags} (a,b) and {@code trainspec.update} (none|new|all, regression snapshots),
 * {@code trainspec.json} (where JSON results go, default {@code target/trainspec}) and
 * {@code trainspec.shard} (i/n: a stable 1/n of the scenarios, by a hash of their id; see {@link Shard}).
 */
record Selection(Path repositoryRoot, Path scenariosRoot, String glob, Set<String> tags, UpdatePolicy update, Path jsonDir, Shard shard) {
    static Selection fromSystemProperties() {
        Path root = Path.of(System.getProperty("trainspec.root", ".")).toAbsolutePath().normalize();
        Path dir = root.resolve(System.getProperty("trainspec.dir", "scenarios")).normalize();
        String tags = System.getProperty("trainspec.tags", "");
        Set<String> tagSet = Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        return new Selection(root, dir, System.getProperty("trainspec.scenarios"), tagSet,
                UpdatePolicy.resolve(System.getProperty("trainspec.update"), System.getenv()),
                root.resolve(System.getProperty("trainspec.json", "target/trainspec")),
                Shard.parse(System.getProperty("trainspec.shard")));
    }

    /** The id a file gets when it declares none: its path under the scenarios folder without .yaml (also used for files that do not load). */
    String defaultId(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String rel = (abs.startsWith(scenariosRoot) ? scenariosRoot.relativize(abs) : abs.getFileName()).toString().replace('\\', '/');
        return rel.replaceFirst("\\.ya?ml$", "");
    }
}
