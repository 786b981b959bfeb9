package dev.trainspec.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

/** Every objective's analytic gradient against central finite differences at a random point. */
class ObjectiveGradientTest {
    static final int ROWS = 40;
    static final int COLS = 5;
    /** Central differences with h = 1e-6 are good to about 1e-8 relative on these smooth functions. */
    static final double TOLERANCE = 1e-6;

    private static double[] randomX(RandomState r) {
        double[] x = new double[ROWS * COLS];
        for (int i = 0; i < x.length; i++) x[i] = r.normal(0, 1);
        return x;
    }

    private static void checkGradient(String name, Objective f, RandomState r) {
        double[] w = new double[f.dimension()];
        for (int j = 0; j < w.length; j++) w[j] = r.normal(0, 0.5);
        double[] g = new double[w.length];
        f.valueAndGradient(w, g);
        double[] scratch = new double[w.length];
        double worst = 0;
        for (int j = 0; j < w.length; j++) {
            double h = 1e-6;
            double keep = w[j];
            w[j] = keep + h;
            double up = f.valueAndGradient(w, scratch);
            w[j] = keep - h;
            double down = f.valueAndGradient(w, scratch);
            w[j] = keep;
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - g[j]) / Math.max(1, Math.abs(numeric)));
        }
        double miss = worst;
        System.out.printf("%s: gradient check maxdiff %.2e%n", name, miss);
        assertTrue(miss <= TOLERANCE, () -> name + ": analytic and numeric gradients differ by " + miss + " > " + TOLERANCE);
    }

    @Test
    void marginObjectives() {
        RandomState r = new RandomState(3);
        double[] x = randomX(r);
        double[] sign = new double[ROWS];
        for (int i = 0; i < ROWS; i++) sign[i] = r.randint(0, 2) == 1 ? 1 : -1;
        checkGradient("logistic", new MarginObjective(x, ROWS, COLS, sign, 0.7, MarginObjective.Loss.LOGISTIC, false), r);
        checkGradient("squared hinge", new MarginObjective(x, ROWS, COLS, sign, 0.7, MarginObjective.Loss.SQUARED_HINGE, true), r);
    }

    @Test
    void softmaxObjective() {
        RandomState r = new RandomState(4);
        double[] x = randomX(r);
        int[] target = new int[ROWS];
        for (int i = 0; i < ROWS; i++) target[i] = (int) r.randint(0, 3);
        checkGradient("softmax", new SoftmaxObjective(x, ROWS, COLS, target, 3, 2.0), r);
    }
}
