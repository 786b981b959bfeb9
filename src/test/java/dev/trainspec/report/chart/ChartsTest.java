package dev.trainspec.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.Outcomes;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartsTest {
    static Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static String texts(Document d) {
        NodeList t = d.getElementsByTagNameNS("*", "text");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.getLength(); i++) sb.append(t.item(i).getTextContent()).append('\n');
        return sb.toString();
    }

    private static VariantResult threeRuns() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) runs.add(Outcomes.run(i, 12));
        return Outcomes.result(Outcomes.scenario("seeds/moons", "base", 3, List.of(Outcomes.meanAccuracyAtLeast("seeds/moons", 0.95))), runs);
    }

    @Test
    void lossAndAccuracyChartsAreSvgDocumentsWithLegendBandsAndBoundLabels() throws Exception {
        List<Charts.Chart> charts = Charts.of(threeRuns());
        assertEquals(List.of("loss", "accuracy"), charts.stream().map(Charts.Chart::name).toList());
        Document loss = xml(charts.get(0).svg());
        assertEquals("svg", loss.getDocumentElement().getLocalName());
        String lossText = texts(loss);
        assertTrue(lossText.contains("Loss per epoch \u2014 seeds/moons [base]"), lossText);
        assertTrue(lossText.contains("train (mean, min-max of 3 runs)"), lossText);
        assertTrue(lossText.contains("test (mean, min-max of 3 runs)"), lossText);
        assertTrue(lossText.contains("epoch"), lossText);
        assertTrue(!lossText.contains(">= 0.95"), "the accuracy bound does not belong on the loss chart:\n" + lossText);
        String accText = texts(xml(charts.get(1).svg()));
        assertTrue(accText.contains("mean test.accuracy >= 0.95"), "bound label:\n" + accText);
        // the band: DeviationRenderer fills one translucent polygon per series
        assertTrue(charts.get(1).svg().contains("fill-opacity"), "a translucent min-max band");
    }

    @Test
    void sameResultsSameSvg() {
        assertEquals(Charts.of(threeRuns()).get(1).svg(), Charts.of(threeRuns()).get(1).svg());
    }

    @Test
    void aDivergedLossIsDrawnOnALogAxisWithTheFirstNonFiniteEpochMarked() throws Exception {
        // two runs diverge at the same epoch: one numbered line, one entry under the chart
        VariantResult r = Outcomes.result(Outcomes.scenario("seeds/div", "base", 2, List.of()), List.of(Outcomes.diverged(0), Outcomes.diverged(3)));
        Charts.Chart loss = Charts.of(r).get(0);
        String text = texts(xml(loss.svg()));
        assertTrue(!text.contains("(seed"), "the line carries its number only: " + text);
        assertEquals(List.of("1: epoch 4, first non-finite value: loss (seed 0), loss (seed 3)"), loss.events());
        assertTrue(CurveChart.valueAxis("loss", 0.5, 2e6) instanceof org.jfree.chart.axis.LogAxis);
        assertTrue(CurveChart.valueAxis("loss", 0.5, 400) instanceof org.jfree.chart.axis.NumberAxis);
        assertTrue(CurveChart.valueAxis("r2", -3, 1e6) instanceof org.jfree.chart.axis.NumberAxis, "negative values stay linear");
    }

    @Test
    void aVariantWithoutRunsHasNoCharts() {
        VariantResult failed = new VariantResult(Outcomes.scenario("x", "base", 1, List.of()), List.of(), java.util.Map.of(), null, "", 0, "boom");
        assertTrue(Charts.of(failed).isEmpty());
    }

    @Test
    void aThousandEpochsOfTenRunsMakeASmallChart() {
        List<RunResult> runs = new ArrayList<>();
        for (int seed = 0; seed < 10; seed++) runs.add(Outcomes.run(seed, 1000));
        List<Charts.Chart> charts = Charts.of(Outcomes.result(Outcomes.scenario("long/run", "base", 10, List.of()), runs));
        for (Charts.Chart c : charts) {
            // thinned to 150 points a line and written to a tenth of a pixel (it was 250 kB before)
            assertTrue(c.svg().length() < 60_000, c.name() + ": " + c.svg().length() + " characters");
        }
        assertEquals("12.3", CurveChart.tenths(12.34));
        assertEquals("-3", CurveChart.tenths(-2.96));
    }
}
