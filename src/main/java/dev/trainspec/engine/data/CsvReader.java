package dev.trainspec.engine.data;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a UTF-8 CSV file (RFC 4180 quoting) into a classification {@link Dataset}: the feature
 * columns must hold decimal numbers, the label column integers or text. Classes are the distinct
 * labels in sorted order, as scikit-learn's LabelEncoder numbers them: integers numerically
 * ({@code 2 < 10}), otherwise text by code point ({@code "setosa" < "versicolor"}); surrounding
 * spaces are ignored. A bad cell, a missing value (empty, or one of pandas' NA spellings) or a
 * row with the wrong number of fields stops the read with its {@code file:line:column}.
 */
public final class CsvReader {
    /** pandas' default na_values: cells it would read as missing, reported as such here. */
    private static final Set<String> MISSING = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private CsvReader() {}

    /** The largest file read: its bytes must fit one array (a larger one would be an OutOfMemoryError, not a message). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /**
     * @param file an absolute path below {@code root} (checked again here: no '..', no link out)
     * @throws CsvFormatException for a mistake inside the file
     * @throws CsvOptionException when an option does not fit the file
     * @throws CsvOptionException (key {@code path}) when the file may not or cannot be read
     */
    public static CsvTable read(Path file, Path root, CsvOptions options) {
        Path real = ConfinedPath.check(file, root);
        byte[] bytes;
        try {
            long size = Files.size(real);
            if (size > MAX_BYTES) {
                throw new CsvOptionException("path", "a CSV file of at most " + MAX_BYTES + " bytes (one Java array)", size + " bytes");
            }
            bytes = Files.readAllBytes(real);
        } catch (IOException e) {
            throw new CsvOptionException("path", "a readable CSV file", "an unreadable file (" + e.getClass().getSimpleName() + ")"); // no absolute path: results are public
        }
        return parse(utf8(bytes, file), file, options);
    }

    /** Strict UTF-8: the first byte that is not UTF-8 is reported where it sits. */
    private static String utf8(byte[] bytes, Path file) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (!r.isError()) return out.flip().toString();
        int at = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        throw new CsvFormatException(file, line, column, "UTF-8 text", String.format("the byte 0x%02X, which is not UTF-8 here", bytes[at] & 0xFF));
    }

    /** The same, from text already in memory ({@code file} is only named in messages). */
    static CsvTable parse(String text, Path file, CsvOptions options) {
        CsvRecords records = new CsvRecords(text, options.delimiter(), file);
        CsvRecords.Record first = records.next();
        if (first == null) throw new CsvFormatException(file, 1, 1, options.header() ? "a header row and data rows" : "data rows", "an empty file");
        int width = first.fields().size();
        List<String> names = null;
        CsvRecords.Record row = first;
        if (options.header()) {
            names = new ArrayList<>();
            for (CsvRecords.Field f : first.fields()) names.add(f.text().strip());
            row = records.next();
            if (row == null) throw new CsvFormatException(file, first.line() + 1, 1, "data rows after the header", "the end of the file");
        }
        CsvColumns columns = CsvColumns.resolve(options, names, width);
        int cols = columns.features.length;
        double[] x = new double[Math.max(16, cols) * 64];
        List<CsvRecords.Field> labelCells = new ArrayList<>();
        int rows = 0;
        for (; row != null; row = records.next()) {
            List<CsvRecords.Field> fields = row.fields();
            if (fields.size() != width) {
                CsvRecords.Field at = fields.size() > width ? fields.get(width) : fields.get(fields.size() - 1);
                throw new CsvFormatException(file, at.line(), at.column(),
                        width + " fields " + (options.header() ? "as in the header (line " + first.line() + ")" : "as in the first row (line " + first.line() + ")"),
                        fields.size() + " field" + (fields.size() == 1 ? "" : "s"));
            }
            if ((long) (rows + 1) * cols > Integer.MAX_VALUE - 8) {
                throw new CsvFormatException(file, row.line(), 1, "at most " + (Integer.MAX_VALUE - 8) + " values", "more rows");
            }
            if ((rows + 1) * cols > x.length) x = Arrays.copyOf(x, (int) Math.min(Integer.MAX_VALUE - 8, 2L * x.length));
            for (int k = 0; k < cols; k++) x[rows * cols + k] = number(fields.get(columns.features[k]), columns, columns.features[k], file);
            CsvRecords.Field label = fields.get(columns.label);
            if (MISSING.contains(label.text().strip())) {
                throw new CsvFormatException(file, label.line(), label.column(), "a label in " + columns.describe(columns.label), missing(label));
            }
            labelCells.add(label);
            rows++;
        }
        List<String> featureNames = new ArrayList<>();
        for (int c : columns.features) featureNames.add(names == null ? "x" + c : names.get(c));
        return labelled(Arrays.copyOf(x, rows * cols), rows, cols, labelCells, featureNames);
    }

    private static double number(CsvRecords.Field f, CsvColumns columns, int column, Path file) {
        String t = f.text().strip();
        if (DECIMAL.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                throw new CsvFormatException(file, f.line(), f.column(), "a finite number in " + columns.describe(column),
                        Describe.text(f.text()) + ", which overflows a float64");
            }
            return v;
        }
        String expected = "a number in " + columns.describe(column);
        if (MISSING.contains(t)) throw new CsvFormatException(file, f.line(), f.column(), expected, missing(f));
        if (INFINITE.matcher(t).matches()) {
            throw new CsvFormatException(file, f.line(), f.column(), "a finite number in " + columns.describe(column), Describe.text(f.text()));
        }
        throw new CsvFormatException(file, f.line(), f.column(), expected, Describe.text(f.text()));
    }

    private static String missing(CsvRecords.Field f) {
        return f.text().isEmpty() ? "an empty field (a missing value)" : Describe.text(f.text()) + " (a missing value)";
    }

    /** Classes in sorted order: numerically when every label is an integer, else by code point. */
    private static CsvTable labelled(double[] x, int rows, int cols, List<CsvRecords.Field> cells, List<String> featureNames) {
        boolean integers = cells.stream().allMatch(c -> INTEGER.matcher(c.text().strip()).matches());
        TreeMap<Object, String> distinct = integers
                ? new TreeMap<>()
                : new TreeMap<>(Comparator.comparing(o -> (String) o, CsvReader::byCodePoint));
        Object[] keys = new Object[rows];
        for (int i = 0; i < rows; i++) {
            String t = cells.get(i).text().strip();
            keys[i] = integers ? new BigInteger(t) : t;
            distinct.putIfAbsent(keys[i], integers ? keys[i].toString() : t);
        }
        List<Object> order = new ArrayList<>(distinct.keySet());
        int[] labels = new int[rows];
        var index = new java.util.HashMap<Object, Integer>();
        for (int k = 0; k < order.size(); k++) index.put(order.get(k), k);
        for (int i = 0; i < rows; i++) labels[i] = index.get(keys[i]);
        return new CsvTable(Dataset.classification(x, rows, cols, labels, order.size()), new ArrayList<>(distinct.values()), featureNames);
    }

    private static int byCodePoint(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
