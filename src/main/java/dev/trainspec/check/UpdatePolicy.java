package dev.trainspec.check;

import java.nio.file.Path;
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
     * Where the user asks for a policy, so that a message names what works there: the CLI's
     * {@code --update}, or the JUnit engine's configuration parameter {@code trainspec.update}
     * (a project that uses the engine has no trainspec.jar to run).
     */
    public enum Door {
        CLI, JUNIT;

        /** How to ask for {@code policy} here: {@code --update new}, {@code -Dtrainspec.update=new}. */
        public String ask(UpdatePolicy policy) {
            return this == CLI ? "--update " + policy : "-Dtrainspec.update=" + policy;
        }

        /** What writes the missing snapshot of {@code file}, as a command the user can type. */
        String writeMissing(Path file) {
            return ask(NEW) + (this == CLI ? " (`run " + ask(NEW) + " " + file + "`)" : " (`mvn test " + ask(NEW) + "`)");
        }
    }

    /**
     * The policy asked for (null = default). With CI=true in the environment, asking to write
     * snapshots is refused with a message rather than silently ignored: the user would otherwise
     * believe the drift accepted.
     */
    public static UpdatePolicy resolve(String requested, Map<String, String> env, Door door) {
        if (requested == null || requested.isBlank()) return NONE;
        UpdatePolicy policy;
        try {
            policy = valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("update policy: expected none, new or all, found '" + requested + "'");
        }
        if (policy != NONE && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new IllegalArgumentException("update policy " + policy + " is refused because CI=true: a pull request may not accept"
                    + " its own drift; run with " + door.ask(policy) + " on your machine and commit the snapshots it writes");
        }
        return policy;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
