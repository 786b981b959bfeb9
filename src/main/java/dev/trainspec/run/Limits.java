package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.TrainSpec;
import java.util.List;
import java.util.Locale;

/**
 * Resource limits, checked before anything big is allocated, so that a scenario from a pull
 * request cannot exhaust the CI machine's memory or keep it busy for days. Each limit is a system
 * property (defaults in parentheses; every bundled scenario stays well inside them):
 * <ul>
 * <li>{@code trainspec.limits.maxArrayValues} (2^31 - 9, the largest Java array): values in one
 *     array: rows x features of the data, in x out of a weight, rows of a batch x width of a layer;</li>
 * <li>{@code trainspec.limits.memoryFraction} (0.9): the estimated bytes of the data plus the
 *     models trained at once may use this fraction of {@link Runtime#maxMemory()};</li>
 * <li>{@code trainspec.limits.maxSteps} (10^8): optimizer steps of one run, epochs x batches;</li>
 * <li>{@code trainspec.limits.maxMultiplyAdds} (10^14, hours of one core): epochs x training rows
 *     x weights x 3 (forward, backward to the input, backward to the weights) of one run.</li>
 * </ul>
 * The estimates are lower bounds of what the engine allocates (no JVM overhead), so a refusal is
 * never a false alarm; a limit exceeded is a {@link ScenarioException} at the key to change.
 */
public record Limits(long maxArrayValues, double memoryBytes, long maxSteps, double maxMultiplyAdds) {
    public static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    /** The limits of this JVM: system properties over the defaults. */
    public static Limits current() {
        double fraction = number("trainspec.limits.memoryFraction", 0.9);
        return new Limits((long) number("trainspec.limits.maxArrayValues", LARGEST_ARRAY),
                fraction * Runtime.getRuntime().maxMemory(),
                (long) number("trainspec.limits.maxSteps", 1e8),
                number("trainspec.limits.maxMultiplyAdds", 1e14));
    }

