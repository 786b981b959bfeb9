package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.trainspec.report.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** Running: configuration parameters reach training, results do not depend on threads, failures read like the CLI's. */
class EngineExecutionTest {
    @TempDir
    Path tmp;

    private static EngineExecutionResults run(EngineWorkspace ws, Path file, String... parameters) {
        EngineTestKit.Builder b = EngineTestKit.engine(TrainspecEngine.ID).selectors(selectFile(file.toFile()))
                .configurationParameter(EngineSettings.JSON, ws.json().toString());
        for (int i = 0; i < parameters.length; i += 2) b.configurationParameter(parameters[i], parameters[i + 1]);
        return b.execute();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> runs(EngineWorkspace ws) throws IOException {
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(Files.readString(ws.json().resolve("quick.json")));
        return ((List<Map<String, Object>>) json.get("variants")).stream().map(v -> v.get("runs")).toList();
    }

    private static Throwable failure(EngineExecutionResults r) {
        return r.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void theSameBitsOnOneThreadAndOnThree() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        String before = System.getProperty(EngineSettings.THREADS);
        run(ws, ws.quick(), EngineSettings.THREADS, "1").testEvents().assertStatistics(s -> s.succeeded(4));
        List<Object> one = runs(ws);
        run(ws, ws.quick(), EngineSettings.THREADS, "3").testEvents().assertStatistics(s -> s.succeeded(4));
        assertEquals(one, runs(ws), "seeds, histories and final metrics of every run");
        assertEquals(before, System.getProperty(EngineSettings.THREADS), "the parameter is a system property for the run only");
    }

    @Test
    void aLimitGivenAsAConfigurationParameterRefusesTheRun() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        EngineExecutionResults r = run(ws, ws.quick(), EngineSettings.LIMITS + "maxSteps", "2");
        r.testEvents().assertStatistics(s -> s.started(4).failed(4));
        assertTrue(failure(r).getMessage().contains("trainspec.limits.maxSteps"), failure(r).getMessage());
        assertNull(System.getProperty(EngineSettings.LIMITS + "maxSteps"));
    }

    @Test
    void theDataCacheGivenAsAConfigurationParameterHoldsTheGeneratedRows() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        // 200 x 512 = 102,400 values: large enough to be cached
        Path wide = Files.writeString(ws.scenarios.resolve("wide.yaml"), String.join("\n", "title: wide", "seed: 0",
                "data: {make_embeddings: {n_samples: 200, n_features: 512}}", "model: [linear: 2]", "loss: cross_entropy",
                "optimizer: {sgd: {lr: 0.1}}", "train: {epochs: 1, batch_size: 50}", "expect: [test.accuracy >= 0]", ""));
        Path cache = tmp.resolve("cache");
        String before = System.getProperty(EngineSettings.CACHE);
        run(ws, wide, EngineSettings.CACHE, cache.toString()).testEvents().assertStatistics(s -> s.succeeded(1));
        try (java.util.stream.Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".data")).count(), "one entry in " + cache);
        }
        assertEquals(before, System.getProperty(EngineSettings.CACHE), "the parameter is a system property for the run only");
    }

    @Test
    void aFailedExpectationIsAnAssertionFailedErrorAtItsLineWithExpectedAndActual() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        Path strict = Files.writeString(ws.scenarios.resolve("strict.yaml"), EngineWorkspace.OTHER.replace("test.accuracy >= 0", "test.accuracy >= 1.5"));
        AssertionFailedError e = assertInstanceOf(AssertionFailedError.class, failure(run(ws, strict)));
        assertTrue(e.getMessage().startsWith("1 of 2 expectations failed for strict [base]:\n  scenarios/strict.yaml:10: test.accuracy >= 1.5 (observed "),
                e.getMessage());
        assertEquals("test.accuracy >= 1.5", e.getExpected().getValue());
        assertTrue(((String) e.getActual().getValue()).startsWith("observed "), e.getActual().getStringRepresentation());
        assertEquals(0, e.getStackTrace().length);
    }
}
