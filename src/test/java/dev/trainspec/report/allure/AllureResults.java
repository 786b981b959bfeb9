package dev.trainspec.report.allure;

import dev.trainspec.report.JsonReader;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs report code inside Allure test cases the way the JUnit listener does (schedule, start,
 * body, stop, write) with a lifecycle writing into a directory, then reads the written
 * *-result.json files back as plain maps.
 */
final class AllureResults {
    final Path dir;
    final AllureLifecycle lifecycle;

    AllureResults(Path dir) {
        this.dir = dir;
        this.lifecycle = new AllureLifecycle(new FileSystemResultsWriter(dir));
    }

    /** One test case named {@code name} (with a positional, JUnit-like history id that the sink must replace). */
    void test(String name, int position, Consumer<AllureLifecycle> body) {
        String uuid = UUID.randomUUID().toString();
        TestResult tr = new TestResult().setUuid(uuid).setName(name).setHistoryId("[dynamic-test:#" + position + "]")
                .setFullName("dev.trainspec.junit.BundledScenariosTest.scenarios");
        tr.getLabels().add(new io.qameta.allure.model.Label().setName("suite").setValue("dev.trainspec.junit.BundledScenariosTest"));
        lifecycle.scheduleTestCase(tr);
        lifecycle.startTestCase(uuid);
        body.accept(lifecycle);
        lifecycle.updateTestCase(uuid, t -> t.setStatus(Status.PASSED));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                out.add((Map<String, Object>) JsonReader.parse(Files.readString(f)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.getOrDefault(key, List.of());
    }

    /** The values of the labels called {@code name}. */
    static List<String> labels(Map<String, Object> result, String name) {
        return list(result, "labels").stream().filter(l -> name.equals(l.get("name"))).map(l -> (String) l.get("value")).toList();
    }

    static String parameter(Map<String, Object> result, String name) {
        return list(result, "parameters").stream().filter(p -> name.equals(p.get("name"))).map(p -> (String) p.get("value"))
                .findFirst().orElse(null);
    }
}
