package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.tensor.FloatStore;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.TrainSpec;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
 *     x weights x 3 (forward, backward to the input, backward to the weights) of one run;</li>
 * <li>{@code trainspec.limits.maxTotalSteps} (10^9): optimizer steps of a whole file, the sum over
 *     its variants of runs (repeat) x epochs x batches an epoch, counted before any variant runs;
 *     the per-epoch history all those runs keep counts against the memory budget too;</li>
 * <li>{@code trainspec.limits.maxTotalMultiplyAdds} (10^12, about ten minutes of two cores): the
 *     multiply-adds of a whole file, the sum over its variants of runs x the run's multiply-adds
 *     as {@code maxMultiplyAdds} counts them; a per-run cap alone lets repeat and variants
 *     multiply it by 2.56 million.</li>
 * </ul>
 * The file totals count a csv file's or a bundled dataset's rows once it is read (before any
 * variant trains: {@link #checkFile(ScenarioFile, Function)}); before that, as one row.
 * The estimates are lower bounds of what the engine allocates (no JVM overhead), so a refusal is
 * never a false alarm; a limit exceeded is a {@link ScenarioException} at the key to change.
 */
public record Limits(long maxArrayValues, double memoryBytes, long maxSteps, double maxMultiplyAdds, double maxTotalSteps,
        double maxTotalMultiplyAdds) {
    /** Every limit's property starts so (the JUnit engine passes its configuration parameters of that name on). */
    public static final String PROPERTY_PREFIX = "trainspec.limits.";
    public static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;
    /** The default of {@code trainspec.limits.maxTotalSteps}. */
    static final double TOTAL_STEPS = 1e9;
    /**
     * The default of {@code trainspec.limits.maxTotalMultiplyAdds}: 10^12, about eight minutes of two
     * cores, 240 times the largest bundled file (seeds/002-softmax-cross-entropy, 4.15e9 when it was
     * set; test resources and examples at most 2.5e9 but for the golden refusals of other limits).
     */
    static final double TOTAL_MULTIPLY_ADDS = 1e12;

    /** Limits with the default totals a file (tests that exercise the other limits). */
    public Limits(long maxArrayValues, double memoryBytes, long maxSteps, double maxMultiplyAdds) {
        this(maxArrayValues, memoryBytes, maxSteps, maxMultiplyAdds, TOTAL_STEPS);
    }

    /** Limits with the default total of multiply-adds a file. */
    public Limits(long maxArrayValues, double memoryBytes, long maxSteps, double maxMultiplyAdds, double maxTotalSteps) {
        this(maxArrayValues, memoryBytes, maxSteps, maxMultiplyAdds, maxTotalSteps, TOTAL_MULTIPLY_ADDS);
    }

    /** The limits of this JVM: system properties over the defaults. */
    public static Limits current() {
        return from(System::getProperty);
    }

    /**
     * The limits the settings ask for ({@code settings} maps a property name to its value, or null
     * when unset) over the defaults; a malformed value is an {@link IllegalArgumentException}
     * naming the property, what was expected and what was found.
     */
    public static Limits from(UnaryOperator<String> settings) {
        double fraction = number(settings, PROPERTY_PREFIX + "memoryFraction", 0.9);
        return new Limits((long) number(settings, PROPERTY_PREFIX + "maxArrayValues", LARGEST_ARRAY),
                fraction * Runtime.getRuntime().maxMemory(),
                (long) number(settings, PROPERTY_PREFIX + "maxSteps", 1e8),
                number(settings, PROPERTY_PREFIX + "maxMultiplyAdds", 1e14),
                number(settings, PROPERTY_PREFIX + "maxTotalSteps", TOTAL_STEPS),
                number(settings, PROPERTY_PREFIX + "maxTotalMultiplyAdds", TOTAL_MULTIPLY_ADDS));
    }

    private static double number(UnaryOperator<String> settings, String property, double dflt) {
        String v = settings.apply(property);
        if (v == null || v.isBlank()) return dflt;
        try {
            double d = Double.parseDouble(v.strip());
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + ": expected a positive number, found '" + v + "'");
    }

    /**
     * Before any variant of the file runs, {@link #checkFile(ScenarioFile, Function)} with what the
     * file says: a csv file or a bundled dataset counts as one row until it is read.
     */
    public void checkFile(ScenarioFile file) {
        checkFile(file, s -> null);
    }

    /**
     * Before any variant of the file trains: the optimizer steps and multiply-adds of all its runs,
     * and the bytes of the per-epoch history they keep (one double a metric an epoch, every run's
     * history is in the result). Rows and features come from {@code read}, a variant's data once
     * it is prepared (null when it is not), else from the generator's parameters; data known only
     * once read (csv, bundled datasets) counts one row of one feature: a lower bound, so that what
     * this refuses before reading it also refuses after.
     */
    public void checkFile(ScenarioFile file, Function<Scenario, PreparedData> read) {
        double steps = 0;
        double multiplyAdds = 0;
        double historyValues = 0;
        for (Scenario s : file.variants()) {
            TrainSpec t = s.train();
            PreparedData data = read.apply(s);
            DataSize size = DataSize.of(s.data().source());
            double rows = data != null ? data.trainSplit().rows() : size == null ? 1 : trainRows(size.rows(), s.data().split().testSize());
            long features = data != null ? data.trainSplit().cols() : size == null ? 1 : size.features();
            double batch = t.batchSize() == TrainSpec.FULL_BATCH ? rows : Math.min(t.batchSize(), rows);
            double runs = (double) s.repeat() * t.epochs();
            steps += runs * Math.ceil(rows / Math.max(1, batch));
            multiplyAdds += s.repeat() * runMultiplyAdds(t, rows, weightsAtLeast(s, features));
            historyValues += runs * Metric.CLASSIFICATION.size();
        }
        Origin at = new Origin(file.file(), 1, 1);
        int variants = file.variants().size();
        if (steps > maxTotalSteps) {
            throw refuse(at, "", String.format(Locale.ROOT, "at most %.3g optimizer steps for the whole file (trainspec.limits.maxTotalSteps)",
                    maxTotalSteps), String.format(Locale.ROOT, "%.3g over %d variant(s), each repeat x epochs x batches an epoch", steps, variants),
                    "fewer variants, repeats or epochs, or split the file");
        }
        if (multiplyAdds > maxTotalMultiplyAdds) {
            throw refuse(at, "", String.format(Locale.ROOT, "at most %.3g multiply-adds for the whole file (trainspec.limits.maxTotalMultiplyAdds)",
                    maxTotalMultiplyAdds), String.format(Locale.ROOT, "%.3g over %d variant(s), each repeat x epochs x training rows x weights x 3",
                    multiplyAdds, variants), "fewer variants, repeats or epochs, fewer rows or a smaller model, or raise "
                    + "trainspec.limits.maxTotalMultiplyAdds (a system property or JUnit configuration parameter)");
        }
        double historyBytes = 8.0 * historyValues;
        if (historyBytes > memoryBytes) {
            throw refuse(at, "", "a per-epoch history within the memory budget of " + gib(memoryBytes)
                            + " (trainspec.limits.memoryFraction of the JVM's -Xmx)",
                    String.format(Locale.ROOT, "%.3g epochs of runs over %d variant(s), at least %s", historyValues / Metric.CLASSIFICATION.size(),
                            variants, gib(historyBytes)), "fewer variants, repeats or epochs");
        }
    }

    /**
     * Whether the file totals of {@code s} are known only once its data is read: a csv file's rows,
     * a bundled dataset's; a run must then read it and {@link #checkFile(ScenarioFile, Function)}
     * again before the file's first step.
     */
    public static boolean sizedOnceRead(Scenario s) {
        return DataSize.of(s.data().source()) == null;
    }

    /**
     * The weights of the model's linear layers on rows of {@code features}, {@code linear: classes}
     * as one output: at most what {@link #checkModel} counts. A layer whose input does not fit
     * ends the count (such a model never trains; the checks say why).
     */
    private static double weightsAtLeast(Scenario s, long features) {
        int[][] in;
        try {
            in = ModelShapes.inputShapes(s.model(), (int) Math.min(features, Integer.MAX_VALUE));
        } catch (RuntimeException e) {
            return 0; // a layer the engine refuses: the model never trains
        }
        double weights = 0;
        for (int i = 0; i < s.model().size() && in[i] != null; i++) {
            if (!(s.model().get(i) instanceof LayerSpec.Linear l) || in[i].length != 1) continue;
            weights += (in[i][0] + 1.0) * (l.out() == LayerSpec.Linear.CLASSES ? 1 : l.out());
        }
        return weights;
    }

    /** One run's multiply-adds: epochs x training rows x weights x 3 (forward, backward to the input, backward to the weights). */
    private static double runMultiplyAdds(TrainSpec t, double trainRows, double weights) {
        return 3.0 * t.epochs() * trainRows * weights;
    }

    /** The rows left for training once test_size (a fraction, or a count of rows when >= 1) is taken. */
    private static double trainRows(long rows, double testSize) {
        double test = testSize < 1 ? Math.ceil(rows * testSize) : testSize;
        return Math.max(1, rows - test);
    }

    /**
     * Before generating: the data ({@link #checkData}), then the model on the rows it will have,
     * so a model too large for the machine is refused before seconds of data generation, not after.
     */
    public void checkBeforeData(Scenario s) {
        checkData(s);
        DataSize size = DataSize.of(s.data().source());
        if (size != null) checkModelBeforeData(s, size);
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
        if (size.extra() > maxArrayValues) {
            throw refuse(source.origin(), at, "at most " + maxArrayValues + " values in one array (trainspec.limits.maxArrayValues)",
                    size.extraWhat() + " = " + size.extra(), "lower " + size.extraKey());
        }
        double bytes = size.peakBytes(s.data(), !s.baselines().isEmpty());
        if (bytes > memoryBytes) {
            throw refuse(source.origin(), at, "data within the memory budget of " + gib(memoryBytes)
                            + " (trainspec.limits.memoryFraction of the JVM's -Xmx)",
                    size.rows() + " rows x " + size.features() + " features" + (size.extra() > 0 ? " and " + size.extraWhat() : "")
                            + ", at least " + gib(bytes),
                    "lower n_samples or n_features" + (size.extra() > 0 ? " or " + size.extraKey() : "") + ", or give the JVM more memory");
        }
    }

    /**
     * {@link #checkModel} with lower bounds of what the data will be: {@code linear: classes} as
     * one output, the training rows the split leaves, the generated bytes. What this refuses,
     * {@link #checkModel} would refuse after generating.
     */
    private void checkModelBeforeData(Scenario s, DataSize size) {
        int[] widths = new int[s.model().size() + 1];
        widths[0] = (int) Math.min(size.features(), Integer.MAX_VALUE);
        for (int i = 0; i < s.model().size(); i++) {
            widths[i + 1] = s.model().get(i) instanceof LayerSpec.Linear l ? (l.out() == LayerSpec.Linear.CLASSES ? 1 : l.out()) : widths[i];
        }
        int rows = (int) Math.min(trainRows(size.rows(), s.data().split().testSize()), Integer.MAX_VALUE);
        TrainSpec t = s.train();
        int batch = t.batchSize() == TrainSpec.FULL_BATCH ? rows : Math.min(t.batchSize(), rows);
        checkModel(s, widths, rows, batch, size.bytes(false, !s.baselines().isEmpty()));
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
        double multiplyAdds = runMultiplyAdds(t, trainRows, weights);
        if (multiplyAdds > maxMultiplyAdds) {
            throw refuse(t.origin(), "train", String.format(Locale.ROOT, "at most %.3g multiply-adds a run (trainspec.limits.maxMultiplyAdds)",
                    maxMultiplyAdds), String.format(Locale.ROOT, "%d epochs x %d rows x %d weights x 3 = %.3g", t.epochs(), trainRows, weights,
                    multiplyAdds), "fewer epochs, fewer rows or a smaller model");
        }
    }

    /**
     * Rows and features a generator will make ({@link DataSources#shape}), how many bytes it needs
     * at least, and its largest other output (make_blobs' centers, make_classification's
     * centroids, make_regression's targets), counted in values with what it is and the key that
     * sizes it; null where only the data knows (csv).
     */
    record DataSize(long rows, long features, int bytesPerValue, long extra, String extraWhat, String extraKey) {
        /**
         * The generated storage; a float32 copy for training when the storage is float64; and, when
         * preprocessing, the split's copies of the rows (without it the splits are views); with
         * baselines and no preprocessing, their float64 copy of the split rows; plus the generator's other output in
         * float64.
         */
        double bytes(boolean preprocessed, boolean baselines) {
            double perValue = bytesPerValue + (bytesPerValue == 4 ? 0 : 4.0) + (preprocessed ? bytesPerValue : 0)
                    + (baselines && !preprocessed ? 8.0 : 0); // preprocessed splits are already the copy baselines fit on
            return (double) rows * features * perValue + 8.0 * extra;
        }

        /**
         * {@link #bytes} at the peak of preparing the data. Preprocessing holds at once the
         * generated storage, the split's copies of the rows and, while a step transforms them, its
         * output beside its input (1,200,000 x 512 make_embeddings rows under standard_scaler
         * passed a storage-only estimate and ran out of a 6 GiB heap). standard_scaler streams
         * over wide rows, but fits one column through float64 temporaries of the rows it fits on
         * (a widened copy of float32 values and the centred values). Baselines fit on float64
         * copies of float32 rows.
         */
        double peakBytes(DataSpec data, boolean baselines) {
            boolean preprocessed = data.preprocess().stream().anyMatch(step -> !step.name().equals("none"));
            if (!preprocessed) return bytes(false, baselines);
            double scalerTemporaries = 0;
            for (Named step : data.preprocess()) {
                if (features != 1 || !step.name().equals("standard_scaler") || !step.params().getBoolean("with_std")) continue;
                boolean onAll = step.params().has("fit_on") && step.params().getString("fit_on").equals("all");
                double fitted = onAll ? 1 : trainRows(rows, data.split().testSize()) / rows;
                scalerTemporaries = fitted * ((bytesPerValue == 4 ? 8.0 : 0) + 8.0);
            }
            double perValue = 2.0 * bytesPerValue + Math.max(bytesPerValue, scalerTemporaries) + (bytesPerValue == 4 ? 0 : 4.0)
                    + (baselines && bytesPerValue == 4 ? 8.0 : 0);
            return (double) rows * features * perValue + 8.0 * extra;
        }

        static DataSize of(Named source) {
            long[] shape = DataSources.shape(source);
            if (shape == null) return null;
            Params p = source.params();
            long rows = shape[0];
            long features = shape[1];
            int bytesPerValue = source.name().equals("make_embeddings") ? 4 : 8;
            return switch (source.name()) {
                case "make_blobs" -> p.values().get("centers") instanceof Number k
                        ? new DataSize(rows, features, bytesPerValue, saturated(k.longValue(), features), k + " centers x " + features + " features", "centers")
                        : new DataSize(rows, features, bytesPerValue, 0, "", "");
                case "make_classification" -> {
                    long clusters = saturated(p.getLong("n_classes"), p.getLong("n_clusters_per_class"));
                    yield new DataSize(rows, features, bytesPerValue, saturated(clusters, p.getLong("n_informative")),
                            clusters + " clusters x " + p.getLong("n_informative") + " informative features", "n_classes or n_clusters_per_class");
                }
                case "make_regression" -> {
                    long targets = p.getLong("n_targets");
                    yield new DataSize(rows, features, bytesPerValue, saturated(targets, Math.max(rows, features)),
                            targets + " targets x " + Math.max(rows, features) + " rows", "n_targets");
                }
                default -> new DataSize(rows, features, bytesPerValue, 0, "", "");
            };
        }
    }

    /** a x b, or Long.MAX_VALUE when the product does not fit a long (it is refused either way). */
    static long saturated(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /**
     * The bytes the prepared data holds at least: the generated rows (float64, or float32 for
     * make_embeddings) and the float32 splits, each array once (unprocessed splits are views of
     * one float32 matrix, which for float32 storage is the storage itself).
     */
    static double bytesOf(PreparedData data) {
        FloatStore train = data.trainSplit().x();
        FloatStore test = data.testSplit().x();
        double splits = 4.0 * train.size() + (test == train ? 0 : 4.0 * test.size());
        Dataset all = data.all();
        double storage = (all.isFloat32() ? 4.0 : 8.0) * all.rows() * all.cols();
        boolean splitsAreStorage = all.isFloat32() && train == all.float32Store();
        return splitsAreStorage ? splits : splits + storage;
    }

    private static String product(long a, long b) {
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b)).toString();
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1L << 30)); // two decimals: a refusal near the budget must not read "5.3 > 5.3"
    }

    private static ScenarioException refuse(Origin at, String keyPath, String expected, String found, String hint) {
        String h = hint.isEmpty() ? "a resource limit, checked before allocating" : hint;
        return new ScenarioException(new Problem(at, keyPath, expected, found, h));
    }
}
