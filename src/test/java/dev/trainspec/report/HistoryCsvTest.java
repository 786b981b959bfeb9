package dev.trainspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryCsvTest {
    @Test
    void valuesAreTheShortestTextOfTheirFloat32() {
        assertEquals("0.985", HistoryCsv.number(0.985));
        assertEquals("0.6931472", HistoryCsv.number(Math.log(2)));
        assertEquals("3", HistoryCsv.number(3.0));
        assertEquals("1.0E-8", HistoryCsv.number(1e-8));
        assertEquals("NaN", HistoryCsv.number(Double.NaN));
        assertEquals("Infinity", HistoryCsv.number(Double.POSITIVE_INFINITY));
        // a float32 value written as a double reads back to the same float
        float f = 0.12345679f;
        assertEquals(f, Float.parseFloat(HistoryCsv.number(f)));
    }

    @Test
    void oneRowPerRunAndEpoch() {
        assertEquals("seed,epoch,train.loss,train.accuracy,test.loss,test.accuracy\n0,1,0.63,0.65,0.65,0.64\n",
                HistoryCsv.of(java.util.List.of(Outcomes.run(0, 1))));
    }

    @Test
    void longRunsKeepOneEpochInStrideAndTheirLast() {
        var runs = java.util.List.of(Outcomes.run(0, 1000));
        assertEquals(10, HistoryCsv.stride(runs));
        java.util.List<String> epochs = HistoryCsv.of(runs).lines().skip(1).map(l -> l.split(",")[1]).toList();
        assertEquals(java.util.List.of("1", "11", "21"), epochs.subList(0, 3));
        assertEquals("991", epochs.get(epochs.size() - 2));
        assertEquals("1000", epochs.get(epochs.size() - 1));
        assertEquals(101, epochs.size());
    }
}
