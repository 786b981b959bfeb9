package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendTest {
    @Test
    void mainsRunsThenThisOneRoundTripAndTheOldestGoPastTheLimit(@TempDir Path dir) throws IOException {
        Comparison c = ComparisonTest.simulate(dir);
        assertEquals(Trend.EMPTY, Trend.read(dir.resolve("none.json")), "the first publication has no trend");
        Trend t = Trend.EMPTY;
        for (int i = 0; i < Trend.KEEP + 5; i++) t = t.with("c" + i, c);
        assertEquals(Trend.KEEP, t.runs().size());
        assertEquals("c5", t.runs().get(0).commit());
        Files.writeString(dir.resolve("trend.json"), t.json());
        Trend back = Trend.read(dir.resolve("trend.json"));
        assertEquals(t, back);
        VariantChange moons = c.variants().get(0);
        assertEquals(0.89, back.of(moons)[Trend.KEEP - 1], 1e-12);
    }

    @Test
    void aVariantMissingFromOlderRunsIsAGapAndTheOverviewDrawsTheTrend(@TempDir Path dir) throws IOException {
        Comparison c = ComparisonTest.simulate(dir);
        Files.writeString(dir.resolve("trend.json"), "{\"runs\": [{\"commit\": \"a\", \"values\": {\"seeds/moons#base\": 0.95}}, {\"commit\": \"b\", \"values\": {}}]}");
        Trend t = Trend.read(dir.resolve("trend.json")).with("pr", c);
        assertArrayEquals(new double[] {0.95, Double.NaN, 0.89}, t.of(c.variants().get(0)), 1e-12);
        String page = ComparePage.html(c, Links.NONE, t);
        assertTrue(page.contains("<th>trend, main's last 2 runs \u2192 this run</th>"), page);
        assertTrue(page.contains("<td style=\"font-family:monospace\">\u2588\u00d7\u2581</td>"), page);
    }
}
