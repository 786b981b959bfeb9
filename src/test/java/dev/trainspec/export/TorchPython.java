package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The first Python that runs PyTorch: {@code -Dtrainspec.python=PATH} if given, else python3 and
 * /usr/bin/python3 (a pyenv python3 on PATH often lacks torch). Null when none does: tests that
 * need it are skipped, and say why.
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
                try {
                    engine = PytorchEngine.start(candidate, "cpu");
                    python = candidate;
                    break;
                } catch (PytorchUnavailable e) {
                    // try the next one
                }
            }
        }
        return engine;
    }

    /** The Python that runs PyTorch, or null (then {@link #skipReason()} says why). */
    public static synchronized String python() {
        engine();
        return python;
    }

    public static String skipReason() {
        return "no Python with PyTorch and scikit-learn (tried " + String.join(", ", TRIED) + "; set -Dtrainspec.python=PATH)";
    }
}
