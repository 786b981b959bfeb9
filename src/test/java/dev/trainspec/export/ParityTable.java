package dev.trainspec.export;

import java.util.List;
import java.util.Locale;

/** docs/parity.md: one row a variant, the largest differences of the metrics users check most. */
final class ParityTable {
    private ParityTable() {}

    record Row(String id, String variant, HistoryDiff diff, double firstEpochRel, double javaSeconds, double torchSeconds) {}

    private static final List<String> RELATIVE = List.of("train.loss", "test.loss", "grad_norm", "weight_norm", "lr");
    private static final List<String> ABSOLUTE = List.of("train.accuracy", "test.accuracy", "dead_relu_fraction");

    static String markdown(List<Row> rows, String version) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | variant | runs x epochs | epoch 1 running loss (rel) |");
        for (String m : RELATIVE) sb.append(' ').append(m).append(" (rel) |");
        for (String m : ABSOLUTE) sb.append(' ').append(m).append(" (abs) |");
        sb.append(" Java s | PyTorch s |\n|---|---|---|---|");
        sb.append("---|".repeat(RELATIVE.size() + ABSOLUTE.size())).append("---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.id()).append(" | ").append(r.variant()).append(" | ").append(r.diff().runs()).append(" x ")
                    .append(r.diff().epochs()).append(" | ").append(fmt(r.firstEpochRel())).append(" |");
            for (String m : RELATIVE) sb.append(' ').append(fmt(r.diff().rel(m))).append(" |");
            for (String m : ABSOLUTE) sb.append(' ').append(fmt(r.diff().abs(m))).append(" |");
            sb.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", r.javaSeconds(), r.torchSeconds()));
        }
        return "<!-- written by mvn -B -Pparity test (PytorchParityTest) with " + version + " -->\n" + sb;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == 0) return "0";
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
