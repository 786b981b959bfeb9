package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The flat scan names the first bad value by row and feature, in both storage precisions. */
class FiniteValuesTest {
    @Test
    void theFirstNonFiniteFeatureIsNamedInEitherPrecision() {
        double[] x = new double[4 * 3];
        x[7] = Double.POSITIVE_INFINITY; // row 2, feature 1
        x[10] = Double.NaN;              // later: not the one reported
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteValues.require(Dataset.classification(x, 4, 3, new int[4], 1)));
        assertEquals("Input X contains infinity or a value too large for dtype('float64') (row 2, feature 1: Infinity)", e.getMessage());
        float[] f = new float[4 * 3];
        f[5] = Float.NaN;                // row 1, feature 2
        e = assertThrows(IllegalArgumentException.class, () -> FiniteValues.require(Dataset.float32Classification(f, 4, 3, new int[4], 1)));
        assertEquals("Input X contains NaN (row 1, feature 2)", e.getMessage());
        FiniteValues.require(Dataset.float32Classification(new float[12], 4, 3, new int[4], 1));
    }
}
