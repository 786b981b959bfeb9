package dev.trainspec.export;

import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.Baselines;
import dev.trainspec.run.PreparedData;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code run --engine pytorch}: each variant's exported script runs in the configured Python, and
 * its runs come back as the same {@link VariantResult} the Java engine returns. The data is still
 * prepared here, once: the script needs its widths, and the classical baselines and the data's
 * facts (which the diagnosis reads) do not depend on the engine. What the Java engine refuses
 * before training is refused here before any script starts, by the same checks and with the same
 * message (a refused result: exit 2); a variant that cannot finish becomes a result with an
 * error, as in {@code run.ScenarioRunner}.
 */
public final class PytorchEngine {
    /** The names {@code --engine} and the configuration parameter {@code trainspec.engine} accept. */
    public static final String JAVA = "java";
    public static final String PYTORCH = "pytorch";

    private final String python;
    private final String device;
    private final String version;

    private PytorchEngine(String python, String device, String version) {
        this.python = python;
        this.device = device;
        this.version = version;
    }

    /**
     * Checks once that {@code python} imports torch, scikit-learn and numpy and, for a cuda
     * device, that PyTorch sees one.
     *
     * @throws PytorchUnavailable saying what is missing and how to install it
     */
    public static PytorchEngine start(String python, String device) {
        if (!device.equals("cpu") && !device.startsWith("cuda")) throw new PytorchUnavailable("--device " + device + ": expected cpu or cuda");
        // versions, CUDA, and the build's BLAS and CPU kernels: the conditions a parity figure holds under
        String probe = "import re, numpy, sklearn, torch; c = torch.__config__.show(); "
                + "b = re.search(r'BLAS_INFO=([^,\\s]+)', c); k = re.search(r'CPU capability usage: (\\S+)', c); "
                + "print(torch.__version__, sklearn.__version__, torch.cuda.is_available(), b.group(1) if b else '?', k.group(1) if k else '?')";
        Finished p;
        try {
            p = Finished.run(List.of(python, "-c", probe), "", null, 120);
        } catch (IOException e) {
            throw new PytorchUnavailable("--python " + python + ": cannot start it (" + e.getMessage() + "); name a Python 3 with PyTorch >= 1.13 and scikit-learn >= 1.2");
        }
        if (p.exit != 0) {
            throw new PytorchUnavailable("--python " + python + " cannot import PyTorch, scikit-learn and numpy: " + p.lastErrorLine()
                    + "; install them (Debian: apt-get install python3-torch python3-sklearn; pip: pip install torch scikit-learn)");
        }
        String[] words = p.stdout.strip().split(" ");
        if (device.startsWith("cuda") && !words[words.length - 1].equals("True")) {
            throw new PytorchUnavailable("--device " + device + ": PyTorch " + words[0] + " in " + python + " sees no CUDA device");
        }
        return new PytorchEngine(python, device, "PyTorch " + words[0] + " (scikit-learn " + words[1] + ", BLAS " + words[3]
                + ", CPU kernels " + words[4] + ") on " + device);
    }

    /** e.g. "PyTorch 1.13.1 (scikit-learn 1.2.1, BLAS generic, CPU kernels AVX2) on cpu". */
    public String version() {
        return version;
    }

    public List<VariantResult> run(ScenarioFile file) {
        Optional<List<VariantResult>> refused = ScenarioRunner.refusedAsAWhole(file);
        if (refused.isPresent()) return refused.get();
        // csv and bundled data count their rows once read: the file's totals again before any script starts; the data
        // read for it is the data each variant then trains on
        Map<Scenario, PreparedData> read = new java.util.IdentityHashMap<>();
        refused = ScenarioRunner.refusedOnceRead(file, s -> read.computeIfAbsent(s, PytorchEngine::prepared));
        if (refused.isPresent()) return refused.get();
        List<VariantResult> out = new ArrayList<>();
        for (Scenario s : file.variants()) out.add(runVariant(s, read.get(s)));
        return out;
    }

