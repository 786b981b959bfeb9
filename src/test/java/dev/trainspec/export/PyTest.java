package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Python literals that read back as the same values, written as a Python user writes them. */
class PyTest {
    @Test
    void doublesKeepEveryBitAndPythonsSpelling() {
        assertEquals("0.1", Py.number(0.1));
        assertEquals("1e-08", Py.number(1e-8));
        assertEquals("1.5e+20", Py.number(1.5e20));
        assertEquals("-2.5e-05", Py.number(-2.5e-5));
        assertEquals("float(\"nan\")", Py.number(Double.NaN));
        assertEquals("-float(\"inf\")", Py.number(Double.NEGATIVE_INFINITY));
        // the shortest round-trip digits: float("0.30000000000000004") is 0.1 + 0.2 again
        assertEquals("0.30000000000000004", Py.number(0.1 + 0.2));
    }

    @Test
    void scalarsListsAndStrings() {
        assertEquals("None", Py.literal(null));
        assertEquals("True", Py.literal(true));
        assertEquals("42", Py.literal(42L));
        assertEquals("[1, 2.5, \"a\"]", Py.literal(List.of(1L, 2.5, "a")));
        assertEquals("\"say \\\"hi\\\"\\n\\\\\"", Py.string("say \"hi\"\n\\"));
        assertEquals("(0.9, 0.999)", Py.tuple(List.of(0.9, 0.999)));
        assertEquals("(1,)", Py.tuple(List.of(1L)));
    }

    @Test
    void keywordsRenameAndTuple() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("t_max", 10L);
        values.put("feature_range", List.of(-1.0, 1.0));
        assertEquals(List.of("T_max=10", "feature_range=(-1.0, 1.0)"), Py.keywords(values, Map.of("t_max", "T_max"), Set.of("feature_range")));
    }

    @Test
    void longCallsWrapOneItemALine() {
        assertEquals("f(a=1, b=2)", Py.wrap("", "f(", List.of("a=1", "b=2"), ")"));
        String item = "x".repeat(60);
        assertEquals("    f(\n        " + item + ",\n        " + item + ",\n    )", Py.wrap("    ", "f(", List.of(item, item), ")"));
    }
}
