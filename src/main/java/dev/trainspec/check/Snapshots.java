package dev.trainspec.check;

import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regression snapshots: each variant's tracked final metrics (mean over its repeat runs)
 * compared with the accepted values in {@code <dir>/<id>.yaml}, within the scenario's tolerance;
 * written atomically where the policy allows. One verdict per tracked metric, so a drift names
 * the metric: "test.accuracy 0.984 -> 0.951, tolerance 0.01".
 */
public final class Snapshots {
    private final Path dir;
    private final UpdatePolicy policy;

    public Snapshots(Path dir, UpdatePolicy policy) {
        this.dir = dir;
        this.policy = policy;
    }

    /** Snapshots in the workspace's {@link Workspace#snapshotsDir() snapshot folder}. */
    public static Snapshots in(Workspace workspace, UpdatePolicy policy) {
        return new Snapshots(workspace.snapshotsDir(), policy);
    }

    public Path fileFor(String id) {
        return dir.resolve(id + ".yaml");
    }

    /** Verdicts per variant name for the variants that track metrics; updates the file when allowed. */
    public Map<String, List<Verdict>> check(String id, List<VariantResult> results) {
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        Path file = fileFor(id);
        Map<String, Map<String, Double>> accepted;
        try {
            accepted = Files.exists(file) ? SnapshotYaml.read(file) : null;
        } catch (IOException | SnapshotYaml.Malformed e) {
            for (VariantResult r : tracked(results)) {
                verdicts.put(r.name(), List.of(verdict(r.scenario(), "regression snapshot is readable", false, e.getMessage())));
            }
            return verdicts;
        }
        Map<String, Map<String, Double>> next = accepted == null ? new LinkedHashMap<>() : new LinkedHashMap<>(accepted);
        boolean write = false;
        for (VariantResult r : tracked(results)) {
            Map<String, Double> observed = finals(r);
            Map<String, Double> old = accepted == null ? null : accepted.get(r.name());
            List<Verdict> list = new ArrayList<>();
            if (old == null || policy == UpdatePolicy.ALL) {
                if (policy == UpdatePolicy.NONE) {
                    list.add(verdict(r.scenario(), "regression snapshot exists", false, "no snapshot of variant '" + r.name() + "' in " + file
                            + "; create it with `java -jar target/trainspec.jar run --update new " + r.scenario().file()
                            + "` or `mvn test -Dtrainspec.update=new`, then commit it"));
                } else {
                    next.put(r.name(), observed);
                    write = true;
                    list.add(verdict(r.scenario(), "regression snapshot written", true,
                            (old == null ? "created " : "updated ") + file + " with " + observed));
                }
            } else {
                double tol = r.scenario().regression().tolerance();
                for (Map.Entry<String, Double> m : observed.entrySet()) list.add(compare(r.scenario(), m.getKey(), old.get(m.getKey()), m.getValue(), tol));
            }
            verdicts.put(r.name(), list);
        }
        if (write) writeAtomically(file, SnapshotYaml.render(id, next));
        return verdicts;
    }

    private static List<VariantResult> tracked(List<VariantResult> results) {
        return results.stream().filter(r -> r.error() == null && r.scenario().regression() != null).toList();
    }

    private static Map<String, Double> finals(VariantResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String metric : r.scenario().regression().metrics()) {
            double sum = 0;
            for (RunResult run : r.runs()) sum += run.training().history().last(metric);
            out.put(metric, sum / r.runs().size());
        }
        return out;
    }

    private static Verdict compare(Scenario s, String metric, Double accepted, double observed, double tolerance) {
        String text = metric + " matches its snapshot (tolerance " + Numbers.format(tolerance) + ")";
        if (accepted == null) {
            return new Verdict(text, s.regression().origin(), false, observed, Double.NaN, Double.NaN,
                    metric + " is not in the snapshot; accept it with --update all (-Dtrainspec.update=all)");
        }
        double drift = Math.abs(observed - accepted);
        boolean ok = drift <= tolerance || (Double.isNaN(observed) && Double.isNaN(accepted));
        String detail = metric + " " + Numbers.format(accepted) + " -> " + Numbers.format(observed) + ", tolerance " + Numbers.format(tolerance)
                + (ok ? "" : "; if the change is intended, accept it with --update all (-Dtrainspec.update=all)");
        return new Verdict(text, s.regression().origin(), ok, observed, accepted, Double.NaN, detail);
    }

    private static Verdict verdict(Scenario s, String text, boolean passed, String detail) {
        return new Verdict(text, s.regression().origin(), passed, Double.NaN, Double.NaN, Double.NaN, detail);
    }

    /** Write beside the target, then rename over it: a reader sees the old file or the new one, never half. */
    private static void writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }
}
