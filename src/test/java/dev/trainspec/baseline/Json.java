package dev.trainspec.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON to read the reference fixtures: objects, arrays, numbers, strings, booleans, null. */
final class Json {
    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) throw new IllegalArgumentException("trailing text at " + p.pos);
        return v;
    }

    private Object value() {
        skipSpace();
        char ch = text.charAt(pos);
        if (ch == '{') return object();
        if (ch == '[') return array();
        if (ch == '"') return string();
        if (text.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
        if (text.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
        if (text.startsWith("null", pos)) { pos += 4; return null; }
        if (text.startsWith("NaN", pos)) { pos += 3; return Double.NaN; }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
        return Double.parseDouble(text.substring(start, pos));
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == '}') { pos++; return m; }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (text.charAt(pos) == '}') { pos++; return m; }
            expect(',');
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == ']') { pos++; return list; }
        while (true) {
            list.add(value());
            skipSpace();
            if (text.charAt(pos) == ']') { pos++; return list; }
            expect(',');
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != '"') {
            char ch = text.charAt(pos++);
            if (ch == '\\') {
                char e = text.charAt(pos++);
                if (e == 'u') { sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; }
                else sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                sb.append(ch);
            }
        }
        pos++;
        return sb.toString();
    }

    private void expect(char ch) {
        if (text.charAt(pos) != ch) throw new IllegalArgumentException("expected '" + ch + "' at " + pos + ", found '" + text.charAt(pos) + "'");
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
