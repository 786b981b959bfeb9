package dev.trainspec.report.compare;

/**
 * Where the comment points: the scenario file at the head commit ({@code sourcePrefix}, a blob
 * URL such as {@code https://github.com/o/r/blob/<sha>}), the comparison page ({@code pageUrl},
 * anchors by scenario id and variant) and the full report ({@code reportUrl}). Any may be null:
 * the comment then shows plain text.
 */
public record Links(String sourcePrefix, String pageUrl, String reportUrl) {
    public static final Links NONE = new Links(null, null, null);

    public String source(String file, int line) {
        if (blank(sourcePrefix)) return null;
        String prefix = sourcePrefix.endsWith("/") ? sourcePrefix.substring(0, sourcePrefix.length() - 1) : sourcePrefix;
        return prefix + "/" + path(file) + (line > 0 ? "#L" + line : "");
    }

    /**
     * A file path as a URL path, each segment percent-encoded: a file name from a pull request may
     * hold a space, ')', '#' or a newline, which would end the Markdown link or the URL early.
     */
    static String path(String file) {
        StringBuilder out = new StringBuilder();
        for (byte b : file.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean safe = c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0);
            out.append(safe ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    /** "[comparison page](..) · [full report](..)", or "" when neither is known. */
    public String pages() {
        String page = blank(pageUrl) ? "" : "[comparison page](" + pageUrl + ")";
        String report = blank(reportUrl) ? "" : "[full report](" + reportUrl + ")";
        return page.isEmpty() || report.isEmpty() ? page + report : page + " \u00b7 " + report;
    }

    public String page(String id, String variant) {
        return blank(pageUrl) ? null : pageUrl + "#" + anchor(id, variant);
    }

    /** The HTML id of a variant's section on the comparison page: letters, digits and '-' only. */
    public static String anchor(String id, String variant) {
        return (id + "--" + variant).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
