package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.nn.Parameter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-pass gradient norms have the bits of three separate sums. */
class NormsTest {
    private static double separately(Parameter[] params, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) for (float g : params[i].grad) sum += (double) g * g;
        return Math.sqrt(sum);
    }

    private static Parameter[] params(SplittableRandom random, int... sizes) {
        Parameter[] params = new Parameter[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            params[i] = new Parameter("p" + i, sizes[i]);
            for (int j = 0; j < sizes[i]; j++) params[i].grad[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-6, 6)));
        }
        return params;
    }

    @Test
    void onePassGivesTheBitsOfSeparateSums() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            // weight and bias of 1 to 4 layers (a single layer is both the first and the last)
            int layers = 1 + trial % 4;
            int[] sizes = new int[2 * layers];
            for (int i = 0; i < sizes.length; i++) sizes[i] = 1 + random.nextInt(40);
            Parameter[] p = params(random, sizes);
            int firstEnd = 2;
            int lastStart = p.length - 2;
            double[] out = new double[3];
            Norms.gradNorms(p, firstEnd, lastStart, out);
            assertEquals(separately(p, 0, p.length), out[0], 0.0, "total");
            assertEquals(separately(p, 0, firstEnd), out[1], 0.0, "first layer");
            assertEquals(separately(p, lastStart, p.length), out[2], 0.0, "last layer");
        }
    }
}
