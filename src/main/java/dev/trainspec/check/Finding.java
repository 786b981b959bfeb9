package dev.trainspec.check;

/**
 * One diagnosis finding: a code of scenarios/README.md section 6, how serious it is, the evidence with
 * numbers, and one sentence of advice.
 */
public record Finding(String code, Severity severity, String evidence, String advice) {
    public enum Severity { ERROR, WARNING, INFO }

    @Override
    public String toString() {
        return code + " [" + severity.name().toLowerCase(java.util.Locale.ROOT) + "]: " + evidence + " -> " + advice;
    }
}
