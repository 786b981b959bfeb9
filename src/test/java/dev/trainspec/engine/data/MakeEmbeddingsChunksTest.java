package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

/**
 * make_embeddings in chunks over several threads gives the bits of the one-normal-at-a-time
 * definition, and leaves the random stream where that definition leaves it.
 */
class MakeEmbeddingsChunksTest {
    /** The definition: labels shuffled, then row by row standardNormal(), shift, L2 norm in float64, one rounding. */
    private static float[] reference(int n, int features, int informative, double shift, RandomState rng, int[] labels) {
        for (int i = n - n / 2; i < n; i++) labels[i] = 1;
        rng.shuffle(labels);
        float[] x = new float[n * features];
        double[] row = new double[features];
        for (int r = 0; r < n; r++) {
            double sq = 0;
            for (int j = 0; j < features; j++) {
                double v = rng.standardNormal();
                if (j < informative) v += labels[r] == 1 ? shift : -shift;
                row[j] = v;
                sq += v * v;
            }
            double norm = Math.sqrt(sq);
            for (int j = 0; j < features; j++) x[r * features + j] = (float) (row[j] / norm);
        }
        return x;
    }

    private static void same(int n, int features, RandomState a, RandomState b) {
        int[] labels = new int[n];
        float[] expected = reference(n, features, 8, 0.35, a, labels);
        Dataset d = MakeEmbeddings.makeEmbeddings(n, features, 8, 0.35, b);
        assertArrayEquals(labels, d.labels(), n + " x " + features + " labels");
        assertArrayEquals(expected, d.xFloat32(), n + " x " + features + " features");
        assertEquals(a.standardNormal(), b.standardNormal(), "the stream continues at the same normal");
        assertEquals(a.nextInt32(), b.nextInt32(), "and the same raw draw");
    }

    @Test
    void severalChunksGiveTheSequentialBits() {
        same(5000, 512, new RandomState(7), new RandomState(7));   // 3 chunks of 2048 rows, the last partial
        same(8200, 257, new RandomState(8), new RandomState(8));   // odd width, even rows a chunk: pairs span rows
    }

    @Test
    void moreChunksThanAreInFlightGiveTheSequentialBits() {
        // 6 chunks of 2048 rows, more than MakeEmbeddings.IN_FLIGHT (4): the drawing thread waits for the
        // oldest chunk's rows before it draws the next (100,000 x 512 rows were generated for this before,
        // only their count checked; their time is bench.sh's make_embeddings figure)
        same(12_000, 512, new RandomState(11), new RandomState(11));
    }

    @Test
    void aStreamThatDoesNotStartOrEndOnAPairIsDrawnOneNormalAtATime() {
        same(2001, 9, new RandomState(9), new RandomState(9));     // 18,009 normals: the last pair is half used
        RandomState a = new RandomState(10);
        RandomState b = new RandomState(10);
        a.standardNormal();
        b.standardNormal();                                        // a normal cached before the rows start
        same(4100, 512, a, b);
    }
}
