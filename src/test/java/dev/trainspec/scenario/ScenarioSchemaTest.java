package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed schema is the one the definitions table generates, so editors and the loader agree. */
class ScenarioSchemaTest {
    @Test
    void committedSchemaIsUpToDate() throws Exception {
        String committed = Files.readString(Path.of("scenarios/trainspec.schema.json"));
        assertEquals(ScenarioSchema.json(), committed, "scenarios/trainspec.schema.json is stale; regenerate it with "
                + "`java -jar target/trainspec.jar schema > scenarios/trainspec.schema.json`");
    }

    @Test
    void schemaDescribesTheLanguage() {
        String json = ScenarioSchema.json();
        assertTrue(json.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""));
        assertTrue(json.contains("\"required\": [\"data\", \"model\", \"loss\", \"optimizer\", \"train\"]"), "required top-level keys");
        assertTrue(json.contains("\"enum\": [\"logistic_regression\", \"linear_svm\", \"majority_class\"]"), "baselines");
        assertTrue(json.contains("\"additionalProperties\": false"));
        assertTrue(json.contains("\"default\": 0.25"), "test_size default");
    }
}
