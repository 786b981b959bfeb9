package dev.trainspec.junit;

import dev.trainspec.report.JsonResult;
import dev.trainspec.report.ReportSink;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
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

    /**
     * A file that does not load, or another problem found while discovering; a file's problem also
     * goes to the report and, as section 7's error result, to {@code jsonDir}.
     */
    static void report(ProblemDescriptor problem, EngineExecutionListener listener, ReportSink sink, Path jsonDir) {
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

    /** Scenario selectors that matched nothing after tags, shard and filters: a failing test, so an empty run is never green. */
    static void noMatch(EngineRoot root, EngineExecutionListener listener) {
        String message = "no scenario matched " + String.join(", ", root.scenarioSelectors())
                + " (after tag filters such as -Dgroups, and " + EngineSettings.SHARD + " " + root.settings().shard().text() + ")"
                + "; set the configuration parameter " + EngineSettings.ALLOW_EMPTY + "=true to accept an empty selection";
        registered(root, new ProblemDescriptor(root.getUniqueId().append("problem", "no-match"), "no scenario matched", null, message, null),
                listener);
    }

    /** A configuration parameter that does not parse. */
    static void configuration(EngineRoot root, EngineExecutionListener listener) {
        registered(root, new ProblemDescriptor(root.getUniqueId().append("problem", "configuration"), "trainspec configuration parameters", null,
                root.configurationProblem(), null), listener);
    }

    private static void registered(EngineRoot root, ProblemDescriptor problem, EngineExecutionListener listener) {
        root.addChild(problem);
        listener.dynamicTestRegistered(problem);
        listener.executionStarted(problem);
        listener.executionFinished(problem, TestExecutionResult.failed(failure(problem.message(), null, null)));
    }
}
