package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Welch p-values from scipy 1.10: ttest_ind(x, y, equal_var=False, alternative='greater'/'less'). */
class SignificanceTest {
    // welch_zero_variance.yaml of the sweep: every run of each side gets the same accuracy, and the
    // float mean of 44/45 five times is not exactly 44/45, so a variance computed from it is not 0
    private static final double SCALED = 44.0 / 45;

    private static double[] five(double v) {
        return new double[] {v, v, v, v, v};
    }

    @Test
    void distinctConstantSamplesAreAsFarApartAsCanBe() {
        // scipy: t = +inf, p = 0.0 in the tested direction and 1.0 the other way
        assertEquals(0.0, Significance.oneSided(five(SCALED), five(0.4), true, "welch"));
        assertEquals(1.0, Significance.oneSided(five(SCALED), five(0.4), false, "welch"));
        assertEquals(0.0, Significance.oneSided(five(0.4), five(SCALED), false, "welch"));
        assertEquals(0.0, Significance.twoSided(five(SCALED), five(0.4)));
        assertNull(Significance.undefinedBecause(five(SCALED), five(0.4), "welch"));
    }

    @Test
    void theSameConstantOnBothSidesHasNoPValue() {
        // scipy: t = nan, p = nan
        assertTrue(Double.isNaN(Significance.oneSided(five(0.4), five(0.4), true, "welch")));
        assertEquals("both sides are the same constant", Significance.undefinedBecause(five(0.4), five(0.4), "welch"));
    }

    @Test
    void oneConstantSideIsAnOrdinaryWelchTest() {
        // scipy: ttest_ind([0.9, 0.92, 0.91, 0.93, 0.9], [0.4]*5, equal_var=False, alternative='greater').pvalue
        assertEquals(PVALUE_ONE_CONSTANT, Significance.oneSided(new double[] {0.9, 0.92, 0.91, 0.93, 0.9}, five(0.4), true, "welch"), 1e-15);
    }

    @Test
    void fewerThanTwoRunsOnASideIsTheOnlyReasonToAskForRepeat() {
        assertTrue(Double.isNaN(Significance.oneSided(new double[] {0.9}, five(0.4), true, "welch")));
        assertEquals("needs repeat >= 2 on both sides", Significance.undefinedBecause(new double[] {0.9}, five(0.4), "welch"));
    }

    private static final double PVALUE_ONE_CONSTANT = 5.0422435500645715e-08;
}
