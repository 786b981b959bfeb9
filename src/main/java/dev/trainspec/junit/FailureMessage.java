package dev.trainspec.junit;

import dev.trainspec.check.Finding;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.scenario.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The text a failed variant shows in the IDE and in Surefire's report: every failed expectation,
 * then the diagnosis; printable ({@link Printable}), since ids, names and lines come from the file.
 */
final class FailureMessage {
    private FailureMessage() {}

    /** @param file the result's file as the failure shows it; {@code show} shows a file it extends */
    static String of(Path file, String shown, Function<Path, String> show, VariantOutcome outcome) {
        List<Verdict> failed = outcome.failures();
        StringBuilder sb = new StringBuilder();
        sb.append(failed.size()).append(" of ").append(outcome.verdicts().size()).append(" expectations failed for ")
                .append(outcome.result().scenario().id()).append(" [").append(outcome.result().name()).append("]:");
        for (Verdict v : failed) sb.append("\n  ").append(v.where(file, shown, show)).append(": ").append(v.sentence());
        if (!outcome.diagnosis().isEmpty()) {
            sb.append("\ndiagnosis (code [severity]: evidence -> advice):");
            outcome.diagnosis().stream().sorted(java.util.Comparator.comparing(Finding::severity))
                    .forEach(f -> sb.append("\n  ").append(f));
        }
        return Printable.lines(sb.toString());
    }

    /** The text of failed comparisons between variants, each at its line as {@link #of} shows them. */
    static String comparisons(Path file, String shown, Function<Path, String> show, List<Verdict> failed) {
        StringBuilder sb = new StringBuilder(failed.size() + " comparison(s) failed:");
        for (Verdict v : failed) sb.append("\n  ").append(v.where(file, shown, show)).append(": ").append(v.sentence());
        return sb.toString();
    }

    static String expected(List<Verdict> failed) {
        return Printable.lines(String.join("\n", failed.stream().map(Verdict::text).toList()));
    }

    static String actual(List<Verdict> failed) {
        return Printable.lines(String.join("\n", failed.stream().map(Verdict::detail).toList()));
    }
}
