package dev.trainspec.scenario.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * "did you mean ...?" for a word that is not one of the known names: the same name spelt in
 * another case or style (BatchNorm, batchSize), a name from a neighbouring library
 * (learning_rate), a near miss (at most two edits, a swap counting as one), or a prefix.
 */
final class Suggest {
    private Suggest() {}

    /** Names other libraries use for ours. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("learning_rate", "lr"), Map.entry("learningrate", "lr"),
            Map.entry("num_epochs", "epochs"), Map.entry("n_epochs", "epochs"), Map.entry("max_epochs", "epochs"),
            Map.entry("dense", "linear"), Map.entry("fc", "linear"), Map.entry("layers", "model"),
            Map.entry("rate", "p"), Map.entry("dropout_rate", "p"), Map.entry("initializer", "init"),
            Map.entry("criterion", "loss"), Map.entry("loss_fn", "loss"), Map.entry("optim", "optimizer"),
            Map.entry("scheduler", "schedule"), Map.entry("lr_scheduler", "schedule"),
            Map.entry("val_size", "test_size"), Map.entry("validation_split", "test_size"),
            Map.entry("seeds", "repeat"), Map.entry("runs", "repeat"), Map.entry("decay", "weight_decay"),
            Map.entry("random_seed", "random_state"), Map.entry("dataset", "data"),
            Map.entry("expectations", "expect"), Map.entry("asserts", "expect"), Map.entry("expects", "expect"),
            Map.entry("softmax_cross_entropy", "cross_entropy"), Map.entry("categorical_crossentropy", "cross_entropy"),
            Map.entry("binary_crossentropy", "bce"), Map.entry("log_loss", "bce"),
            Map.entry("normalize", "standard_scaler"), Map.entry("standardize", "standard_scaler"),
            Map.entry("val", "test"), Map.entry("valid", "test"), Map.entry("validation", "test"),
            Map.entry("val_loss", "test.loss"), Map.entry("val_accuracy", "test.accuracy"), Map.entry("val_acc", "test.accuracy"),
            Map.entry("acc", "accuracy"), Map.entry("average", "mean"), Map.entry("avg", "mean"));

    /** The hint for {@code word} among {@code known}, or "" when nothing is close. */
    static String hint(String word, Collection<String> known) {
        String best = closest(word, known);
        return best == null ? "" : "did you mean '" + best + "'?";
    }

    static String closest(String word, Collection<String> known) {
        if (word == null || word.isEmpty()) return null;
        String norm = normal(word);
        for (String k : known) if (normal(k).equals(norm)) return k;
        String syn = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
        if (syn != null && known.contains(syn)) return syn;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= 2 && bestDistance < Math.min(word.length(), best.length())) return best;
        if (norm.length() >= 3) {
            for (String k : known) if (normal(k).startsWith(norm) || norm.startsWith(normal(k)) && normal(k).length() >= 3) return k;
        }
        return null;
    }

    /** Lower case without '_' or '-': batchSize, batch-size and batch_size read the same. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
