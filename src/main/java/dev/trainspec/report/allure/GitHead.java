package dev.trainspec.report.allure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The commit a working tree has checked out, read from the files under .git (no git binary needed). */
final class GitHead {
    private GitHead() {}

    static String read(Path root) throws IOException {
        Path dotGit = root.resolve(".git");
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            // a worktree or submodule: ".git" is a file "gitdir: <path>"
            String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (!line.startsWith("gitdir:")) return "unknown";
            gitDir = root.resolve(line.substring("gitdir:".length()).strip()).normalize();
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (!head.startsWith("ref:")) return head;
        String ref = head.substring(4).strip();
        Path common = gitDir;
        Path commondir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commondir)) common = gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).strip()).normalize();
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) return Files.readString(loose, StandardCharsets.UTF_8).strip();
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String l : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (l.endsWith(" " + ref)) return l.substring(0, l.indexOf(' '));
            }
        }
        return "unknown";
    }
}
