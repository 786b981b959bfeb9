package dev.trainspec.report.allure;

import dev.trainspec.report.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files Allure reads beside the results: {@code categories.json} (see {@link FailureCategory}),
 * {@code environment.properties} and {@code executor.json}.
 */
public final class AllureMetadata {
    private AllureMetadata() {}

    /** The directory Allure's Java integration writes to: system property {@code allure.results.directory}, default {@code allure-results}. */
    public static Path resultsDirectory() {
        return Path.of(System.getProperty("allure.results.directory", "allure-results"));
    }

    public static void write(Path resultsDir, Path repositoryRoot, Map<String, String> env) {
        try {
            RunEnvironment.write(resultsDir, "categories.json", categoriesJson());
            RunEnvironment.write(resultsDir, "environment.properties",
                    RunEnvironment.propertiesFile(RunEnvironment.properties(env, repositoryRoot)));
            RunEnvironment.write(resultsDir, "executor.json", RunEnvironment.executorJson(env));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure metadata into " + resultsDir, e);
        }
    }

    public static String categoriesJson() {
        JsonWriter w = new JsonWriter().beginArray();
        for (FailureCategory c : FailureCategory.values()) {
            w.beginObject().name("name").value(c.title).name("messageRegex").value(c.messageRegex())
                    .name("matchedStatuses").strings(c.statuses()).endObject();
        }
        return w.endArray().toString() + "\n";
    }
}
