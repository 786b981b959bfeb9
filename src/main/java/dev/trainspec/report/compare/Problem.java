package dev.trainspec.report.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem the loader or the runner reports against the user's text, {@code
 * scenarios/x.yaml:14:9: model[2].linear: expected a positive integer, found -3}: read back from a
 * variant's error, from an invalid file's error result or from a test's failure message.
 */
public record Problem(String file, int line, int column, String message) {
    /** The file may hold spaces (a file name is anything a pull request commits); it starts the line, after indentation. */
    private static final Pattern LINE = Pattern.compile("^\\s*(\\S.*?\\.ya?ml):(\\d+):(\\d+): (.+)$", Pattern.MULTILINE);

    /** Every {@code file:line:column: message} line of {@code text}, in order, without repeats. */
    public static List<Problem> in(String text) {
        Set<Problem> out = new LinkedHashSet<>();
        Matcher m = LINE.matcher(text == null ? "" : text);
        while (m.find()) out.add(new Problem(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
        return List.copyOf(out);
    }

    /**
     * The problems of invalid scenarios: those their error results in {@code head} hold, then
     * those in the scenario tests' failures of files without a JSON result in {@code head} (results
     * written before invalid files had one; a file that ran reports its own errors in its result;
     * an expectation's "file:line: ..." has no column and is not a problem).
     */
    public static List<Problem> invalid(UnitTests scenarioTests, List<ResultDoc> head) {
        Set<String> ran = new java.util.HashSet<>();
        Set<Problem> out = new LinkedHashSet<>();
        for (ResultDoc d : head) {
            ran.add(d.file());
            out.addAll(d.problems());
        }
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
