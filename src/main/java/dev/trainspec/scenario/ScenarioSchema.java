package dev.trainspec.scenario;

import dev.trainspec.scenario.yaml.SchemaWriter;

/**
 * The JSON Schema of the scenario language, generated from the loader's definitions table so
 * that editors and the loader agree. Committed as {@code scenarios/trainspec.schema.json};
 * regenerate with {@code java -jar target/trainspec.jar schema > scenarios/trainspec.schema.json}.
 */
public final class ScenarioSchema {
    private ScenarioSchema() {}

    public static String json() {
        return SchemaWriter.json();
    }
}
