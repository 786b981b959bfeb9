package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result's baselines keep the order they were fitted in, which the JSON result writes: the same text in every JVM. */
class VariantResultTest {
    @Test
    void baselinesKeepTheirFittedOrder() {
        Map<String, Map<String, Double>> fitted = new LinkedHashMap<>();
        // twelve names: an order that only happened to survive a hash map would be one in 12!
        List<String> names = List.of("m", "c", "x", "a", "k", "b", "z", "f", "q", "d", "w", "e");
        for (String name : names) fitted.put(name, Map.of("test.accuracy", 0.5));
        VariantResult r = new VariantResult(null, List.of(), fitted, null, "", 0, null);
        assertEquals(names, List.copyOf(r.baselines().keySet()));
    }
}
