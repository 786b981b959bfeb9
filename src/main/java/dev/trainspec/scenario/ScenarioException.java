package dev.trainspec.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A user mistake in one or more scenario files: every problem found, reported together. */
public final class ScenarioException extends RuntimeException {
    private final List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) throw new IllegalArgumentException("a ScenarioException needs a problem");
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem with its file shown relative to the workspace root ({@link Problem#messageIn}), one a line. */
    public String messageIn(Workspace workspace) {
        return problems.stream().map(p -> p.messageIn(workspace)).collect(Collectors.joining("\n"));
    }
}
