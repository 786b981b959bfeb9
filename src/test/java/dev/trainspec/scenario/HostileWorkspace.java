package dev.trainspec.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workspace in a temporary folder, with a secret beside it that no message may ever quote (issue 14's confinement tests). */
public final class HostileWorkspace {
    /** What a file outside the workspace holds; a test fails if any output contains it. */
    public static final String SECRET = "ghp_secretTokenThatMustNeverBePrinted";

    private HostileWorkspace() {}

    /** {@code <tmp>/repo}, a workspace root (it holds pom.xml), as a real path so that messages name it exactly. */
    public static Path root(Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo")).toRealPath();
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        return root;
    }

    /** {@code <tmp>/token.txt}, outside the workspace, holding {@link #SECRET}. */
    public static Path secret(Path tmp, String prefix) throws IOException {
        return Files.writeString(tmp.resolve("token.txt"), prefix + SECRET + "}}\n");
    }
}
