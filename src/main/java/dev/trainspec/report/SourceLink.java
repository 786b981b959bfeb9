package dev.trainspec.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a reviewer opens a scenario file at a line: on GitHub when the run happens in GitHub
 * Actions ({@code TRAINSPEC_SOURCE_URL}, a blob prefix such as
 * {@code https://github.com/o/r/blob/<sha>}, wins; else {@code GITHUB_SERVER_URL},
 * {@code GITHUB_REPOSITORY} and {@code GITHUB_SHA}), otherwise the local file.
 */
public final class SourceLink {
    private SourceLink() {}

    /** {@code relative} is the file's path from the repository root, with '/' separators. */
    public static String of(Path repositoryRoot, String relative, int line, Map<String, String> env) {
        String prefix = blobPrefix(env);
        if (prefix != null) return prefix + "/" + relative + (line > 0 ? "#L" + line : "");
        return repositoryRoot.resolve(relative).toAbsolutePath().normalize().toUri().toString();
    }

    static String blobPrefix(Map<String, String> env) {
        String explicit = env.get("TRAINSPEC_SOURCE_URL");
        if (explicit != null && !explicit.isBlank()) return trim(explicit);
        String server = env.get("GITHUB_SERVER_URL");
        String repo = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        if (server == null || repo == null || sha == null || server.isBlank() || repo.isBlank() || sha.isBlank()) return null;
        return trim(server) + "/" + repo + "/blob/" + sha;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The path of {@code file} relative to {@code root} with '/' separators (absolute when outside). */
    public static String relative(Path root, Path file) {
        return new dev.trainspec.scenario.Workspace(root).display(file);
    }
}