    private static double number(String property, double dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) return dflt;
        try {
            double d = Double.parseDouble(v.strip());
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + ": expected a positive number, found '" + v + "'");
    }

    /** Before generating: rows x features of the source against one array and the memory budget. */
    public void checkData(Scenario s) {
        Named source = s.data().source();
        DataSize size = DataSize.of(source);
        if (size == null) return; // csv: its size is its file's, bounded when read; bundled datasets are small
        String at = "data." + source.name();
        long values = size.rows() * size.features();
        if (size.rows() > maxArrayValues || values / size.rows() != size.features() || values > maxArrayValues) {
            throw refuse(source.origin(), at, "at most " + maxArrayValues + " values in one array (trainspec.limits.maxArrayValues)",
                    size.rows() + " rows x " + size.features() + " features = " + product(size.rows(), size.features()), "lower n_samples or n_features");
        }
        double bytes = size.bytes(s.data().preprocess().stream().anyMatch(step -> !step.name().equals("none")));
        if (bytes > memoryBytes) {
            throw refuse(source.origin(), at, "data within the memory budget of " + gib(memoryBytes)
                            + " (trainspec.limits.memoryFraction of the JVM's -Xmx)",
                    size.rows() + " rows x " + size.features() + " features, at least " + gib(bytes),
                    "lower n_samples or n_features, or give the JVM more memory");
        }
    }

    /**
     * Before building the model: weights, activations and optimizer state of the runs trained at
     * once, and the run's steps and multiply-adds.
     *
     * @param widths the width after each layer, widths[0] the features (see {@link Checks#widths})
     * @param batch the largest batch the engine will push through (training or evaluation chunk)
     */
    public void checkModel(Scenario s, int[] widths, int trainRows, int batch, double dataBytes) {
        long weights = 0;
        long activations = 0;
        for (int i = 0; i < s.model().size(); i++) {
            LayerSpec spec = s.model().get(i);
            long in = widths[i];
            long out = widths[i + 1];
            if (spec instanceof LayerSpec.Linear) {
                if (in * out > maxArrayValues) {
                    throw refuse(spec.origin(), "model[" + i + "]", "at most " + maxArrayValues
                            + " weights in one layer (trainspec.limits.maxArrayValues)", in + " inputs x " + out + " outputs = " + in * out, "");
                }
                weights += in * out + out;
            }
            if (out * batch > maxArrayValues) {
                throw refuse(spec.origin(), "model[" + i + "]", "at most " + maxArrayValues
                                + " activations in one batch (trainspec.limits.maxArrayValues)",
                        batch + " rows x " + out + " outputs = " + out * batch, "lower train.batch_size or the layer's width");
            }
            activations += out * batch;
        }
        int concurrent = Math.max(1, Math.min(s.repeat(), Workers.threads()));
        // float32: weight + gradient + two optimizer moments; forward value + gradient of every activation
        double modelBytes = 4.0 * (4.0 * weights + 2.0 * activations);
        double bytes = dataBytes + concurrent * modelBytes;
        if (bytes > memoryBytes) {
            throw refuse(s.model().get(0).origin(), "model", "a model within the memory budget of " + gib(memoryBytes)
                            + " (trainspec.limits.memoryFraction of the JVM's -Xmx)",
                    String.format(Locale.ROOT, "%d weights and %d activations a batch, at least %s for %d run(s) at once plus %s of data",
                            weights, activations, gib(concurrent * modelBytes), concurrent, gib(dataBytes)),
                    "make the model or the batch smaller, or give the JVM more memory");
        }
        TrainSpec t = s.train();
        int trainBatch = t.batchSize() == TrainSpec.FULL_BATCH ? Math.max(1, trainRows) : Math.min(t.batchSize(), Math.max(1, trainRows));
        long stepsPerEpoch = (trainRows + trainBatch - 1) / trainBatch;
        double steps = (double) t.epochs() * stepsPerEpoch;
        if (steps > maxSteps) {
            throw refuse(t.origin(), "train", "at most " + maxSteps + " optimizer steps a run (trainspec.limits.maxSteps)",
                    t.epochs() + " epochs x " + stepsPerEpoch + " batches = " + (long) steps, "fewer epochs or a larger batch_size");
        }
        double multiplyAdds = 3.0 * t.epochs() * trainRows * weights;
        if (multiplyAdds > maxMultiplyAdds) {
            throw refuse(t.origin(), "train", String.format(Locale.ROOT, "at most %.3g multiply-adds a run (trainspec.limits.maxMultiplyAdds)",
                    maxMultiplyAdds), String.format(Locale.ROOT, "%d epochs x %d rows x %d weights x 3 = %.3g", t.epochs(), trainRows, weights,
                    multiplyAdds), "fewer epochs, fewer rows or a smaller model");
        }
    }

    /** Rows and features a generator will make, and how many bytes it needs at least; null for csv and the bundled datasets. */
    record DataSize(long rows, long features, int bytesPerValue) {
        /**
         * The generated storage; a float32 copy for training when the storage is float64; and, when
         * preprocessing, the split's copies of the rows (without it the splits are views).
         */
        double bytes(boolean preprocessed) {
            double perValue = bytesPerValue + (bytesPerValue == 4 ? 0 : 4.0) + (preprocessed ? bytesPerValue : 0);
            return (double) rows * features * perValue;
        }

        static DataSize of(Named source) {
            Params p = source.params();
            long features = switch (source.name()) {
                case "csv" -> -1;
                // bundled datasets are fixed and small (at most 1,797 x 64)
                case "load_iris", "load_wine", "load_breast_cancer", "load_digits", "load_diabetes" -> -1;
                case "make_threshold" -> 1;
                case "make_moons", "make_circles", "make_xor", "make_spirals" -> 2;
                default -> p.has("n_features") ? p.getLong("n_features") : 2;
            };
            if (features < 0) return null;
            long rows = 0;
            Object n = p.values().get("n_samples");
            if (n instanceof Number number) rows = number.longValue();
            else if (n instanceof List<?> list) for (Object o : list) rows += ((Number) o).longValue();
            return new DataSize(Math.max(rows, 1), features, source.name().equals("make_embeddings") ? 4 : 8);
        }
    }

    /**
     * The bytes the prepared data holds at least: the generated rows (float64, or float32 for
     * make_embeddings) and the float32 splits, each array once (unprocessed splits are views of
     * one float32 matrix, which for float32 storage is the storage itself).
     */
    static double bytesOf(PreparedData data) {
        float[] train = data.trainSplit().x();
        float[] test = data.testSplit().x();
        double splits = 4.0 * train.length + (test == train ? 0 : 4.0 * test.length);
        Dataset all = data.all();
        double storage = (all.isFloat32() ? 4.0 : 8.0) * all.rows() * all.cols();
        boolean splitsAreStorage = all.isFloat32() && train == all.xFloat32();
        return splitsAreStorage ? splits : splits + storage;
    }

    private static String product(long a, long b) {
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b)).toString();
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }

    private static ScenarioException refuse(Origin at, String keyPath, String expected, String found, String hint) {
        String h = hint.isEmpty() ? "a resource limit, checked before allocating" : hint;
        return new ScenarioException(new Problem(at, keyPath, expected, found, h));
    }
}
