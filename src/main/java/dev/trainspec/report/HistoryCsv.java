package dev.trainspec.report;

import dev.trainspec.engine.train.History;
import dev.trainspec.run.RunResult;
import java.util.List;

/** Per-epoch history of every run as CSV: seed, epoch, then one column per metric. */
public final class HistoryCsv {
    private HistoryCsv() {}

    public static String of(List<RunResult> runs) {
        if (runs.isEmpty()) return "";
        List<String> names = List.copyOf(runs.get(0).training().history().names());
        StringBuilder sb = new StringBuilder("seed,epoch");
        for (String n : names) sb.append(',').append(n);
        sb.append('\n');
        for (RunResult run : runs) {
            History h = run.training().history();
            for (int e = 1; e <= h.epochs(); e++) {
                sb.append(run.seed()).append(',').append(e);
                for (String n : names) sb.append(',').append(h.has(n) ? Double.toString(h.at(n, e)) : "");
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
