package dev.trainspec.check;

import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regression snapshots: each variant's tracked final metrics (mean over its repeat runs)
 * compared with the accepted values in {@code <dir>/<id>.yaml}, within the scenario's tolerance;
 * written where the policy allows. One verdict per tracked metric, so a drift names the metric:
 * "test.accuracy 0.984 -> 0.951, tolerance 0.01".
 * <p>
 * Files are read and written under the workspace's confinement rule (a snapshot or a snapshot
 * folder linked out of the workspace is refused). A write holds the folder's lock, re-reads the
 * file and merges this scenario's variants into it (two writers of one id lose nothing), and
 * renames a hidden temporary file over the target; a write that fails is that scenario's failed
 * verdict, never an exception that stops the other scenarios.
 */
public final class Snapshots {
    private final Workspace workspace;
    private final Path dir;
    private final UpdatePolicy policy;
    private final UpdatePolicy.Door door;

    private Snapshots(Workspace workspace, Path dir, UpdatePolicy policy, UpdatePolicy.Door door) {
        this.workspace = workspace;
        this.dir = dir.toAbsolutePath().normalize();
        this.policy = policy;
        this.door = door;
    }

    /** Snapshots in {@code dir}, confined to it (for tests and tools that name the folder); messages in the CLI's words. */
    public Snapshots(Path dir, UpdatePolicy policy) {
        this(new Workspace(dir), dir, policy, UpdatePolicy.Door.CLI);
    }

    /** Snapshots in the workspace's {@link Workspace#snapshotsDir() snapshot folder}; messages in the CLI's words. */
    public static Snapshots in(Workspace workspace, UpdatePolicy policy) {
        return in(workspace, policy, UpdatePolicy.Door.CLI);
    }

    /** Snapshots in the workspace's snapshot folder; a missing one says how to write it where the run was started ({@code door}). */
    public static Snapshots in(Workspace workspace, UpdatePolicy policy, UpdatePolicy.Door door) {
        return new Snapshots(workspace, workspace.snapshotsDir(), policy, door);
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
            accepted = read(file);
        } catch (IOException | SnapshotYaml.Malformed e) {
            for (VariantResult r : tracked(results)) {
                verdicts.put(r.name(), List.of(verdict(r.scenario(), "regression snapshot is readable", false, e.getMessage())));
            }
            return verdicts;
        }
        Map<String, Map<String, Double>> updates = new LinkedHashMap<>();
        for (VariantResult r : tracked(results)) {
            Map<String, Double> observed = finals(r);
            Map<String, Double> old = accepted == null ? null : accepted.get(r.name());
            List<Verdict> list = new ArrayList<>();
            if (old == null || policy == UpdatePolicy.ALL) {
                if (policy == UpdatePolicy.NONE) {
                    list.add(verdict(r.scenario(), "regression snapshot exists", false, "no snapshot of variant '" + r.name() + "' in "
                            + workspace.display(file) + "; create it with " + door.writeMissing(r.scenario().file()) + ", then commit it"));
                } else {
                    updates.put(r.name(), observed);
                    list.add(verdict(r.scenario(), "regression snapshot written", true,
                            (old == null ? "created " : "updated ") + workspace.display(file) + " with " + observed));
                }
            } else {
                double tol = r.scenario().regression().tolerance();
                // a metric newly listed under regression: new to the snapshot, so `new` writes it beside the accepted ones
                Map<String, Double> added = new LinkedHashMap<>();
                for (Map.Entry<String, Double> m : observed.entrySet()) {
                    if (old.get(m.getKey()) == null && policy == UpdatePolicy.NEW) added.put(m.getKey(), m.getValue());
                    else list.add(compare(r.scenario(), m.getKey(), old.get(m.getKey()), m.getValue(), tol, door));
                }
                if (!added.isEmpty()) {
                    Map<String, Double> next = new LinkedHashMap<>(old);
                    next.putAll(added);
                    updates.put(r.name(), next);
                    list.add(verdict(r.scenario(), "regression snapshot written", true, "added " + added + " to " + workspace.display(file)));
                }
            }
            verdicts.put(r.name(), list);
        }
        if (!updates.isEmpty()) {
            String failure = merge(id, file, updates);
            if (failure != null) {
                for (String name : updates.keySet()) {
                    Scenario sc = tracked(results).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().scenario();
                    verdicts.put(name, List.of(verdict(sc, "regression snapshot written", false, failure)));
                }
            }
        }
        return verdicts;
    }

    /** The accepted values, or null when there is no snapshot yet. */
    private Map<String, Map<String, Double>> read(Path file) throws IOException, SnapshotYaml.Malformed {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        return SnapshotYaml.read(workspace.read(file, SnapshotYaml.MAX_BYTES), workspace.display(file));
    }

    /** Writes the updated variants over what the file holds now; the reason when it cannot, else null. */
    private String merge(String id, Path file, Map<String, Map<String, Double>> updates) {
        Path tmp = null;
        try {
            Path target = workspace.writable(file);
            Path lockFile = lockFile();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                 FileLock lock = lockedInThisJvm(channel)) {
                Map<String, Map<String, Double>> now = read(file);
                Map<String, Map<String, Double>> next = now == null ? new LinkedHashMap<>() : new LinkedHashMap<>(now);
                next.putAll(updates);
                tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                Files.writeString(tmp, SnapshotYaml.render(id, next), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            }
            return null;
        } catch (Workspace.Refused e) {
            return "cannot write the snapshot " + workspace.display(file) + ": " + e.getMessage();
        } catch (IOException | SnapshotYaml.Malformed e) {
            return "cannot write the snapshot " + workspace.display(file) + ": " + e.getClass().getSimpleName()
                    + (e instanceof SnapshotYaml.Malformed ? " " + e.getMessage() : "");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover hidden .tmp is ignored by every reader
                }
            }
        }
    }

    /**
     * The lock of this snapshot folder: a file in the temporary folder named after the folder's
     * real path, so that every process of this machine writing here takes the same lock and
     * nothing but snapshots ever appears in the folder (it is committed).
     */
    private Path lockFile() throws IOException {
        String key = Integer.toHexString(dir.toRealPath().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "trainspec-snapshots-" + key + ".lock");
    }

    /**
     * The folder's file lock, taken while holding a JVM-wide monitor: a file lock excludes other
     * processes, but two threads of one JVM asking for it would get OverlappingFileLockException.
     */
    private static FileLock lockedInThisJvm(FileChannel channel) throws IOException {
        synchronized (Snapshots.class) {
            while (true) {
                try {
                    return channel.lock();
                } catch (OverlappingFileLockException e) {
                    try {
                        Snapshots.class.wait(10);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for the snapshot lock");
                    }
                }
            }
        }
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

    private static Verdict compare(Scenario s, String metric, Double accepted, double observed, double tolerance, UpdatePolicy.Door door) {
        String text = metric + " matches its snapshot (tolerance " + Numbers.format(tolerance) + ")";
        if (accepted == null) {
            return new Verdict(text, s.regression().origin(), false, observed, Double.NaN, Double.NaN,
                    metric + " is not in the snapshot; add it with " + door.ask(UpdatePolicy.NEW));
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
}