    /** The variant's data, or null when it cannot be prepared (the variant reports that problem when it runs). */
    private static PreparedData prepared(Scenario s) {
        try {
            return PreparedData.of(s);
        } catch (ScenarioException e) {
            return null;
        }
    }

    public VariantResult runVariant(Scenario s) {
        return runVariant(s, null);
    }

    /** @param read the variant's data if the file's check already prepared it, else null */
    private VariantResult runVariant(Scenario s, PreparedData read) {
        long start = System.nanoTime();
        PreparedData data;
        String script;
        List<Long> seeds = PytorchScript.seeds(s);
        try {
            data = read != null ? read : PreparedData.of(s);
        } catch (ScenarioException e) {
            return refused(s, null, start, e.getMessage());
        }
        try {
            // refuses what the Java engine refuses before training (Preflight), with its message, and what cannot be exported
            script = PytorchScript.of(s, data, seeds);
        } catch (ScenarioException e) {
            return refused(s, data, start, e.getMessage());
        }
        Map<String, Map<String, Double>> baselines = Baselines.fit(s.baselines(), data);
        Finished p;
        try {
            p = Finished.run(List.of(python, "-", "--device", device), script, s.file().toAbsolutePath().getParent(),
                    s.budgetSeconds() == null ? 0 : s.budgetSeconds());
        } catch (IOException e) {
            return failed(s, data, start, s.origin() + ": " + python + " failed to start: " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.timedOut) {
            return failed(s, data, start, String.format(Locale.ROOT, "%s: budget exceeded: the PyTorch run was stopped after %.2f s > %s s",
                    s.origin(), seconds, s.budgetSeconds()));
        }
        if (p.exit != 0) return failed(s, data, start, s.origin() + ": the exported PyTorch script failed (exit " + p.exit + "): " + p.lastErrorLine());
        List<RunResult> runs;
        try {
            runs = PytorchResults.parse(p.stdout, seeds, data.trainSplit().isClassification() ? Metric.CLASSIFICATION : Metric.REGRESSION);
        } catch (IllegalArgumentException e) {
            return failed(s, data, start, s.origin() + ": the exported PyTorch script printed no valid result: " + e.getMessage());
        }
        return new VariantResult(s, runs, baselines, data.facts(), version, seconds, null);
    }

    /** Refused before any script starts, as run refuses it (exit 2). */
    private static VariantResult refused(Scenario s, PreparedData data, long start, String error) {
        return VariantResult.refused(s, data == null ? null : data.facts(), (System.nanoTime() - start) / 1e9, error);
    }

    private static VariantResult failed(Scenario s, PreparedData data, long start, String error) {
        return VariantResult.failed(s, data.facts(), (System.nanoTime() - start) / 1e9, error);
    }

    /** A finished process: exit code and its output (both streams go through files, so neither pipe can fill and block it). */
    private record Finished(int exit, String stdout, String stderr, boolean timedOut) {
        /** @param timeoutSeconds 0 for none */
        static Finished run(List<String> command, String stdin, Path directory, double timeoutSeconds) throws IOException {
            Path out = Files.createTempFile("trainspec-pytorch", ".out");
            Path err = Files.createTempFile("trainspec-pytorch", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (directory != null) pb.directory(directory.toFile());
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                boolean done = timeoutSeconds <= 0 ? waitFor(p) : p.waitFor((long) Math.ceil(timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.destroyForcibly();
                    waitFor(p);
                }
                return new Finished(done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), !done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        private static boolean waitFor(Process p) throws InterruptedException {
            p.waitFor();
            return true;
        }

        /** Python's last stderr line: the exception and its message. */
        String lastErrorLine() {
            String[] lines = stderr.strip().split("\n");
            return lines[lines.length - 1].isEmpty() ? "(no message)" : lines[lines.length - 1];
        }
    }
}
