package dev.trainspec.report.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two runs of the scenarios, the base commit's and the pull request's, variant by variant, in
 * triage order: failures, then changes (largest key-metric move first), then the unchanged rest;
 * ties by id and variant, so the same inputs always give the same order.
 */
public record Comparison(List<VariantChange> variants, int baseFiles, Counts head) {

    /** The head's scenario files by status ({@code passed}, {@code failed}, {@code error}). */
    public record Counts(int passed, int failed, int errors) {
        public int files() {
            return passed + failed + errors;
        }

        static Counts of(List<ResultDoc> all) {
            List<ResultDoc> docs = ran(all);
            int passed = (int) docs.stream().filter(d -> d.status().equals("passed")).count();
            int errors = (int) docs.stream().filter(d -> d.status().equals("error")).count();
            return new Counts(passed, docs.size() - passed - errors, errors);
        }
    }

    /** {@code baseSnapshots} and {@code headSnapshots} (reports/baselines at each commit) may be null or missing: then no snapshot changes. */
    public static Comparison of(List<ResultDoc> base, List<ResultDoc> head, Path baseSnapshots, Path headSnapshots) {
        Map<String, ResultDoc> byIdBase = index(base);
        Map<String, ResultDoc> byIdHead = index(head);
        Set<String> ids = new LinkedHashSet<>(byIdHead.keySet());
        ids.addAll(byIdBase.keySet());
        List<VariantChange> out = new ArrayList<>();
        for (String id : ids) {
            // a file invalid at the head is listed once, with its problems (TriageComment's invalid scenarios); it was
            // not removed, so its base variants are not rows
            if (byIdHead.containsKey(id) && byIdHead.get(id).invalid()) continue;
            ResultDoc b = byIdBase.get(id);
            ResultDoc h = byIdHead.get(id);
            // without both folders there is nothing to compare: a missing side would read as every value new
            List<SnapshotChange> snapshots = baseSnapshots == null || headSnapshots == null || !Files.isDirectory(baseSnapshots)
                    || !Files.isDirectory(headSnapshots) ? List.of() : SnapshotChange.of(id, baseSnapshots, headSnapshots);
            Set<String> names = new LinkedHashSet<>();
            if (h != null) h.variants().forEach(v -> names.add(v.name()));
            if (b != null) b.variants().forEach(v -> names.add(v.name()));
            for (String name : names) {
                List<SnapshotChange> mine = snapshots.stream().filter(s -> s.variant().equals(name)).toList();
                out.add(VariantChange.of(id, (h != null ? h : b).file(), b == null ? null : b.variant(name), h == null ? null : h.variant(name), mine));
            }
        }
        out.sort(Comparator.comparing(VariantChange::kind)
                .thenComparing(Comparator.comparingDouble(Comparison::move).reversed())
                .thenComparing(VariantChange::id).thenComparing(VariantChange::name));
        return new Comparison(List.copyOf(out), ran(base).size(), Counts.of(head));
    }

    /** The files that loaded: one that did not is shown with its problems as invalid, not as a scenario run. */
    private static List<ResultDoc> ran(List<ResultDoc> docs) {
        return docs.stream().filter(d -> !d.invalid()).toList();
    }

    public List<VariantChange> of(VariantChange.Kind kind) {
        return variants.stream().filter(v -> v.kind() == kind).toList();
    }

    /** |Δ| of the key metric, 0 when there is nothing to compare. */
    private static double move(VariantChange v) {
        double d = v.key() == null ? Double.NaN : Math.abs(v.key().delta());
        return Double.isNaN(d) ? 0 : d;
    }

    private static Map<String, ResultDoc> index(List<ResultDoc> docs) {
        Map<String, ResultDoc> m = new TreeMap<>();
        for (ResultDoc d : docs) m.put(d.id(), d);
        return m;
    }
}
