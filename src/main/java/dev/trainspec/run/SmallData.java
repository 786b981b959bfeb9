package dev.trainspec.run;

import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's warm-up stand-in for data too large to prepare twice: the same generator, width,
 * model, loss, optimizer and batch size, on as many rows as stay under the data cache's threshold
 * (127 rows of 512 features), so the warm-up compiles the kernels the real run will use while the
 * real rows are still being read from the data cache. It never touches the cache (too small to be
 * cached) and shares nothing with the real run.
 */
final class SmallData {
    /** Fewer rows than this are too few batches to warm anything. */
    static final int MIN_ROWS = 16;

    private SmallData() {}

    /** {@code s} on fewer rows, or null when its generator's size is not one {@code n_samples} count or the width leaves too few rows. */
    static Scenario of(Scenario s) {
        Named source = s.data().source();
        Limits.DataSize size = Limits.DataSize.of(source);
        if (size == null || !(source.params().values().get("n_samples") instanceof Number)) return null;
        long rows = (DataCache.MIN_VALUES - 1) / size.features();
        if (rows < MIN_ROWS) return null;
        Map<String, Object> params = new LinkedHashMap<>(source.params().values());
        params.put("n_samples", rows);
        Named small = new Named(source.name(), new Params(params, source.params().origins()), source.origin());
        DataSpec.SplitSpec split = s.data().split();
        // a test size given as a row count would not fit: the usual fraction instead
        DataSpec.SplitSpec smallSplit = split.testSize() < 1 ? split
                : new DataSpec.SplitSpec(0.2, split.randomState(), split.shuffle(), split.stratify(), split.origin());
        DataSpec data = new DataSpec(small, s.data().preprocess(), smallSplit, s.data().root(), s.data().origin());
        return new Scenario(s.id(), s.file(), s.variant(), s.title(), s.description(), s.tags(), s.seed(), data, s.model(), s.loss(),
                s.optimizer(), s.schedule(), s.train(), s.baselines(), s.repeat(), s.expect(), s.regression(), s.budgetSeconds(),
                s.source(), s.origin());
    }
}
