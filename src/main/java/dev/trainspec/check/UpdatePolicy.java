package dev.trainspec.check;

import java.util.Locale;
import java.util.Map;

/**
 * When regression snapshots may be written (scenarios/README.md section 5): {@code none} compares only
 * (the default, and the only policy on CI, so that a pull request cannot accept its own drift),
 * {@code new} writes snapshots that do not exist yet, {@code all} rewrites every snapshot it checks.
 */
public enum UpdatePolicy {
    NONE, NEW, ALL;

    /**
     * The policy asked for (null = default). With CI=true in the environment, asking to write
     * snapshots is refused with a message rather than silently ignored: the user would otherwise
     * believe the drift accepted.
     */
    public static UpdatePolicy resolve(String requested, Map<String, String> env) {
        if (requested == null || requested.isBlank()) return NONE;
        UpdatePolicy policy;
        try {
            policy = valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("update policy: expected none, new or all, found '" + requested + "'");
        }
        if (policy != NONE && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new IllegalArgumentException("update policy " + policy + " is refused because CI=true: a pull request may not accept"
                    + " its own drift; run with --update " + policy + " on your machine and commit the snapshots it writes");
        }
        return policy;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
