package dev.trainspec.run;

import dev.trainspec.engine.data.CsvFormatException;
import dev.trainspec.engine.data.CsvOptionException;
import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.FiniteValues;
import dev.trainspec.engine.data.Preprocessor;
import dev.trainspec.engine.data.TrainTestSplit;
import dev.trainspec.engine.random.RandomState;
import dev.trainspec.engine.tensor.FloatStore;
import dev.trainspec.engine.train.Split;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A variant's data, made once and shared by its repeat runs: the generated rows, the split
 * (scikit-learn's train_test_split rows), the preprocessing fitted on the training rows (or on
 * all rows where a step says {@code fit_on: all}), the float32 copies the engine trains on, and
 * the facts the diagnosis reads. The data depends on the scenario seed only through a missing
 * {@code random_state}, never on the repeat index: every run of a variant sees the same rows.
 *
 * <p>Memory is linear in the data with no hidden copies. Without preprocessing (the big
 * float32 sets: 2,000,000 x 512 is 4.1 GB) both engine splits are row-index views of the one
 * generated matrix, the facts are computed through the same indices, and the per-split
 * {@link Dataset}s ({@link #trainRaw()}, {@link #train()}, ...) are made only when asked for
 * (by {@code trainspec data} or a baseline), then kept. With preprocessing, the transformed
 * splits are new arrays (the raw rows stay for {@link #all()}), which is one more copy.
 */
public final class PreparedData {
    private final Dataset all;
    private final int[] trainRows;
    private final int[] testRows;
    private final Split trainSplit;
    private final Split testSplit;
    /** Computed beside the training (only the results read them): 0.5 s of statistics on 250,000 x 512 rows. */
    private final CompletableFuture<DataFacts> facts;
    /** Materialised on first use when the splits are views; set up front otherwise. */
    private Dataset trainRaw;
    private Dataset testRaw;
    private Dataset train;
    private Dataset test;
    private final boolean preprocessed;

    private PreparedData(Dataset all, int[] trainRows, int[] testRows, Dataset train, Dataset test, String source) {
        this.all = all;
        this.trainRows = trainRows;
        this.testRows = testRows;
        this.preprocessed = train != null;
        if (preprocessed) {
            this.trainRaw = all.select(trainRows);
            this.testRaw = all.select(testRows);
            this.train = train;
            this.test = test;
            this.trainSplit = toFloat("train", train);
            this.testSplit = toFloat("test", test);
            this.facts = CompletableFuture.supplyAsync(() -> FactsOf.compute(source, all, trainRows, train, test));
        } else {
            FloatStore x = all.float32Store();
            this.trainSplit = view("train", all, x, trainRows);
            this.testSplit = view("test", all, x, testRows);
            this.facts = CompletableFuture.supplyAsync(() -> FactsOf.computeUnprocessed(source, all, trainRows, testRows.length));
        }
    }

    public static PreparedData of(Scenario s) {
        DataSpec spec = s.data();
        Limits.current().checkBeforeData(s);
        Named source = spec.source();
        Dataset all = generate(source, s.seed(), spec.root());
        check(source.origin(), "data." + source.name(), () -> FiniteValues.require(all));
        DataSpec.SplitSpec split = spec.split();
        if (split.stratify() && !all.isClassification()) {
            throw new ScenarioException(new Problem(split.origin(), "data.split.stratify", "stratify: false for real-valued targets",
                    "stratify: true with " + source.name(), "scikit-learn would treat every distinct target as a class"));
        }
        TrainTestSplit.Split rows;
        try {
            long seed = split.randomState() == null ? s.seed() : split.randomState();
            int[] stratify = split.stratify() ? all.labels() : null;
            rows = TrainTestSplit.split(all.rows(), testSize(split.testSize()), null, new RandomState(seed), split.shuffle(), stratify);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(new Problem(split.origin(), "data.split", "a valid split", null, e.getMessage()));
        }
        requireTwoClasses(all, rows.train(), source, split);
        PreparedData prepared = spec.preprocess().stream().anyMatch(step -> !step.name().equals("none"))
                ? preprocessed(spec, all, rows) : unprocessed(spec, all, rows);
        Checks.data(s, prepared);
        return prepared;
    }

    /** Both splits as views of the generated matrix: no copy of the features. */
    private static PreparedData unprocessed(DataSpec spec, Dataset all, TrainTestSplit.Split rows) {
        Named source = spec.source();
        check(source.origin(), "data." + source.name(), () -> FiniteValues.requireFloat32(all));
        return new PreparedData(all, rows.train(), rows.test(), null, null, describe(source, spec.root()));
    }

    private static PreparedData preprocessed(DataSpec spec, Dataset all, TrainTestSplit.Split rows) {
        Named source = spec.source();
        Dataset train = all.select(rows.train());
        Dataset test = all.select(rows.test());
        Dataset fitRows = all;
        List<Named> steps = spec.preprocess();
        for (int i = 0; i < steps.size(); i++) {
            Named step = steps.get(i);
            Preprocessor p = DataSources.preprocessor(step);
            boolean onAll = step.params().has("fit_on") && step.params().getString("fit_on").equals("all");
            Preprocessor.Fitted fitted = p.fit(onAll ? fitRows : train);
            train = fitted.transform(train);
            test = fitted.transform(test);
            // all rows transformed only for a later step that fits on them
            if (i < steps.size() - 1) fitRows = fitted.transform(fitRows);
            Dataset tr = train;
            Dataset te = test;
            check(step.origin(), "data.preprocess." + step.name(), () -> {
                FiniteValues.require(tr);
                FiniteValues.require(te);
            });
        }
        Dataset tr = train;
        Dataset te = test;
        check(source.origin(), "data." + source.name(), () -> {
            FiniteValues.requireFloat32(tr);
            FiniteValues.requireFloat32(te);
        });
        return new PreparedData(all, rows.train(), rows.test(), train, test, describe(source, spec.root()));
    }

    /** The source as reports show it: a csv path relative to the workspace root, not the machine's absolute path. */
    static String describe(Named source, Path root) {
        Params p = source.params();
        if (!source.name().equals("csv") || root == null) return source.toString();
        java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>(p.values());
        shown.put("path", root.relativize(Path.of(p.getString("path"))).toString());
        return source.name() + shown;
    }

    /**
     * A classifier needs two classes among its training rows (scikit-learn's solvers refuse one).
     * A scan for a label unlike the first, not a set of the labels: boxing 200,000 labels into
     * a set cost a cold JVM 15-50 ms on the way to training.
     */
    private static void requireTwoClasses(Dataset all, int[] trainRows, Named source, DataSpec.SplitSpec split) {
        if (!all.isClassification() || trainRows.length == 0 || varied(all.labels(), trainRows)) return; // no rows: Checks.data says so
        int[] labels = all.labels();
        if (!varied(labels, null)) {
            throw new ScenarioException(new Problem(source.origin(), "data." + source.name(), "samples of at least 2 classes",
                    "only class " + labels[0] + " in all " + all.rows() + " rows", ""));
        }
        throw new ScenarioException(new Problem(split.origin(), "data.split", "training rows with samples of at least 2 classes",
                "only class " + labels[trainRows[0]] + " in the " + trainRows.length + " training rows", "use stratify: true or a smaller test_size"));
    }

    /** Whether the labels of {@code rows} (all when null) hold two different values. */
    private static boolean varied(int[] labels, int[] rows) {
        int n = rows == null ? labels.length : rows.length;
        if (n == 0) return false;
        int first = labels[rows == null ? 0 : rows[0]];
        for (int i = 1; i < n; i++) {
            if (labels[rows == null ? i : rows[i]] != first) return true;
        }
        return false;
    }

    private static void check(Origin at, String key, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(new Problem(at, key, "finite values", null, e.getMessage()));
        }
    }

    private static Dataset generate(Named source, long seed, Path root) {
        try {
            return DataCache.generate(source, seed, root);
        } catch (CsvFormatException e) {
            // the mistake is in the CSV file: point there, and say which scenario read it
            throw new ScenarioException(new Problem(new Origin(e.file(), e.line(), e.column()), "data.csv", e.expected(), e.found(),
                    "read by " + source.origin()));
        } catch (CsvOptionException e) {
            String key = e.key().replaceFirst("\\[.*", "");
            throw new ScenarioException(new Problem(source.params().origin(key), "data.csv." + e.key(), e.expected(), e.found(), ""));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(new Problem(source.origin(), "data." + source.name(), "valid parameters", null, e.getMessage()));
        }
    }

    /** train_test_split reads 0.2 as a fraction and 20 as a row count. */
    private static Number testSize(double v) {
        return v >= 1 && v == Math.rint(v) ? (Number) (long) v : (Number) v;
    }

    private static Split toFloat(String name, Dataset d) {
        float[] x = d.xFloat32();
        float[] targets = null;
        if (!d.isClassification()) {
            targets = new float[d.rows()];
            for (int i = 0; i < targets.length; i++) targets[i] = (float) d.targets()[i];
        }
        return new Split(name, x, d.rows(), d.cols(), d.labels(), targets, d.classes());
    }

    /** Split rows as a view of the whole float32 matrix: labels or targets gathered, features not. */
    private static Split view(String name, Dataset all, FloatStore x, int[] rows) {
        int[] labels = null;
        float[] targets = null;
        if (all.isClassification()) {
            labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) labels[i] = all.labels()[rows[i]];
        } else {
            // as toFloat reads a selected Dataset: its first rows values of the [rows, targetCols] targets
            int tc = all.targetCols();
            targets = new float[rows.length];
            for (int k = 0; k < rows.length; k++) targets[k] = (float) all.targets()[rows[k / tc] * tc + k % tc];
        }
        return new Split(name, x, rows.clone(), rows.length, all.cols(), labels, targets, all.classes());
    }

    /** Every generated row in generation order, before preprocessing. */
    public Dataset all() {
        return all;
    }

    public synchronized Dataset trainRaw() {
        if (trainRaw == null) trainRaw = all.select(trainRows);
        return trainRaw;
    }

    public synchronized Dataset testRaw() {
        if (testRaw == null) testRaw = all.select(testRows);
        return testRaw;
    }

    /** The training rows after preprocessing, in the generator's precision (float64 for scikit-learn's). */
    public synchronized Dataset train() {
        return preprocessed ? train : trainRaw();
    }

    public synchronized Dataset test() {
        return preprocessed ? test : testRaw();
    }

    /** The training rows as the engine trains on them (float32). */
    public Split trainSplit() {
        return trainSplit;
    }

    public Split testSplit() {
        return testSplit;
    }

    public DataFacts facts() {
        return facts.join();
    }
}
