package dev.trainspec.check;

import java.util.Locale;
import java.util.Map;

/**
 * When regression snapshots may be written (SCENARIOS.md section 5): {@code none} compares only
 * (the default, and always on CI, so that a pull request cannot accept its own drift), {@code new}
 * writes snapshots that do not exist yet, {@code all} rewrites every snapshot it checks.
 */
public enum UpdatePolicy {
    NONE, NEW, ALL;

    /** The policy asked for (null = default), forced to NONE when the environment says CI=true. */
    public static UpdatePolicy resolve(String requested, Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) return NONE;
        if (requested == null || requested.isBlank()) return NONE;
        try {
            return valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("update policy: expected none, new or all, found '" + requested + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
