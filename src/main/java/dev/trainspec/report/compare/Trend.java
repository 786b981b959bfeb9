package dev.trainspec.report.compare;

import dev.trainspec.report.JsonReader;
import dev.trainspec.report.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key metric of every variant over main's last runs ({@code trend.json}, published beside the
 * report): what the overview's trend column draws, with the current run (main's next, or a pull
 * request) as its last point. Oldest first; at most {@link #KEEP} runs.
 */
public record Trend(List<Point> runs) {
    public static final int KEEP = 30;
    public static final Trend EMPTY = new Trend(List.of());

    /** One run: its commit and the mean final key metric of each variant, keyed {@code id#variant}. */
    public record Point(String commit, Map<String, Double> values) {}

    /** A missing file is an empty trend (the first publication); a malformed one is an error that names the file. */
    @SuppressWarnings("unchecked")
    public static Trend read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) return EMPTY;
        Object doc;
        try {
            doc = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        List<Point> out = new ArrayList<>();
        if (doc instanceof Map<?, ?> m && m.get("runs") instanceof List<?> runs) {
            for (Object r : runs) {
                if (!(r instanceof Map<?, ?> run) || !(run.get("values") instanceof Map<?, ?> values)) continue;
                Map<String, Double> v = new LinkedHashMap<>();
                ((Map<String, Object>) values).forEach((k, x) -> v.put(k, x instanceof Number n ? n.doubleValue() : Double.NaN));
                out.add(new Point(String.valueOf(run.get("commit")), v));
            }
        }
        return new Trend(List.copyOf(out));
    }

    /** This trend with the head of {@code c} appended as the newest point, the oldest dropped past {@link #KEEP}. */
    public Trend with(String commit, Comparison c) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (VariantChange v : c.variants()) {
            if (v.key() != null && v.key().head() != null) values.put(key(v), v.key().head().mean());
        }
        List<Point> out = new ArrayList<>(runs);
        out.add(new Point(commit, values));
        return new Trend(List.copyOf(out.subList(Math.max(0, out.size() - KEEP), out.size())));
    }

    /** The values of one variant, oldest first (NaN where a run did not have it). */
    public double[] of(VariantChange v) {
        return runs.stream().mapToDouble(p -> p.values().getOrDefault(key(v), Double.NaN)).toArray();
    }

    public String json() {
        JsonWriter w = new JsonWriter().beginObject().name("runs").beginArray();
        for (Point p : runs) w.beginObject().name("commit").value(p.commit()).name("values").numbers(p.values()).endObject();
        return w.endArray().endObject().toString() + "\n";
    }

    static String key(VariantChange v) {
        return v.id() + "#" + v.name();
    }
}
