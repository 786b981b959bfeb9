package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code extends: other.yaml}: the other file (relative to this one, recursively resolved) is
 * deep-merged under this one. Paths may not leave the repository: absolute paths, {@code ..}
 * beyond the root and symbolic links that point outside are refused, and cycles are reported
 * with the chain of files.
 */
final class Extends {
    private final Workspace workspace;
    private final Path repositoryRoot;
    private final Problems problems;
    private final Map<Path, String> sources;

    /** sources receives the text of every file read (for locating columns inside expectations). */
    Extends(Workspace workspace, Problems problems, Map<Path, String> sources) {
        this.workspace = workspace;
        this.repositoryRoot = workspace.root();
        this.problems = problems;
        this.sources = sources;
    }

    /** The file's tree with everything it extends merged under it; the extends key is consumed. */
    Node.Mapping resolve(Node.Mapping root, Path file) {
        return resolve(root, file, new ArrayList<>(List.of(real(file))));
    }

    private Node.Mapping resolve(Node.Mapping root, Path file, List<Path> chain) {
        Node.Entry entry = root.entry("extends");
        if (entry == null) return root;
        Node.Mapping own = root.without("extends");
        Path target = target(entry.value(), file, chain);
        if (target == null) return own;
        String text = SourceText.read(target, workspace, problems);
        if (text == null) return own;
        sources.put(target, text);
        Node parent = YamlReader.read(text, target, problems);
        if (parent == null) return own;
        if (!(parent instanceof Node.Mapping pm)) {
            problems.at(parent, "", "a scenario (a mapping of id, title, data, model, ...)", "");
            return own;
        }
        chain.add(real(target));
        Node.Mapping resolved = resolve(pm, target, chain).without("id");
        chain.remove(chain.size() - 1);
        return (Node.Mapping) Merge.over(Definitions.SCENARIO, resolved, own);
    }

    /** The file extends names, shown relative to the current directory like the file itself; null after a problem. */
    private Path target(Node value, Path file, List<Path> chain) {
        String expected = "a path to a scenario file relative to this one, inside the repository";
        if (!(value instanceof Node.Scalar s) || s.isNull() || s.text().isBlank()) {
            problems.at(value, "extends", expected, "");
            return null;
        }
        Path rel;
        try {
            rel = Path.of(s.text());
        } catch (InvalidPathException e) {
            problems.at(value, "extends", expected, "");
            return null;
        }
        if (rel.isAbsolute() || s.text().startsWith("/") || s.text().startsWith("~") || s.text().startsWith("\\")) {
            problems.at(value, "extends", expected, "an absolute path " + Problems.quote(s.text()), "");
            return null;
        }
        Path folder = file.getParent() == null ? Path.of("") : file.getParent();
        Path target = folder.resolve(rel).normalize();
        Path absolute = target.toAbsolutePath().normalize();
        if (!absolute.startsWith(repositoryRoot)) {
            problems.at(value, "extends", expected, Problems.quote(s.text()) + ", which leaves the repository", "");
            return null;
        }
        Path real;
        try {
            real = workspace.regularFile(absolute);
        } catch (Workspace.Refused e) {
            Problems.Refusal r = Problems.Refusal.of(e, "scenario file", expected, s.text());
            problems.at(value, "extends", r.expected(), r.found(), r.hint());
            return null;
        }
        if (chain.contains(real)) {
            StringBuilder cycle = new StringBuilder();
            for (Path p : chain.subList(chain.indexOf(real), chain.size())) cycle.append(p.getFileName()).append(" -> ");
            cycle.append(real.getFileName());
            problems.at(value, "extends", "files that do not extend each other", "a cycle: " + cycle, "");
            return null;
        }
        return target;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
