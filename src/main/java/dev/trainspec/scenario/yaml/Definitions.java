package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.yaml.Type.Field;
import dev.trainspec.scenario.yaml.Type.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.trainspec.scenario.yaml.Defs.*;

/**
 * The scenario language in one table: every key, its type, default and range (with
 * {@link DataDefinitions} and {@link ModelDefinitions}). Validation, merging and the JSON
 * Schema are all driven from here, so the three cannot disagree.
 */
final class Definitions {
    private Definitions() {}

    /** Keys of a scenario that a variant may not change: they name the file, not a run. */
    static final List<String> FILE_ONLY = List.of("id", "extends", "variants", "sweep");

    static final Type.Text VARIANT_NAME = text("a variant name (a letter, then letters, digits or _)", "[A-Za-z][A-Za-z0-9_]*");
    static final Type.Text KEY_PATH = text("a dotted key path such as optimizer.adam.lr", "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    static final Type.Text ID = text("an id of letters, digits, '_', '-', '.' and '/' (no '..', no leading '/')",
            "(?!/)(?!.*\\.\\.)[A-Za-z0-9_./-]+");

    static final Struct EARLY_STOPPING = struct("a mapping of early stopping settings (monitor, patience, min_delta)",
            opt("monitor", METRIC, "test.loss", "the metric watched (Keras's val_loss: the held-out split)"),
            opt("patience", NON_NEGATIVE_INT, 3L, "epochs without improvement before stopping (Lightning's default)"),
            opt("min_delta", NON_NEGATIVE, 0.0, "smallest change that counts as an improvement"));

    static final Struct TRAIN = struct("a mapping of training settings (epochs, batch_size, shuffle, clip_grad_norm, early_stopping)",
            req("epochs", integer(1, 1_000_000), "passes over the training rows"),
            opt("batch_size", anyOf(POSITIVE_INT, keyword("full")), 32L, "rows per step, or full: the whole split (Keras's default 32)"),
            opt("shuffle", BOOL, true, "reshuffle the training rows every epoch"),
            opt("clip_grad_norm", POSITIVE, null, "clip the global gradient L2 norm to this (torch.nn.utils.clip_grad_norm_)"),
            opt("early_stopping", EARLY_STOPPING, null, "stop when the monitored metric stops improving"));

    static final Struct REPEAT = shorthand("a number of runs (an integer in [1, 10000]) or a mapping (seeds)", "seeds",
            req("seeds", integer(1, 10_000), "runs with seeds seed, seed+1, ..."));

    static final Struct REGRESSION = struct("a mapping of regression tracking settings (metrics, tolerance)",
            req("metrics", new Type.ListOf(METRIC, 1, Integer.MAX_VALUE, true, "a list of metric names"), "final metrics compared with the snapshot"),
            opt("tolerance", NON_NEGATIVE, 0.01, "largest accepted absolute difference"));

    static final Struct BUDGET = shorthand("a number of seconds or a mapping (seconds)", "seconds",
            req("seconds", POSITIVE, "wall-clock cap for the whole scenario"));

    static final Type.Line EXPECTATION = new Type.Line("an expectation such as 'mean test.accuracy >= 0.9'");

    static final Type.Override OVERRIDE = new Type.Override("a mapping of scenario keys merged over the file");

    private static List<Field> scenarioFields() {
        return List.of(
                opt("id", ID, null, "stable identity; default: the path under scenarios/ without .yaml"),
                opt("title", TEXT, null, "shown in reports; default: the id"),
                opt("description", TEXT, "", "Markdown, shown in reports"),
                opt("tags", listOrOne(TEXT, "a list of tags"), List.of(), "JUnit tags: select runs with -Dgroups (Maven) or @IncludeTags"),
                opt("extends", text("a path to a scenario file, relative to this one", null), null,
                        "a file deep-merged under this one"),
                opt("seed", SEED, 0L, "seed of model init, shuffling and dropout masks"),
                req("data", DataDefinitions.DATA, "one data source, preprocess and split"),
                req("model", ModelDefinitions.MODEL, "the layers in order; input sizes are inferred"),
                req("loss", ModelDefinitions.LOSS, "the training loss"),
                req("optimizer", ModelDefinitions.OPTIMIZER, "the optimizer"),
                opt("schedule", ModelDefinitions.SCHEDULE, null, "a learning rate schedule"),
                req("train", TRAIN, "epochs, batches, early stopping"),
                opt("baselines", listOrOne(new Type.Keyword(Vocabulary.BASELINES), "a list of baselines"), List.of(),
                        "classical models fitted on the same split"),
                opt("repeat", REPEAT, 1L, "number of seeds; metrics become distributions over runs"),
                opt("variants", new Type.MapOf(VARIANT_NAME, OVERRIDE, "a mapping from variant names to overrides"), EMPTY,
                        "each variant is this file deep-merged with its override"),
                opt("sweep", new Type.MapOf(KEY_PATH, list(anyOf(NUMBER, BOOL, TEXT), 1, 1000, "a list of values"),
                        "a mapping from key paths (optimizer.adam.lr) to lists of values"), EMPTY,
                        "one variant per combination of the values (named e.g. lr_0_01__batch_size_16)"),
                opt("expect", list(EXPECTATION, "a list of expectations"), List.of(), "checked after training"),
                opt("regression", REGRESSION, null, "compare with the accepted snapshot in reports/baselines/"),
                opt("budget", BUDGET, null, "wall-clock cap for the whole scenario"));
    }

    static final Struct SCENARIO = struct("a scenario (a mapping of id, title, data, model, ...)",
            scenarioFields().toArray(new Field[0]));

    /** What a variant override may contain: any scenario key but the file-only ones, none required. */
    static final Struct VARIANT = struct("a variant override (a mapping of scenario keys)", overrideFields());

    private static Field[] overrideFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : scenarioFields()) {
            if (!FILE_ONLY.contains(f.key())) out.add(new Field(f.key(), f.type(), false, null, f.doc(), f.nullIsValue()));
        }
        return out.toArray(new Field[0]);
    }

    static Map<String, Struct> named() {
        return Map.of("scenario", SCENARIO, "variant", VARIANT);
    }
}
