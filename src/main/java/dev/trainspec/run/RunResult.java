package dev.trainspec.run;

import dev.trainspec.engine.train.TrainingRun;

/** One training run of a variant: its seed, what the engine recorded, and its wall time. */
public record RunResult(long seed, TrainingRun training, double seconds) {}
