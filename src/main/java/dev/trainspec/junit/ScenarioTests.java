package dev.trainspec.junit;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.check.Checker;
import dev.trainspec.report.JsonResult;
import dev.trainspec.run.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Status;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.ReportSink;
import dev.trainspec.report.allure.AllureSink;
import dev.trainspec.run.Discovery;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Turns scenario files into JUnit dynamic tests: one container per file, one test per variant
 * (pointing at the variant's line), one test for the cross-variant comparisons. An invalid file
 * is one failed test carrying the loader's message; the rest of the suite runs on.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() { return ScenarioTests.fromSystemProperties(); }
 * }</pre>
 */
public final class ScenarioTests {
    private ScenarioTests() {}

    public static Stream<DynamicNode> fromSystemProperties() {
        return of(Selection.fromSystemProperties());
    }

    static Stream<DynamicNode> of(Selection sel) {
        List<Path> files = Discovery.find(List.of(sel.scenariosRoot()), sel.scenariosRoot(), sel.glob());
        ReportSink sink = AllureSink.forTestRun(sel.repositoryRoot());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            String shown = displayPath(sel.repositoryRoot(), file);
            ScenarioFile loaded;
            try {
                loaded = ScenarioLoader.load(file, new Workspace(sel.repositoryRoot(), sel.scenariosRoot()));
            } catch (ScenarioException e) {
                String id = sel.defaultId(file);
                if (!sel.shard().contains(id)) continue;
                nodes.add(DynamicTest.dynamicTest(shown + " is a valid scenario", file.toUri(), () -> {
                    sink.invalid(id, shown, e.getMessage());
                    throw new AssertionFailedError("invalid scenario:\n" + e.getMessage());
                }));
                continue;
            }
            if (!sel.shard().contains(loaded.id())) continue;
            if (!sel.tags().isEmpty() && loaded.base().tags().stream().noneMatch(sel.tags()::contains)) continue;
            nodes.add(container(loaded, shown, sink, Snapshots.in(new Workspace(sel.repositoryRoot(), sel.scenariosRoot()), sel.update()), sel.jsonDir(), sel.repositoryRoot()));
        }
        return nodes.stream();
    }

    /**
     * Every selected file starts training as soon as it is discovered, on the shared pool, so the
     * cores stay busy while JUnit reports the files one by one; each file's JSON result is written
     * as soon as it is judged.
     */
    private static DynamicContainer container(ScenarioFile file, String shown, ReportSink sink, Snapshots snapshots, Path jsonDir, Path root) {
        CompletableFuture<FileOutcome> judged = ScenarioRunner.start(file, Workers.pool()).thenApply(results -> {
            FileOutcome o = Checker.judge(file, results, snapshots);
            try {
                JsonResult.write(o, jsonDir, root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return o;
        });
        Supplier<FileOutcome> outcome = judged::join;
        List<DynamicNode> tests = new ArrayList<>();
        for (Scenario variant : file.variants()) {
            String name = variant.variant() + ": " + (variant.title() == null ? file.id() : variant.title());
            tests.add(DynamicTest.dynamicTest(name, lineUri(file.file(), variant.origin().line()), () -> {
                VariantOutcome v = outcome.get().variants().stream()
                        .filter(o -> o.result().name().equals(variant.variant())).findFirst().orElseThrow();
                sink.variant(v);
                if (v.status() != Status.PASSED) {
                    throw new AssertionFailedError(FailureMessage.of(shown, v),
                            FailureMessage.expected(v.failures()), FailureMessage.actual(v.failures()));
                }
            }));
        }
        if (!file.comparisons().isEmpty()) {
            int line = file.comparisons().get(0).origin().line();
            tests.add(DynamicTest.dynamicTest("comparisons between variants", lineUri(file.file(), line), () -> {
                sink.comparisons(outcome.get());
                List<Verdict> failed = outcome.get().comparisons().stream().filter(v -> !v.passed()).toList();
                if (!failed.isEmpty()) {
                    StringBuilder sb = new StringBuilder(failed.size() + " comparison(s) failed:");
                    for (Verdict v : failed) sb.append("\n  ").append(shown).append(':').append(v.origin().line()).append(": ").append(v.sentence());
                    throw new AssertionFailedError(sb.toString());
                }
            }));
        }
        return DynamicContainer.dynamicContainer(file.id(), file.file().toUri(), tests.stream());
    }

    private static URI lineUri(Path file, int line) {
        return URI.create(file.toAbsolutePath().toUri() + "?line=" + Math.max(line, 1));
    }

    static String displayPath(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
