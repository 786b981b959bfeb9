package dev.trainspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void codeEmphasisAndListsRender() {
        assertEquals("<p>A <code>softmax</code> before <em>cross_entropy</em>:</p>\n<ul>\n<li>one</li>\n</ul>\n",
                Markdown.html("A `softmax` before *cross_entropy*:\n\n- one"));
    }

    @Test
    void rawHtmlIsShownAsTextAndUnsafeUrlsAreDropped() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", Markdown.html("<script>alert(1)</script>"));
        assertEquals("<p><a rel=\"nofollow\" href=\"\">x</a> <a rel=\"nofollow\" href=\"https://pytorch.org\">ok</a> &lt;b onclick=&quot;f()&quot;&gt;bold&lt;/b&gt;</p>\n",
                Markdown.html("[x](javascript:alert(1)) [ok](https://pytorch.org) <b onclick=\"f()\">bold</b>"));
        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n", Markdown.html("<img src=x onerror=alert(1)>"));
        assertEquals("<p><img src=\"\" alt=\"i\" /></p>\n", Markdown.html("![i](data:text/html;base64,PHNjcmlwdD4=)"));
    }
}
