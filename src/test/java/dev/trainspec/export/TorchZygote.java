package dev.trainspec.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * src/test/python/torch_zygote.py started once per test JVM: it imports PyTorch and scikit-learn
 * once and runs every later "python" (its client, {@link #client()}) in a fork of itself, so the
 * tests that run exported scripts pay the import (about 2 s of CPU) once instead of on every
 * process (docs/benchmarks.md "mvn test"). Stopped when the JVM exits; it also exits by itself
 * when its parent is gone.
 */
final class TorchZygote {
    private static final Path SCRIPT = Path.of("src/test/python/torch_zygote.py");

    private final Path client;

    private TorchZygote(Path client) {
        this.client = client;
    }

    /** torch_zygote.py's exit status for a Python without PyTorch, scikit-learn or numpy. */
    private static final int NO_PYTORCH = 3;

    /** What starting it in a Python gave: its client, or whether to try that Python without it. */
    record Started(TorchZygote zygote, boolean noPytorch) {}

    /** The zygote in {@code python}; null with noPytorch false where it cannot start for another reason (no such Python, no script). */
    static Started start(String python) {
        if (!Files.isRegularFile(SCRIPT)) return new Started(null, false);
        Path dir;
        Process p;
        try {
            dir = Files.createTempDirectory("trainspec-torch");
            p = new ProcessBuilder(python, SCRIPT.toAbsolutePath().toString(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return new Started(null, false);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS); // reaped by this JVM: never left running, its CPU counted in the build's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete(dir);
        }));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // "ready" once it listens; end of stream when it could not import PyTorch
            if ("ready".equals(line)) return new Started(new TorchZygote(dir.resolve("python")), false);
            return new Started(null, p.waitFor() == NO_PYTORCH);
        } catch (IOException e) {
            // not started: the caller falls back to plain processes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        return new Started(null, false);
    }

    /** The executable to give as a Python: each start is a fork of the zygote. */
    String client() {
        return client.toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
