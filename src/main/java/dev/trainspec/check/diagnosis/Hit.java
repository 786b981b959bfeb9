package dev.trainspec.check.diagnosis;

import dev.trainspec.check.Finding.Severity;

/** What a rule saw in one run: the evidence with numbers, and how serious it is there. */
record Hit(String evidence, Severity severity) {
    static Hit error(String evidence) {
        return new Hit(evidence, Severity.ERROR);
    }

    static Hit warning(String evidence) {
        return new Hit(evidence, Severity.WARNING);
    }

    static Hit info(String evidence) {
        return new Hit(evidence, Severity.INFO);
    }
}
