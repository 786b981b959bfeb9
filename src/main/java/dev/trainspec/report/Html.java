package dev.trainspec.report;

import dev.trainspec.check.Numbers;
import dev.trainspec.scenario.Printable;

/** Tiny HTML helpers for the report's attachments: escaping, numbers, table cells. */
public final class Html {
    /** Shared style of the tables, so every attachment reads the same. */
    static final String STYLE = "<style>body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse;margin:6px 0 14px}"
            + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}"
            + "th{background:#f3f3f3}.failed{color:#b2182b;font-weight:bold}.passed{color:#1a7f37}</style>";

    private Html() {}

    /** Text as HTML: markup characters as entities, and control characters as visible escapes ({@link Printable}; it may come from a pull request). */
    public static String escape(String text) {
        if (text == null) return "";
        String s = Printable.lines(text);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A chart written into the page as SVG markup, not as a base64 image: a third smaller, and
     * Allure stores a page twice. The chart's ids carry its own prefix, so several charts share a
     * page; the wrapper's class is what the report smoke test looks for.
     */
    public static String chart(String cssClass, String title, String svg) {
        String scaled = svg.replaceFirst("<svg ", "<svg style=\"max-width:100%;height:auto\" role=\"img\" aria-label=\"" + escape(title) + "\" ");
        return "<div class=\"" + cssClass + "\">" + scaled + "</div>";
    }

    static String num(double v) {
        return Numbers.format(v);
    }

    static void row(StringBuilder sb, String tag, String... cells) {
        sb.append("<tr>");
        for (String c : cells) sb.append('<').append(tag).append('>').append(escape(c)).append("</").append(tag).append('>');
        sb.append("</tr>");
    }

    static String document(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>" + STYLE + "</head><body>"
                + body + "</body></html>";
    }
}
