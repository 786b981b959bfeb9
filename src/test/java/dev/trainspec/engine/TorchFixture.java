package dev.trainspec.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference cases under src/test/resources/torch/ (made by src/test/python/make_torch_fixtures.py):
 * a minimal JSON reader (objects, arrays, numbers, strings, NaN/Infinity as Python writes them).
 */
public final class TorchFixture {
    private final String text;
    private int pos;

    private TorchFixture(String text) {
        this.text = text;
    }

    /** The "cases" object of a fixture file, by case name. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cases(String resource) {
        try (InputStream in = TorchFixture.class.getResourceAsStream("/torch/" + resource)) {
            if (in == null) throw new IllegalStateException("no fixture /torch/" + resource);
            Map<String, Object> root = (Map<String, Object>) new TorchFixture(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value();
            return (Map<String, Object>) root.get("cases");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> cases, String name) {
        Object c = cases.get(name);
        if (c == null) throw new IllegalStateException("fixture has no case " + name);
        return (Map<String, Object>) c;
    }

    public static float[] floats(Map<String, Object> c, String key) {
        List<?> list = (List<?>) require(c, key);
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).floatValue();
        return out;
    }

    public static int[] ints(Map<String, Object> c, String key) {
        List<?> list = (List<?>) require(c, key);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).intValue();
        return out;
    }

    public static double number(Map<String, Object> c, String key) {
        return ((Number) require(c, key)).doubleValue();
    }

    private static Object require(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) throw new IllegalStateException("fixture case has no " + key);
        return v;
    }

    private Object value() {
        skip();
        char ch = text.charAt(pos);
        if (ch == '{') return object();
        if (ch == '[') return array();
        if (ch == '"') return string();
        if (text.startsWith("true", pos)) return word("true", Boolean.TRUE);
        if (text.startsWith("false", pos)) return word("false", Boolean.FALSE);
        if (text.startsWith("null", pos)) return word("null", null);
        if (text.startsWith("NaN", pos)) return word("NaN", Double.NaN);
        if (text.startsWith("Infinity", pos)) return word("Infinity", Double.POSITIVE_INFINITY);
        if (text.startsWith("-Infinity", pos)) return word("-Infinity", Double.NEGATIVE_INFINITY);
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
        return Double.parseDouble(text.substring(start, pos));
    }

    private Object word(String w, Object v) {
        pos += w.length();
        return v;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skip();
        if (text.charAt(pos) == '}') {
            pos++;
            return m;
        }
        while (true) {
            skip();
            String key = string();
            skip();
            pos++; // ':'
            m.put(key, value());
            skip();
            if (text.charAt(pos++) == '}') return m;
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skip();
        if (text.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skip();
            if (text.charAt(pos++) == ']') return list;
        }
    }

    private String string() {
        int start = ++pos;
        while (text.charAt(pos) != '"') pos++;
        return text.substring(start, pos++);
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
