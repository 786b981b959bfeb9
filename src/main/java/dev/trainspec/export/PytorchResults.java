package dev.trainspec.export;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.report.JsonReader;
import dev.trainspec.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exported script's stdout ({@code {"runs": [{"seed", "final", "history", ...}]}}) as the
 * engine's own result types, so that the checker judges PyTorch's runs exactly as it judges the
 * Java engine's. JSON has no NaN: null is read back as NaN, as trainspec's own JSON is.
 */
final class PytorchResults {
    private PytorchResults() {}

    /** @throws IllegalArgumentException naming what is missing when the text is not such a result */
    static List<RunResult> parse(String json, List<Long> seeds, List<String> metrics) {
        Object root;
        try {
            root = JsonReader.parse(json.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the script's stdout is not one JSON object (" + e.getMessage() + ")");
        }
        List<?> runs = list(map(root, "the result").get("runs"), "runs");
        if (runs.size() != seeds.size()) throw new IllegalArgumentException(runs.size() + " runs, expected " + seeds.size());
        List<RunResult> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<?, ?> run = map(runs.get(i), "runs[" + i + "]");
            long seed = ((Number) run.get("seed")).longValue();
            if (seed != seeds.get(i)) throw new IllegalArgumentException("runs[" + i + "].seed " + seed + ", expected " + seeds.get(i));
            Map<?, ?> history = map(run.get("history"), "runs[" + i + "].history");
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String name : metrics) {
                if (!history.containsKey(name)) throw new IllegalArgumentException("runs[" + i + "].history has no " + name);
                series.put(name, doubles(list(history.get(name), name)));
            }
            out.add(new RunResult(seed, new TrainingRun(History.of(series), nonFinite(run.get("non_finite")),
                    String.valueOf(run.get("stop_reason")), (long) optional(run, "steps")), optional(run, "seconds")));
        }
        return out;
    }

    /** steps and seconds are trainspec's additions to the format: a hand-written twin may leave them out. */
    private static double optional(Map<?, ?> run, String key) {
        return run.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static NonFinite nonFinite(Object v) {
        if (v == null) return null;
        Map<?, ?> m = map(v, "non_finite");
        Object value = m.get("value");
        return new NonFinite(((Number) m.get("epoch")).intValue(), ((Number) m.get("step")).intValue(), String.valueOf(m.get("where")),
                value == null ? Double.NaN : ((Number) value).doubleValue());
    }

    private static double[] doubles(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i) == null ? Double.NaN : ((Number) values.get(i)).doubleValue();
        return out;
    }

    private static Map<?, ?> map(Object v, String what) {
        if (v instanceof Map<?, ?> m) return m;
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    private static List<?> list(Object v, String what) {
        if (v instanceof List<?> l) return l;
        throw new IllegalArgumentException(what + " is not a JSON array");
    }
}
