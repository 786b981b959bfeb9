package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * nll after log_softmax is cross_entropy on the logits: the same seed trains the same weights, so
 * every epoch's losses agree to float32 rounding (the two differ only in where the log-sum-exp
 * is taken), and hinge trains on one output per class.
 */
class LogSoftmaxNllTest {
    private static final Path DIR = Path.of("src/test/resources").toAbsolutePath();

    private static History train(String model, String loss) {
        String yaml = "title: t\nseed: 3\ndata:\n  make_blobs: {n_samples: 120, centers: 3, random_state: 1}\n"
                + "model: " + model + "\nloss: " + loss + "\noptimizer: {sgd: {lr: 0.1, momentum: 0.9}}\ntrain: {epochs: 8, batch_size: 16}\n";
        Scenario s = ScenarioLoader.load(yaml.getBytes(StandardCharsets.UTF_8), DIR.resolve("t.yaml"), new Workspace(DIR, DIR))
                .variants().get(0);
        VariantResult r = ScenarioRunner.runVariant(s);
        assertEquals(null, r.error(), "the variant should train");
        return r.runs().get(0).training().history();
    }

    @Test
    void nllAfterLogSoftmaxEqualsCrossEntropyOnLogits() {
        History nll = train("[linear: 8, relu, linear: classes, log_softmax]", "nll");
        History ce = train("[linear: 8, relu, linear: classes]", "cross_entropy");
        for (String metric : new String[] {"train.loss", "test.loss", "test.accuracy"}) {
            double[] a = nll.series(metric);
            double[] b = ce.series(metric);
            for (int e = 0; e < a.length; e++) {
                double tolerance = 1e-5 * Math.max(1, Math.abs(b[e]));
                assertEquals(b[e], a[e], tolerance, metric + " in epoch " + (e + 1));
            }
        }
    }

    @Test
    void hingeTrainsOnOneOutputPerClass() {
        History h = train("[linear: 8, relu, linear: classes]", "hinge");
        double[] loss = h.series("train.loss");
        assertTrue(loss[loss.length - 1] < loss[0], "hinge loss falls: " + loss[0] + " -> " + loss[loss.length - 1]);
        assertTrue(h.last("test.accuracy") > 0.9, "blobs are separable, test accuracy " + h.last("test.accuracy"));
    }
}
