package dev.trainspec.run;

import java.util.function.UnaryOperator;

/**
 * The settings this package reads from system properties when it needs them
 * ({@code trainspec.threads}, {@code trainspec.limits.*}), checked together before anything
 * trains. Each is parsed by its owner ({@link Workers#threads(String)}, {@link Limits#from});
 * this only asks them all up front, so that every door (the CLI's commands, the JUnit engine)
 * refuses a malformed value with the owner's message instead of failing deep inside a run.
 * The data cache's settings are not among them: a cache setting never stops a run ({@link DataCache}).
 */
public final class RunSettings {
    private RunSettings() {}

    /**
     * @param settings a setting's value by its name, null when unset (system properties, or the
     *     JUnit engine's configuration parameters)
     * @throws IllegalArgumentException naming the first malformed setting, what it expects and what it found
     */
    public static void check(UnaryOperator<String> settings) {
        Workers.threads(settings.apply(Workers.THREADS_PROPERTY));
        Limits.from(settings);
    }
}
