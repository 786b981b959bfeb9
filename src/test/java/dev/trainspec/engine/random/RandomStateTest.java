package dev.trainspec.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Draws checked bit for bit against numpy 1.24's RandomState(12345) (fixture made by make_fixtures.py). */
class RandomStateTest {
    private static String fixture() throws IOException {
        try (InputStream in = RandomStateTest.class.getResourceAsStream("/sklearn/randomstate_seed12345.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The numbers of one JSON array in the fixture, by key (the fixture is flat, so a regex suffices). */
    private static List<Double> array(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) throw new AssertionError("fixture has no " + key);
        List<Double> out = new ArrayList<>();
        for (String s : m.group(1).split(",")) out.add(Double.parseDouble(s.trim()));
        return out;
    }

    @Test
    void drawsMatchNumpyInTheFixturesOrder() throws IOException {
        String json = fixture();
        RandomState r = new RandomState(12345);
        for (double expected : array(json, "random_sample_5")) assertEquals(expected, r.randomSample(), 0.0);
        for (double expected : array(json, "standard_normal_5")) assertEquals(expected, r.standardNormal(), 0.0);
        for (double expected : array(json, "randint_0_10_5")) assertEquals((long) expected, r.randint(0, 10));
        int[] perm = r.permutation(10);
        List<Double> expectedPerm = array(json, "permutation_10");
        for (int i = 0; i < perm.length; i++) assertEquals(expectedPerm.get(i).intValue(), perm[i]);
        for (double expected : array(json, "uniform_-1_1_3")) assertEquals(expected, r.uniform(-1, 1), 0.0);
        for (double expected : array(json, "normal_5_2_3")) assertEquals(expected, r.normal(5, 2), 0.0);
    }

    /**
     * polarDraws reads the generator's outputs a block at a time: from every position of the first
     * twist's 624 outputs (so that attempts straddle the next twist at each of the four offsets), and
     * over several twists, it gives standardNormal's values in its order, and leaves the stream where
     * standardNormal leaves it.
     */
    @Test
    void polarDrawsGiveStandardNormalsValuesFromEveryPositionOfTheStream() {
        for (int skipped = 0; skipped < 624; skipped += skipped < 12 ? 1 : 37) {
            for (int pairs : new int[] {1, 155, 700}) {
                RandomState sequential = new RandomState(skipped);
                RandomState blocks = new RandomState(skipped);
                for (int i = 0; i < skipped; i++) assertEquals(sequential.nextInt32(), blocks.nextInt32());
                double[] x1 = new double[pairs];
                double[] x2 = new double[pairs];
                double[] r2 = new double[pairs];
                blocks.polarDraws(x1, x2, r2, pairs);
                for (int k = 0; k < pairs; k++) {
                    double f = RandomState.polarFactor(r2[k]);
                    assertEquals(sequential.standardNormal(), f * x2[k], 0.0, "normal " + 2 * k + " after " + skipped + " draws");
                    assertEquals(sequential.standardNormal(), f * x1[k], 0.0, "normal " + (2 * k + 1) + " after " + skipped + " draws");
                }
                assertEquals(sequential.nextInt32(), blocks.nextInt32(), "the stream continues at the same draw (" + skipped + ", " + pairs + " pairs)");
            }
        }
    }
}
