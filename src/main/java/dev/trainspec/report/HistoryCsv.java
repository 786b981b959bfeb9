package dev.trainspec.report;

import dev.trainspec.engine.train.History;
import dev.trainspec.run.RunResult;
import java.util.List;

/**
 * Per-epoch history of every run as CSV: seed, epoch, then one column per metric. Values are
 * written as the shortest text that reads back to the same float32 (at most 9 significant
 * digits): the engine trains in float32, so the 17 digits of a double only weigh on the report
 * (1,000 epochs x 18 metrics x 10 runs is a megabyte at 17 digits). Runs longer than
 * {@link #MAX_EPOCHS} keep one epoch in {@link #stride} and always their last; the JSON result
 * ({@code run --json}) keeps every epoch.
 */
public final class HistoryCsv {
    static final int MAX_EPOCHS = 100;

    private HistoryCsv() {}

    /** Every how many epochs a row is written: 1 up to {@link #MAX_EPOCHS} epochs. */
    public static int stride(List<RunResult> runs) {
        int epochs = runs.stream().mapToInt(r -> r.training().history().epochs()).max().orElse(0);
        return Math.max(1, (epochs + MAX_EPOCHS - 1) / MAX_EPOCHS);
    }

    public static String of(List<RunResult> runs) {
        if (runs.isEmpty()) return "";
        List<String> names = List.copyOf(runs.get(0).training().history().names());
        StringBuilder sb = new StringBuilder("seed,epoch");
        for (String n : names) sb.append(',').append(n);
        sb.append('\n');
        int stride = stride(runs);
        for (RunResult run : runs) {
            History h = run.training().history();
            for (int e = 1; e <= h.epochs(); e++) {
                if ((e - 1) % stride != 0 && e != h.epochs()) continue;
                sb.append(run.seed()).append(',').append(e);
                for (String n : names) sb.append(',').append(h.has(n) ? number(h.at(n, e)) : "");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String number(double v) {
        String s = Float.toString((float) v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
