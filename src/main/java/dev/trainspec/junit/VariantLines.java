package dev.trainspec.junit;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Which variants a line of a file selects (SCENARIOS.md 8.1): a line inside a variant's override
 * (its key line and every following line indented deeper, blank lines and comments included)
 * selects that variant; every other line selects {@code base}. Sweep cells share their sweep's
 * line, so that line selects all of them.
 */
final class VariantLines {
    private VariantLines() {}

    static List<Scenario> at(ScenarioFile file, int line) {
        String[] lines = file.base().source() == null ? new String[0] : file.base().source().split("\r?\n", -1);
        List<Scenario> out = new ArrayList<>();
        for (Scenario v : file.variants().subList(1, file.variants().size())) {
            if (v.origin() == null || !v.origin().isIn(file.file())) continue; // defined in an extended file
            if (within(lines, v.origin().line(), v.origin().column(), line)) out.add(v);
        }
        return out.isEmpty() ? List.of(file.base()) : out;
    }

    /** True when {@code line} (1-based) is the key line {@code start} or a deeper-indented line of its block. */
    static boolean within(String[] lines, int start, int keyColumn, int line) {
        if (line == start) return true;
        if (line < start || line > lines.length) return false;
        for (int i = start; i < line; i++) { // lines[i] is line i + 1
            String text = lines[i];
            if (text.isBlank() || text.strip().startsWith("#")) continue;
            if (indent(text) <= keyColumn) return false; // a sibling key or less: the block ended
        }
        String target = lines[line - 1];
        return target.isBlank() || target.strip().startsWith("#") || indent(target) > keyColumn;
    }

    private static int indent(String text) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == ' ') n++;
        return n + 1; // as a 1-based column, like Origin
    }
}
