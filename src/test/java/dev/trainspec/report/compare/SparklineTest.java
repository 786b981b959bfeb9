package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparklineTest {
    @Test
    void bothCurvesShareOneScale() {
        assertArrayEquals(new String[] {"\u2581\u2585\u2588", "\u2581\u2583\u2585"}, Sparkline.pair(new double[] {0, 0.5, 1}, new double[] {0, 0.3, 0.6}));
    }

    @Test
    void longCurvesAreSampledKeepingTheLastEpochAndNonFiniteEpochsShow() {
        double[] c = new double[100];
        for (int i = 0; i < c.length; i++) c[i] = i;
        c[99] = Double.NaN;
        String s = Sparkline.pair(new double[0], c)[1];
        assertEquals(Sparkline.WIDTH, s.length());
        assertEquals('\u2581', s.charAt(0));
        assertEquals('\u00d7', s.charAt(Sparkline.WIDTH - 1));
        assertEquals("", Sparkline.pair(new double[0], c)[0]);
    }
}
