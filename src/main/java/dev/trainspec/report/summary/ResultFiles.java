package dev.trainspec.report.summary;

import dev.trainspec.report.JsonReader;
import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON results of a run ({@code DIR/<id>.json}, ids may hold folders), parsed, sorted by id:
 * the same order whatever order the shards wrote them in. Hidden files (the {@code .tmp-*.json}
 * a killed run leaves behind) are not results.
 * <p>
 * Memory stays bounded by one file: each result is read within {@link #MAX_BYTES} (results are
 * capped well below, see {@code HistoryThinning}), confined to DIR (a linked file is refused),
 * and its per-epoch histories are dropped before the next file is read: the summary needs the
 * final values only.
 */
public final class ResultFiles {
    private ResultFiles() {}

    /** The largest result file read: four times the JSON a capped result holds. */
    static final long MAX_BYTES = 100L << 20;

    /**
     * The results read, sorted by id, and one line for each {@code .json} file that was skipped:
     * not JSON, not a result object, or refused by confinement. One stray file in a results
     * folder is named, not the end of the summary or the comparison.
     */
    public record Results(List<Map<String, Object>> files, List<String> skipped) {}

    /** The results with their final values only (the summary's need): one file's histories in memory at a time. */
    public static Results read(Path dir) throws IOException {
        return read(dir, false);
    }

    /** The results with their per-epoch histories (compare draws the curves; each result is capped by {@code HistoryThinning}). */
    public static Results readWithHistories(Path dir) throws IOException {
        return read(dir, true);
    }

    @SuppressWarnings("unchecked")
    private static Results read(Path dir, boolean histories) throws IOException {
        Workspace confined = new Workspace(dir);
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(ResultFiles::isResult).sorted().toList()) {
                Object doc;
                try {
                    doc = JsonReader.parse(new String(confined.read(f, MAX_BYTES), StandardCharsets.UTF_8));
                } catch (Workspace.Refused | IllegalArgumentException e) {
                    skipped.add(skip(f, e.getMessage()));
                    continue;
                }
                if (!(doc instanceof Map<?, ?> m) || !(m.get("id") instanceof String) || !(m.get("variants") instanceof List<?>)) {
                    skipped.add(skip(f, "not a trainspec result (expected an object with id and variants)"));
                    continue;
                }
                out.add(histories ? (Map<String, Object>) m : withoutHistories((Map<String, Object>) m));
            }
        }
        out.sort(Comparator.comparing(m -> (String) m.get("id")));
        return new Results(List.copyOf(out), List.copyOf(skipped));
    }

    /** "skipped DIR/x.json: why", one printable line: the name and the parser's words may hold anything. */
    private static String skip(Path file, String why) {
        return Printable.line("skipped " + file + ": " + why);
    }

    /** The result with each run's per-epoch history removed (the summary reads finals only). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutHistories(Map<String, Object> result) {
        for (Object v : (List<?>) result.get("variants")) {
            if (!(v instanceof Map<?, ?> variant) || !(variant.get("runs") instanceof List<?> runs)) continue;
            for (Object run : runs) {
                if (run instanceof Map<?, ?> r) {
                    ((Map<String, Object>) r).remove("history");
                    ((Map<String, Object>) r).remove("history_epochs");
                }
            }
        }
        return result;
    }

    private static boolean isResult(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }
}
