package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A choice built in code (a test, a tool) validated and completed exactly as the loader completes
 * one read from a file: every parameter the definitions table gives a default is filled in. The
 * factories that turn choices into engine objects read filled parameters only, so the defaults
 * live in the table and nowhere else.
 */
public final class ChoiceDefaults {
    private ChoiceDefaults() {}

    /** The kinds of choices by the key they are written under. */
    private static final Map<String, Type.Choice> KINDS = Map.of("optimizer", ModelDefinitions.OPTIMIZER,
            "schedule", ModelDefinitions.SCHEDULE, "loss", ModelDefinitions.LOSS, "layer", ModelDefinitions.LAYER,
            "init", ModelDefinitions.INIT, "data", DataDefinitions.GENERATORS, "preprocess", DataDefinitions.PREPROCESS_STEP);

    /**
     * {@code choice} with the table's defaults for every parameter it does not set.
     *
     * @param kind optimizer, schedule, loss, layer, init, data or preprocess
     * @throws ScenarioException when the loader would refuse the choice
     */
    public static Named of(String kind, Named choice) {
        Type.Choice type = KINDS.get(kind);
        if (type == null) throw new IllegalArgumentException("no kind of choice '" + kind + "'; expected one of " + KINDS.keySet());
        Origin at = choice.origin();
        List<Node.Entry> entries = new ArrayList<>();
        if (choice.params() != null) {
            choice.params().values().forEach((key, value) -> entries.add(new Node.Entry(scalar(key, at),
                    value == null ? new Node.Scalar("null", Node.Kind.NULL, Node.Style.PLAIN, at) : Defaults.node(value, at))));
        }
        // a bare name, as a file writes a choice without parameters (relu, zeros, nll)
        Node node = entries.isEmpty() ? scalar(choice.name(), at)
                : new Node.Mapping(List.of(new Node.Entry(scalar(choice.name(), at), new Node.Mapping(entries, at))), at);
        Problems problems = new Problems();
        Named filled = new Validator(problems).choice(type, node, kind);
        problems.throwIfAny();
        return filled;
    }

    private static Node.Scalar scalar(String text, Origin at) {
        return new Node.Scalar(text, Node.Kind.STR, Node.Style.PLAIN, at);
    }
}
