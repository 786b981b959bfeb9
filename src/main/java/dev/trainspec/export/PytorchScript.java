package dev.trainspec.export;

import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.Checks;
import dev.trainspec.run.LossFactory;
import dev.trainspec.run.Preflight;
import dev.trainspec.run.PreparedData;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.Workspace;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.LongStream;

/**
 * A scenario variant as one standalone PyTorch script (SCENARIOS.md section 8.5): the data as
 * scikit-learn makes it, the {@code nn.Sequential} built right after {@code torch.manual_seed(seed)},
 * the loss, optimizer, schedule and DataLoader loop, every metric recorded after each epoch,
 * and the runs printed as trainspec's JSON ({@code {"runs": [{"seed", "final", "history"}]}}).
 * Nothing of trainspec is needed to run it. What the language can say but the export cannot
 * is refused as a {@link dev.trainspec.scenario.ScenarioException} at the scenario's line, and
 * so is whatever {@code run} and {@code lint} refuse before training ({@link Preflight}): a
 * script is never written for a variant the Java engine would not train.
 */
public final class PytorchScript {
    private PytorchScript() {}

    /** The runs of the variant: seed, seed + 1, ... (its {@code repeat}). */
    public static List<Long> seeds(Scenario s) {
        return LongStream.range(s.seed(), s.seed() + s.repeat()).boxed().toList();
    }

    /** Prepares the data to learn its widths and classes (the script writes them out), then writes the script. */
    public static String of(Scenario s, List<Long> seeds) {
        return of(s, PreparedData.of(s), seeds);
    }

    public static String of(Scenario s, PreparedData data, List<Long> seeds) {
        Preflight.check(s, data); // else the script would crash in PyTorch, or train what the Java engine refuses
        boolean classification = data.trainSplit().isClassification();
        int[][] shapes = Checks.shapes(s, data, LossFactory.of(s.loss(), !classification));
        int classes = classification ? data.trainSplit().classes() : 0;
        ScriptText out = new ScriptText();
        out.imports("import argparse", "import csv", "import json", "import math", "import re", "import sys", "import time", "",
                "import numpy as np", "import torch", "import torch.nn as nn", "from torch.utils.data import DataLoader, TensorDataset");
        DataCode.write(s, out);
        String labels = classification ? "torch.long" : "torch.float32";
        out.line("X_train, X_test = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32)");
        out.line("y_train, y_test = torch.tensor(y_train, dtype=" + labels + "), torch.tensor(y_test, dtype=" + labels + ")");
        out.line("CLASSIFICATION = " + Py.literal(classification) + (classification ? "  # " + classes + " classes" : "  # real-valued targets"));
        ModelCode.write(s.model(), shapes, out);
        out.line("LAYER_WORDS = " + Py.literal(s.model().stream().map(ModelCode::word).toList()) + "  # as the scenario names them");
        out.line("LOSS_WORD = " + Py.literal(LossFactory.of(s.loss(), !classification).describe()) + "  # as the Java engine names it");
        out.blank().blank();
        RecipeCode.loss(s.loss(), shapes[shapes.length - 1][0], classes, out);
        RecipeCode.optimizer(s.optimizer(), out);
        RecipeCode.schedule(s.schedule(), out);
        out.blank().blank();
        RecipeCode.train(s, out);
        out.line("SEEDS = " + Py.literal(seeds) + "  # one run each, after torch.manual_seed(seed)");
        List<String> metrics = (classification ? Metric.CLASSIFICATION : Metric.REGRESSION).stream().map(Py::string).toList();
        out.line(Py.wrap("", "METRICS = [", metrics, "]") + "  # recorded after every epoch");
        out.blank().blank();
        out.resource("loop.py");
        return out.render(header(s));
    }

    private static String header(Scenario s) {
        String file = Workspace.of(s.file()).display(s.file());
        StringJoiner h = new StringJoiner("\n", "", "\n");
        h.add("# " + (s.title() == null ? s.id() : s.title()).replace("\n", " "));
        h.add("# Exported by trainspec from " + file + ", variant " + s.variant() + ".");
        h.add("# Trains it as PyTorch does and prints the runs as trainspec's JSON result ({\"runs\": [...]}) to stdout.");
        h.add("# Needs PyTorch >= 1.13, scikit-learn >= 1.2 and numpy.  Usage: python3 this.py [--device cpu|cuda] [--seed N]");
        if (!s.expect().isEmpty()) {
            h.add("# What the scenario expects of these runs (trainspec run --engine pytorch checks it):");
            for (Expectation e : s.expect()) h.add("#   " + e.text());
        }
        return h.toString();
    }
}
