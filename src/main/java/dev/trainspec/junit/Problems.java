package dev.trainspec.junit;

import dev.trainspec.report.JsonResult;
import dev.trainspec.report.ReportSink;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.opentest4j.AssertionFailedError;

/** The failures this engine reports: written for the user, without a stack trace of the engine's own code. */
final class Problems {
    static final String INVALID = "invalid scenario:\n";

    private Problems() {}

    /** A failure an IDE shows as a diff when expected and actual are given; the message already says where (file:line). */
    static AssertionFailedError failure(String message, Object expected, Object actual) {
        AssertionFailedError e = expected == null && actual == null ? new AssertionFailedError(message)
                : new AssertionFailedError(message, expected, actual);
        e.setStackTrace(new StackTraceElement[0]);
        return e;
    }

    /** A configuration parameter that does not parse. */
    static ProblemDescriptor configuration(UniqueId root, String message) {
        return new ProblemDescriptor(root.append("problem", "configuration"), "trainspec configuration parameters", null, message, null);
    }

    /**
     * Scenario selectors that matched nothing after tags, shard and filters: a failing test, so an
     * empty run is never green; skipped, with the same words, when trainspec.allowEmpty=true.
     */
    static ProblemDescriptor emptySelection(EngineRoot root) {
        UniqueId id = root.getUniqueId().append("problem", "no-match");
        List<String> after = new ArrayList<>(List.of("tag filters such as -Dgroups"));
        after.addAll(root.settings().filter().described());
        String matched = "no scenario matched " + String.join(", ", root.scenarioSelectors())
                + " (after " + String.join(", ", after) + ", and " + EngineSettings.SHARD + " " + root.settings().shard().text() + ")";
        if (root.settings().allowEmpty()) return ProblemDescriptor.accepted(id, "no scenario matched", matched + "; allowed by " + EngineSettings.ALLOW_EMPTY + "=true");
        return new ProblemDescriptor(id, "no scenario matched", null,
                matched + "; set the configuration parameter " + EngineSettings.ALLOW_EMPTY + "=true to accept an empty selection", null);
    }

    /**
     * Reports one of the root's problem tests (registered by the caller when a tag filter had
     * taken it out: a problem has no tags, and it must be seen). A file that does not load also
     * goes to the report and, as section 7's error result, to {@code jsonDir}.
     *
     * @param sink where a file that does not load is reported too; null for the other problems
     * @param jsonDir where its error result goes; null for the other problems
     */
    static void report(ProblemDescriptor problem, EngineExecutionListener listener, ReportSink sink, Path jsonDir) {
        if (problem.accepted()) {
            listener.executionSkipped(problem, problem.message());
            return;
        }
        listener.executionStarted(problem);
        String message = problem.message();
        ProblemDescriptor.InvalidFile file = problem.file();
        if (file != null) {
            sink.invalid(file.id(), file.shownPath(), file.problems());
            if (file.writesResult()) {
                try {
                    JsonResult.writeError(file.id(), file.shownPath(), file.problems(), jsonDir);
                } catch (IOException e) {
                    message += "\n(its JSON result could not be written in " + jsonDir + ": "
                            + (e instanceof Workspace.Refused ? e.getMessage() : e.getClass().getSimpleName()) + ")";
                }
            }
        }
        listener.executionFinished(problem, TestExecutionResult.failed(failure(message, null, null)));
    }
}
