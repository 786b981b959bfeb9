package dev.trainspec.check;

import dev.trainspec.scenario.Origin;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The outcome of one expectation (or of the implicit health check): the sentence it reads as,
 * whether it held, the observed value and the bound it was compared with (NaN where none
 * applies), a p-value for significance tests (NaN otherwise) and a detail for humans.
 */
public record Verdict(String text, Origin origin, boolean passed, double observed, double bound, double p, String detail) {
    /** e.g. "test.accuracy >= 0.95 (observed 0.984)". */
    public String sentence() {
        return text + " (" + detail + ")";
    }

    /**
     * {@code file:line} of this verdict in a result for {@code resultFile}, shown as
     * {@code shownResultFile}: a verdict whose line is in another file (an expectation inherited
     * through {@code extends}) names that file, shown by {@code show}, as the line is its.
     */
    public String where(Path resultFile, String shownResultFile, Function<Path, String> show) {
        return (origin.isIn(resultFile) ? shownResultFile : show.apply(origin.file())) + ":" + origin.line();
    }
}
