package dev.trainspec.report.compare;

import dev.trainspec.scenario.Printable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GitHub Actions workflow commands that put each problem into the pull request's diff: a failed
 * expectation, an invalid scenario (each {@code file:line:column:} problem) and a failed unit
 * test are {@code ::error}, regression drift a {@code ::warning}. GitHub shows a limited number
 * per step, so at most {@link #LIMIT}; the rest is one {@code ::notice} that counts them.
 */
public final class Annotations {
    public static final int LIMIT = 50;
    /** Where Maven keeps test sources: a unit test's file in the diff. */
    static final String TEST_SOURCES = "src/test/java/";

    private Annotations() {}

    public static List<String> of(List<ResultDoc> head, UnitTests unit) {
        return of(head, unit, List.of());
    }

    /** {@code invalid}: the problems of scenario files that could not be loaded ({@link Problem#invalid}). */
    public static List<String> of(List<ResultDoc> head, UnitTests unit, List<Problem> invalid) {
        Set<String> all = new LinkedHashSet<>();
        for (Problem p : invalid) all.add(problem(p, "trainspec: invalid scenario"));
        for (ResultDoc doc : head) {
            // a file whose run crashed (an invalid file's problems come in {@code invalid})
            if (doc.error() != null && doc.variants().isEmpty() && !doc.invalid()) {
                all.add(command("error", doc.file(), 1, "trainspec " + doc.id(), doc.error()));
            }
            for (ResultDoc.Variant v : doc.variants()) {
                String title = "trainspec " + doc.id() + " [" + v.name() + "]";
                if (v.error() != null) {
                    List<String> problems = problems(v.error(), title);
                    all.addAll(problems.isEmpty() ? List.of(command("error", doc.file(), 1, title, v.error())) : problems);
                }
                for (ResultDoc.Check c : v.expectations()) {
                    if (c.passed()) continue;
                    all.add(command(drift(c) ? "warning" : "error", c.fileIn(doc.file()), c.line(), title, c.sentence()));
                }
            }
        }
        for (UnitTests.Failure f : unit.failures()) {
            List<String> problems = problems(f.message(), "trainspec " + f.test());
            all.addAll(problems.isEmpty() ? List.of(command("error", TEST_SOURCES + f.file(), f.line(), "unit test " + f.test(), f.message())) : problems);
        }
        if (all.size() <= LIMIT) return List.copyOf(all);
        List<String> out = new ArrayList<>(List.copyOf(all).subList(0, LIMIT));
        out.add("::notice title=trainspec::" + data((all.size() - LIMIT) + " more problems are not annotated: see the pull request comment and the report"));
        return out;
    }

    /** Regression drift: the snapshot check's sentence (written by check.Snapshots). */
    static boolean drift(ResultDoc.Check c) {
        return c.text().contains("matches its snapshot");
    }

    /** One annotation per {@code file:line:column: message} line of {@code text} (an invalid scenario's problems). */
    static List<String> problems(String text, String title) {
        return Problem.in(text).stream().map(p -> problem(p, title)).toList();
    }

    private static String problem(Problem p, String title) {
        return "::error file=" + property(p.file()) + ",line=" + p.line() + ",col=" + p.column() + ",title=" + property(title) + "::" + data(p.message());
    }

    static String command(String level, String file, int line, String title, String message) {
        return "::" + level + " file=" + property(file) + (line > 0 ? ",line=" + line : "") + ",title=" + property(title) + "::" + data(message);
    }

    /**
     * GitHub's escaping of a command's message, after {@link Printable#lines}: the text comes from
     * a pull request, and the annotation is shown in the diff and the log.
     */
    static String data(String s) {
        return github(Printable.lines(s));
    }

    /** GitHub's escaping of a command's property value (also ':' and ','), after {@link Printable#line}: one line. */
    static String property(String s) {
        return github(Printable.line(s)).replace(":", "%3A").replace(",", "%2C");
    }

    private static String github(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
