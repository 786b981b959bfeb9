package dev.trainspec.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * docs/parity.md, written whole by the parity suite so that its figures and its text cannot
 * drift apart: what was compared, under which conditions, the tolerances, a summary, and one
 * row a variant with the largest differences of the metrics users check most.
 */
final class ParityTable {
    private ParityTable() {}

    record Row(String id, String variant, HistoryDiff diff, double firstEpochRel, double javaSeconds, double torchSeconds) {}

    private static final List<String> RELATIVE = List.of("train.loss", "test.loss", "grad_norm", "weight_norm", "lr");
    private static final List<String> ABSOLUTE = List.of("train.accuracy", "test.accuracy", "dead_relu_fraction");

    static String markdown(List<Row> rows, String version) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Parity with PyTorch\n\n");
        sb.append("<!-- written by `mvn -B -Pparity test` (PytorchParityTest); edit ParityTable.java, not this file -->\n\n");
        sb.append("Every variant of every bundled scenario and of a vocabulary matrix (one small scenario per word of the language:\n"
                + "each layer, init, loss, optimizer, schedule, generator, csv, preprocessing step, split and train option) is exported\n"
                + "with `export --to pytorch`, run on PyTorch, and compared epoch by epoch with the Java engine, run for run (same seeds).\n\n");
        sb.append("Conditions: ").append(version).append("; ").append(cpu()).append("; Java ").append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("os.arch")).append(").\n\n");
        sb.append(String.format(Locale.ROOT, "Tolerances (Tolerances.java): the first epoch's running loss (initial weights, batches,"
                + " masks) within a relative %s in every variant; at every epoch, real-valued metrics (losses, norms, lr, r2, mae)"
                + " within a relative %s and counts (accuracies, class shares, dead/saturated fractions) within an absolute %s, and"
                + " the same number of epochs (early stopping), except in the variants that amplify rounding on purpose:%n%n",
                fmt(Tolerances.FIRST_EPOCH), fmt(Tolerances.RELATIVE), fmt(Tolerances.COUNTS)));
        Tolerances.CHAOTIC.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sb.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        sb.append("\nThere two float32 implementations drift apart as the training amplifies their last-bit differences (about an"
                + " order of magnitude an epoch, from 1e-8 at the first): the runs agree at the first epoch, then differ.\n\n");
        summary(sb, rows);
        sb.append("Columns: the largest difference over all runs and epochs; *rel* = |a - b| / max(|a|, |b|), *abs* = |a - b|;"
                + " \"epoch 1 running loss\" depends only on the initial weights, the first epoch's batches and dropout masks.\n\n");
        sb.append("| scenario | variant | judged | runs x epochs | epoch 1 running loss (rel) |");
        for (String m : RELATIVE) sb.append(' ').append(m).append(" (rel) |");
        for (String m : ABSOLUTE) sb.append(' ').append(m).append(" (abs) |");
        sb.append(" Java s | PyTorch s |\n|---|---|---|---|---|");
        sb.append("---|".repeat(RELATIVE.size() + ABSOLUTE.size())).append("---|---|\n");
        for (Row r : rows) {
            boolean chaotic = Tolerances.CHAOTIC.containsKey(Tolerances.key(r.id(), r.variant()));
            sb.append("| ").append(r.id()).append(" | ").append(r.variant()).append(" | ").append(chaotic ? "epoch 1" : "every epoch")
                    .append(" | ").append(r.diff().runs()).append(" x ")
                    .append(r.diff().epochs()).append(" | ").append(fmt(r.firstEpochRel())).append(" |");
            for (String m : RELATIVE) sb.append(' ').append(fmt(r.diff().rel(m))).append(" |");
            for (String m : ABSOLUTE) sb.append(' ').append(fmt(r.diff().abs(m))).append(" |");
            sb.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", r.javaSeconds(), r.torchSeconds()));
        }
        return sb.toString();
    }

    private static void summary(StringBuilder sb, List<Row> rows) {
        List<Row> judged = rows.stream().filter(r -> !Tolerances.CHAOTIC.containsKey(Tolerances.key(r.id(), r.variant()))).toList();
        long tight = judged.stream().filter(r -> r.diff().rel("train.loss") <= 1e-6).count();
        long close = judged.stream().filter(r -> r.diff().rel("train.loss") <= 1e-5).count();
        double worst = judged.stream().mapToDouble(r -> r.diff().rel("train.loss")).max().orElse(0);
        long sameAccuracy = judged.stream().filter(r -> !(r.diff().abs("test.accuracy") > 0)).count();
        double firstWorst = rows.stream().mapToDouble(Row::firstEpochRel).max().orElse(0);
        long within = rows.stream().filter(r -> Tolerances.misses(Tolerances.key(r.id(), r.variant()), r.diff(), r.firstEpochRel()).isEmpty()).count();
        sb.append(String.format(Locale.ROOT, "Summary: %d variants, %d of them judged epoch by epoch. Of those, the `train.loss` history is within"
                        + " a relative 1e-6 of PyTorch's in %d, within 1e-5 in %d (largest %s), and the test accuracy is the same at every"
                        + " epoch in %d. The first epoch's running loss agrees within %s in all %d. %d of %d variants are within the"
                        + " tolerances.%n%n", rows.size(), judged.size(), tight, close, fmt(worst), sameAccuracy, fmt(firstWorst), rows.size(),
                within, rows.size()));
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return "CPU " + line.substring(line.indexOf(':') + 1).strip() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor count alone
        }
        return Runtime.getRuntime().availableProcessors() + " cores";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == 0) return "0";
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
