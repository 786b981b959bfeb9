package dev.trainspec.report;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A scenario's description, written in Markdown, as HTML for the report. Scenario files arrive in
 * pull requests from anyone, so raw HTML in the text is shown as text, and links and images keep
 * only http, https and mailto URLs (a {@code javascript:} or {@code data:} URL becomes empty).
 * The only user of commonmark.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();

    private Markdown() {}

    public static String html(String markdown) {
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
    }
}
