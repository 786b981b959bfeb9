package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The first Python that runs PyTorch: {@code -Dtrainspec.python=PATH} if given, else python3 and
 * /usr/bin/python3 (a pyenv python3 on PATH often lacks torch). Null when none does: tests that
 * need it are skipped, and say why. What they start as "python" is that Python's {@link TorchZygote}
 * client where the zygote starts: the same PyTorch, imported once.
 */
public final class TorchPython {
    private TorchPython() {}

    static final List<String> TRIED = candidates();
    private static PytorchEngine engine;
    private static String python;
    private static boolean probed;

    private static List<String> candidates() {
        List<String> c = new ArrayList<>();
        String configured = System.getProperty("trainspec.python");
        if (configured != null && !configured.isBlank()) c.add(configured);
        c.add("python3");
        c.add("/usr/bin/python3");
        return List.copyOf(c);
    }

    static synchronized PytorchEngine engine() {
        if (!probed) {
            probed = true;
            for (String candidate : TRIED) {
                // one import of torch for every process of this JVM's tests (TorchZygote); plain processes where it cannot start
                TorchZygote.Started zygote = TorchZygote.start(candidate);
                if (zygote.noPytorch()) continue;
                String runner = zygote.zygote() == null ? candidate : zygote.zygote().client();
                try {
                    engine = PytorchEngine.start(runner, "cpu");
                    python = runner;
                    break;
                } catch (PytorchUnavailable e) {
                    // try the next one
                }
            }
        }
        return engine;
    }

    /** The Python (or its zygote's client) that runs PyTorch, or null (then {@link #skipReason()} says why). */
    public static synchronized String python() {
        engine();
        return python;
    }

    public static String skipReason() {
        return "no Python with PyTorch and scikit-learn (tried " + String.join(", ", TRIED) + "; set -Dtrainspec.python=PATH)";
    }
}
