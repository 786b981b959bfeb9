package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** p-values from scipy 1.10: mannwhitneyu(x, y, alternative='greater'/'less') with its defaults. */
class MannWhitneyTest {
    private static void check(double[] x, double[] y, double greater, double less) {
        assertEquals(greater, Significance.oneSided(x, y, true, "mann_whitney"), 1e-12, "greater");
        assertEquals(less, Significance.oneSided(x, y, false, "mann_whitney"), 1e-12, "less");
    }

    @Test
    void tiedAccuraciesUseTheTieCorrectedNormalApproximation() {
        check(new double[] {0.955, 0.965, 0.985, 0.99, 0.985, 0.97, 0.96, 0.98, 0.98, 0.985},
                new double[] {0.98, 0.96, 0.955, 0.98, 0.97, 0.92, 0.975, 0.975, 0.925, 0.98},
                0.05430972261297875, 0.953602103063706);
    }

    @Test
    void smallSamplesWithoutTiesAreExact() {
        check(new double[] {1.1, 2.3, 3.2, 4.8, 5.5}, new double[] {0.2, 6.1, 7.4, 8.9, 9.3, 10.7},
                0.9740259740259741, 0.04112554112554113);
        check(new double[] {3.1, 2.2, 5.5}, new double[] {1.05, 0.4, 2.7, 0.9}, 0.05714285714285714, 0.9714285714285715);
    }

    @Test
    void largerSamplesUseTheNormalApproximation() {
        check(new double[] {0.9, 0.91, 0.95, 0.97, 0.99, 0.93, 0.94, 0.92, 0.96, 0.98, 0.905},
                new double[] {0.5, 0.6, 0.7, 0.95, 0.8, 0.85, 0.55, 0.65, 0.75}, 0.0006187399383205335, 0.9995269781498907);
    }
}
