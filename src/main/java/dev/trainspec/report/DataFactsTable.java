package dev.trainspec.report;

import dev.trainspec.run.DataFacts;
import java.util.Arrays;

/** The data's facts as HTML: sizes, classes, fingerprint, and per-feature statistics before and after preprocessing. */
public final class DataFactsTable {
    private DataFactsTable() {}

    public static String html(DataFacts d) {
        return Html.document("data facts", body(d));
    }

    static String body(DataFacts d) {
        StringBuilder sb = new StringBuilder("<h3>Data</h3><table>");
        Html.row(sb, "td", "source", d.source());
        Html.row(sb, "td", "fingerprint", d.fingerprint());
        Html.row(sb, "td", "train rows", Integer.toString(d.trainRows()));
        Html.row(sb, "td", "test rows", Integer.toString(d.testRows()));
        Html.row(sb, "td", "features", Integer.toString(d.features()));
        if (d.classes() > 0) {
            Html.row(sb, "td", "classes", Integer.toString(d.classes()));
            Html.row(sb, "td", "train class counts", Arrays.toString(d.trainClassCounts()));
            Html.row(sb, "td", "labels sorted", Boolean.toString(d.labelsSorted()));
        }
        sb.append("</table>");
        sb.append("<h3>Training features</h3><table>");
        Html.row(sb, "th", "feature", "raw mean", "raw std", "raw min", "raw max", "model mean", "model std", "model min", "model max");
        for (int f = 0; f < d.raw().size(); f++) {
            DataFacts.FeatureStats raw = d.raw().get(f);
            DataFacts.FeatureStats pre = f < d.preprocessed().size() ? d.preprocessed().get(f) : raw;
            Html.row(sb, "td", "x" + f, Html.num(raw.mean()), Html.num(raw.std()), Html.num(raw.min()), Html.num(raw.max()),
                    Html.num(pre.mean()), Html.num(pre.std()), Html.num(pre.min()), Html.num(pre.max()));
        }
        sb.append("</table>");
        return sb.toString();
    }
}
