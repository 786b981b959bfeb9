package dev.trainspec.report;

import java.util.Collection;
import java.util.Map;

/**
 * A small streaming JSON writer: objects, arrays, strings escaped per RFC 8259, numbers printed
 * so they parse back to the same double (NaN and infinities, which JSON lacks, become null).
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    public JsonWriter beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    public JsonWriter name(String name) {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String s) {
        comma();
        if (s == null) out.append("null");
        else string(s);
        needComma = true;
        return this;
    }

    public JsonWriter value(double d) {
        comma();
        out.append(Double.isFinite(d) ? number(d) : "null");
        needComma = true;
        return this;
    }

    public JsonWriter value(long v) {
        comma();
        out.append(v);
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean b) {
        comma();
        out.append(b);
        needComma = true;
        return this;
    }

    public JsonWriter values(double[] ds) {
        beginArray();
        for (double d : ds) value(d);
        return endArray();
    }

    public JsonWriter strings(Collection<String> ss) {
        beginArray();
        for (String s : ss) value(s);
        return endArray();
    }

    public JsonWriter numbers(Map<String, Double> m) {
        beginObject();
        m.forEach((k, v) -> name(k).value(v));
        return endObject();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    private void comma() {
        if (needComma) out.append(',');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
