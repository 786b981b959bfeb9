package dev.trainspec.report.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem the loader or the runner reports against the user's text, {@code
 * scenarios/x.yaml:14:9: model[2].linear: expected a positive integer, found -3}: read back from a
 * variant's error or from a test's failure message (an invalid scenario writes no JSON result,
 * only its failed test says why).
 */
public record Problem(String file, int line, int column, String message) {
    private static final Pattern LINE = Pattern.compile("^\\s*(\\S+?\\.ya?ml):(\\d+):(\\d+): (.+)$", Pattern.MULTILINE);

    /** Every {@code file:line:column: message} line of {@code text}, in order, without repeats. */
    public static List<Problem> in(String text) {
        Set<Problem> out = new LinkedHashSet<>();
        Matcher m = LINE.matcher(text == null ? "" : text);
        while (m.find()) out.add(new Problem(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
        return List.copyOf(out);
    }

    /**
     * The problems of invalid scenarios in the scenario tests' failures: files without a JSON
     * result in {@code head} (a file that ran reports its own errors there; an expectation's
     * "file:line: ..." has no column and is not a problem).
     */
    public static List<Problem> invalid(UnitTests scenarioTests, List<ResultDoc> head) {
        Set<String> ran = new java.util.HashSet<>();
        for (ResultDoc d : head) ran.add(d.file());
        Set<Problem> out = new LinkedHashSet<>();
        for (UnitTests.Failure f : scenarioTests.failures()) {
            for (Problem p : in(f.message())) if (!ran.contains(p.file())) out.add(p);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
