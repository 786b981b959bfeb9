package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8.1 "wrong types everywhere": every value of {@link Hostile#VALID}, one at a time,
 * replaced by a value of each other shape. The file either still loads (a title may be a
 * number) or fails with one or two problems, all naming the line it was written on.
 */
class WrongTypesEverywhereTest {
    private static final List<String> WRONG = List.of("[1, 2]", "{a: 1}", "'text'", "-1", "1e400", "true", ".nan", "[]", "{}");
    private static final Pattern PROBLEM = Pattern.compile("s\\.yaml:(\\d+):\\d+: .*expected .+");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyValueReplacedByEveryWrongShape() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] lines = Hostile.VALID.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(": ");
            if (colon < 0 || line.strip().startsWith("- mean")) continue;
            for (String wrong : WRONG) {
                int lineNo = i + 1;
                String key = line.substring(0, colon + 2);
                String yaml = String.join("\n", replaced(lines, i, key + wrong)) + "\n";
                tests.add(DynamicTest.dynamicTest("line " + lineNo + ": " + key.strip() + " " + wrong, () -> {
                    String m = new Hostile(dir).outcome(yaml.getBytes(StandardCharsets.UTF_8));
                    if (m == null) return;
                    List<String> problems = m.lines().toList();
                    // [1, 2] for a list of words is two problems; {a: 1} for {out} is "unknown a" and "missing out"
                    assertTrue(problems.size() <= 2, "at most two problems for one wrong value:\n" + m);
                    for (String p : problems) {
                        var match = PROBLEM.matcher(p);
                        assertTrue(match.matches(), "file:line:column: key: expected ..., found: " + m);
                        assertEquals(lineNo, Integer.parseInt(match.group(1)), "the problem's line: " + m);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static String[] replaced(String[] lines, int i, String with) {
        String[] copy = lines.clone();
        copy[i] = with;
        return copy;
    }
}
