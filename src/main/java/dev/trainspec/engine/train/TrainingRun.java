package dev.trainspec.engine.train;

/**
 * What one training run produced: the per-epoch history, where values first became non-finite
 * (null if never), why it stopped, and how many optimizer steps it took.
 */
public record TrainingRun(History history, NonFinite firstNonFinite, String stopReason, long steps) {}
