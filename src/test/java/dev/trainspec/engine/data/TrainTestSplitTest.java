package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.random.RandomState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Row indices and error messages of scikit-learn 1.2's train_test_split, case by case (make_split_fixtures.py). */
class TrainTestSplitTest {
    @Test
    void publicFixtureN50() {
        Map<String, Object> f = Json.resource("train_test_split_n50_t0.2_rs42.json");
        TrainTestSplit.Split s = TrainTestSplit.split(50, 0.2, new RandomState(42));
        assertArrayEquals(Json.ints(f.get("train")), s.train());
        assertArrayEquals(Json.ints(f.get("test")), s.test());
    }

    @TestFactory
    List<DynamicTest> sklearnCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Json.cases("train_test_split_cases.json")) {
            String name = "n=" + c.get("n") + " test_size=" + c.get("test_size") + " train_size=" + c.get("train_size")
                    + " random_state=" + c.get("random_state") + " shuffle=" + c.get("shuffle") + (c.get("stratify") != null ? " stratified" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests;
    }

    private static void check(Map<String, Object> c) {
        int n = ((Number) c.get("n")).intValue();
        Number test = (Number) c.get("test_size");
        Number train = (Number) c.get("train_size");
        Number rs = (Number) c.get("random_state");
        boolean shuffle = (Boolean) c.get("shuffle");
        int[] stratify = c.get("stratify") == null ? null : Json.ints(c.get("stratify"));
        RandomState rng = rs == null ? null : new RandomState(rs.longValue());
        String error = (String) c.get("error");
        if (error != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrainTestSplit.split(n, test, train, rng, shuffle, stratify));
            assertEquals(error, e.getMessage());
            return;
        }
        TrainTestSplit.Split s = TrainTestSplit.split(n, test, train, rng, shuffle, stratify);
        assertArrayEquals(Json.ints(c.get("train")), s.train(), "train rows");
        assertArrayEquals(Json.ints(c.get("test")), s.test(), "test rows");
    }

    @Test
    void sameSeedSameSplit() {
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 3 == 0 ? 1 : 0;
        TrainTestSplit.Split a = TrainTestSplit.split(40, 0.3, null, new RandomState(9), true, labels);
        TrainTestSplit.Split b = TrainTestSplit.split(40, 0.3, null, new RandomState(9), true, labels);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
    }

    @Test
    void pythonNumberFormatting() {
        assertEquals("1.5", PyFormat.str(1.5));
        assertEquals("1e-05", PyFormat.str(1e-5));
        assertEquals("0.0001", PyFormat.str(1e-4));
        assertEquals("1e+16", PyFormat.str(1e16));
        assertEquals("1234567.0", PyFormat.str(1234567.0));
        assertEquals("0.30000000000000004", PyFormat.str(0.1 + 0.2));
        assertEquals("-2.5e-07", PyFormat.str(-2.5e-7));
        assertEquals("None", PyFormat.str((Number) null));
        assertEquals("3", PyFormat.str(Long.valueOf(3)));
    }
}
