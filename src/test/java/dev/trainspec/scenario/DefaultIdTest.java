package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file's default id (its path under scenarios/) obeys the rule of an explicit {@code id:}: file
 * names come from pull requests and an id is written into results, comments and CI logs.
 */
class DefaultIdTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        return Files.writeString(scenarios.resolve(name), content, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g\n::error::injected workflow command.yaml", "a|b`c`.yaml", "esc\u001b[31mred.yaml", "rtl\u202egnp.yaml", "a..b.yaml"})
    void aFileNameThatIsNoValidIdMakesTheScenarioInvalid(String name) throws Exception {
        Path file = write(name, Hostile.VALID);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(dir)));
        assertEquals(1, e.problems().size(), e.getMessage());
        String message = e.problems().get(0).messageIn(new Workspace(dir));
        assertEquals(Printable.line(message), message, "one printable line");
        assertEquals("scenarios/" + Printable.line(name) + ":1:1: id: expected an id of letters, digits, '_', '-', '.' and '/' (no '..', no leading '/'), found '"
                + Printable.line(name).replaceFirst("\\.yaml$", "") + "' (the default id, from the file's name: rename the file or set id:)", message);
    }

    @Test
    void anExplicitIdNamesTheFileWhateverItsName() throws Exception {
        Path file = write("a|b.yaml", "id: fine\n" + Hostile.VALID);
        assertEquals("fine", ScenarioLoader.load(file, new Workspace(dir)).id());
    }

    @Test
    void anOrdinaryNameIsItsId() throws Exception {
        Files.createDirectories(dir.resolve("scenarios/seeds"));
        Path file = write("seeds/two-moons_v1.2.yaml", Hostile.VALID);
        assertEquals("seeds/two-moons_v1.2", ScenarioLoader.load(file, new Workspace(dir)).id());
    }
}
