package dev.trainspec.check;

/**
 * One diagnosis finding: a code of scenarios/README.md section 6, how serious it is, the evidence with
 * numbers, and one sentence of advice. {@code onlyDivergedRuns}: every run it was found in had
 * gone non-finite (NaN or infinity), so it tells of the divergence, which {@code diagnosis
 * includes non_finite} accepts; false for static findings.
 */
public record Finding(String code, Severity severity, String evidence, String advice, boolean onlyDivergedRuns) {
    public enum Severity { ERROR, WARNING, INFO }

    public Finding(String code, Severity severity, String evidence, String advice) {
        this(code, severity, evidence, advice, false);
    }

    @Override
    public String toString() {
        return code + " [" + severity.name().toLowerCase(java.util.Locale.ROOT) + "]: " + evidence + " -> " + advice;
    }
}
