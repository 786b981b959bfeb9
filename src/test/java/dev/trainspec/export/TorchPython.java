package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The first Python that runs PyTorch: {@code -Dtrainspec.python=PATH} if given, else python3 and
 * /usr/bin/python3 (a pyenv python3 on PATH often lacks torch). Null when none does: tests that
 * need it are skipped, and say why.
 */
final class TorchPython {
    private TorchPython() {}

    static final List<String> TRIED = candidates();
    private static PytorchEngine engine;
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
            for (String python : TRIED) {
                try {
                    engine = PytorchEngine.start(python, "cpu");
                    break;
                } catch (PytorchUnavailable e) {
                    // try the next one
                }
            }
        }
        return engine;
    }

    static String skipReason() {
        return "no Python with PyTorch and scikit-learn (tried " + String.join(", ", TRIED) + "; set -Dtrainspec.python=PATH)";
    }
}
