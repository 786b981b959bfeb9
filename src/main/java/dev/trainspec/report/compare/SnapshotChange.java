package dev.trainspec.report.compare;

import dev.trainspec.check.Numbers;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An accepted value that the pull request rewrote in its regression snapshot
 * ({@code reports/baselines/<id>.yaml}): old (the base commit's file) -> new (the head's). A
 * change that lowers accuracy and rewrites its snapshot passes its own regression check; this is
 * where the reviewer sees it.
 */
public record SnapshotChange(String id, String variant, String metric, Double old, Double now) {

    /** "0.985 -> 0.951" (a side that has no value reads "none"). */
    public String values() {
        return value(old) + " \u2192 " + value(now);
    }

    /** Every value that differs between the two snapshot files of {@code id}; either folder may be null or lack the file. */
    public static List<SnapshotChange> of(String id, Path baseDir, Path headDir) {
        Map<String, Map<String, Double>> base = read(baseDir, id);
        Map<String, Map<String, Double>> head = read(headDir, id);
        List<SnapshotChange> out = new ArrayList<>();
        TreeSet<String> variants = new TreeSet<>(base.keySet());
        variants.addAll(head.keySet());
        for (String v : variants) {
            Map<String, Double> b = base.getOrDefault(v, Map.of());
            Map<String, Double> h = head.getOrDefault(v, Map.of());
            TreeSet<String> metrics = new TreeSet<>(b.keySet());
            metrics.addAll(h.keySet());
            for (String m : metrics) {
                Double old = b.get(m);
                Double now = h.get(m);
                if (old == null ? now != null : !old.equals(now)) out.add(new SnapshotChange(id, v, m, old, now));
            }
        }
        return out;
    }

    /** An absent or unreadable snapshot counts as empty: the run's own regression check reports why. */
    private static Map<String, Map<String, Double>> read(Path dir, String id) {
        if (dir == null) return Map.of();
        Path file = dir.resolve(id + ".yaml");
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Map.of();
        try {
            // confined to the folder named on the command line: a committed link out of it is not read
            return SnapshotYaml.read(new Workspace(dir).read(file, SnapshotYaml.MAX_BYTES), id);
        } catch (IOException | SnapshotYaml.Malformed e) {
            return Map.of();
        }
    }

    private static String value(Double v) {
        return v == null ? "none" : Numbers.format(v);
    }
}
