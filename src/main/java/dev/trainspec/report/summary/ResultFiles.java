package dev.trainspec.report.summary;

import dev.trainspec.report.JsonReader;
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
 */
public final class ResultFiles {
    private ResultFiles() {}

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(ResultFiles::isResult).sorted().toList()) {
                Object doc;
                try {
                    doc = JsonReader.parse(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
                }
                if (!(doc instanceof Map<?, ?> m) || !(m.get("id") instanceof String) || !(m.get("variants") instanceof List<?>)) {
                    throw new IllegalArgumentException(f + ": not a trainspec result (expected an object with id and variants)");
                }
                out.add((Map<String, Object>) m);
            }
        }
        out.sort(Comparator.comparing(m -> (String) m.get("id")));
        return out;
    }

    private static boolean isResult(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }
}
