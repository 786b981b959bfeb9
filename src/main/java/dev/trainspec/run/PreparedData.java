package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.Preprocessor;
import dev.trainspec.engine.data.TrainTestSplit;
import dev.trainspec.engine.random.RandomState;
import dev.trainspec.engine.train.Split;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;

/**
 * A variant's data, made once and shared by its repeat runs: the generated rows, the split
 * (scikit-learn's train_test_split rows), the preprocessing fitted on the training rows (or on
 * all rows where a step says {@code fit_on: all}), the float32 copies the engine trains on, and
 * the facts the diagnosis reads. The data depends on the scenario seed only through a missing
 * {@code random_state}, never on the repeat index: every run of a variant sees the same rows.
 */
public final class PreparedData {
    private final Dataset all;
    private final Dataset trainRaw;
    private final Dataset testRaw;
    private final Dataset train;
    private final Dataset test;
    private final Split trainSplit;
    private final Split testSplit;
    private final DataFacts facts;

    private PreparedData(Dataset all, Dataset trainRaw, Dataset testRaw, Dataset train, Dataset test, String source) {
        this.all = all;
        this.trainRaw = trainRaw;
        this.testRaw = testRaw;
        this.train = train;
        this.test = test;
        this.trainSplit = toFloat("train", train);
        this.testSplit = toFloat("test", test);
        this.facts = FactsOf.compute(source, all, trainRaw, train, test);
    }

    public static PreparedData of(Scenario s) {
        DataSpec spec = s.data();
        Limits.current().checkData(s);
        Dataset all = generate(spec.source(), s.seed());
        DataSpec.SplitSpec split = spec.split();
        TrainTestSplit.Split rows;
        try {
            long seed = split.randomState() == null ? s.seed() : split.randomState();
            int[] stratify = split.stratify() ? all.labels() : null;
            rows = TrainTestSplit.split(all.rows(), testSize(split.testSize()), null, new RandomState(seed), split.shuffle(), stratify);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(new Problem(split.origin(), "data.split", "a valid split", null, e.getMessage()));
        }
        Dataset trainRaw = all.select(rows.train());
        Dataset testRaw = all.select(rows.test());
        Dataset train = trainRaw;
        Dataset test = testRaw;
        Dataset fitRows = all;
        for (Named step : spec.preprocess()) {
            Preprocessor p = DataSources.preprocessor(step);
            boolean onAll = step.params().has("fit_on") && step.params().getString("fit_on").equals("all");
            Preprocessor.Fitted fitted = p.fit(onAll ? fitRows : train);
            train = fitted.transform(train);
            test = fitted.transform(test);
            fitRows = fitted.transform(fitRows);
        }
        PreparedData prepared = new PreparedData(all, trainRaw, testRaw, train, test, spec.source().toString());
        Checks.data(s, prepared);
        return prepared;
    }

    private static Dataset generate(Named source, long seed) {
        try {
            return DataSources.generate(source, seed);
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

    /** Every generated row in generation order, before preprocessing. */
    public Dataset all() {
        return all;
    }

    public Dataset trainRaw() {
        return trainRaw;
    }

    public Dataset testRaw() {
        return testRaw;
    }

    /** The training rows after preprocessing, in float64. */
    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    /** The training rows as the engine trains on them (float32). */
    public Split trainSplit() {
        return trainSplit;
    }

    public Split testSplit() {
        return testSplit;
    }

    public DataFacts facts() {
        return facts;
    }
}
