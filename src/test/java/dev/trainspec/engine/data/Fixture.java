package dev.trainspec.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CSV fixture written by /work/shared/reference/make_fixtures.py: header x0..xN,y, values as Python's repr. */
record Fixture(String name, double[] x, int rows, int cols, int[] labels, double[] targets) {
    static String text(String resource) {
        try (InputStream in = Fixture.class.getResourceAsStream("/sklearn/" + resource)) {
            if (in == null) throw new IllegalStateException("no fixture " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture csv(String resource) {
        String[] lines = text(resource).split("\n");
        int cols = lines[0].split(",").length - 1;
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(",");
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) r[j] = Double.parseDouble(f[j]);
            rows.add(r);
        }
        boolean integral = true;
        String firstY = lines.length > 1 ? lines[1].substring(lines[1].lastIndexOf(',') + 1).trim() : "0";
        if (firstY.contains(".") || firstY.contains("e") || firstY.contains("n")) integral = false;
        double[] x = new double[rows.size() * cols];
        int[] labels = integral ? new int[rows.size()] : null;
        double[] targets = integral ? null : new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * cols, cols);
            if (integral) labels[i] = (int) rows.get(i)[cols];
            else targets[i] = rows.get(i)[cols];
        }
        return new Fixture(resource, x, rows.size(), cols, labels, targets);
    }

    /** A flat JSON array of numbers by key (fixtures are written by json.dump, so a regex suffices). */
    static double[] jsonArray(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + key);
        String body = m.group(1).trim();
        if (body.isEmpty()) return new double[0];
        String[] parts = body.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i].trim());
        return out;
    }

    static int[] jsonInts(String json, String key) {
        double[] d = jsonArray(json, key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (int) d[i];
        return out;
    }
}
