package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.compare.PullRequestSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @Test
    void rendersThePullRequestsComparisonPageCommentAndAnnotations(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        Path page = dir.resolve("out/compare.html");
        Path annotations = dir.resolve("out/annotations.txt");
        String md = Cli.stdout("compare", dir.resolve("base").toString(), dir.resolve("head").toString(),
                "--base-snapshots", dir.resolve("base-snapshots").toString(), "--head-snapshots", dir.resolve("head-snapshots").toString(),
                "--html", page.toString(), "--annotations", annotations.toString());
        assertTrue(md.contains("test.accuracy 0.95 \u2192 0.89 (\u22120.06 \u00b1 0.01, p = 0.0018)"), md);
        assertTrue(md.contains("new finding: softmax_before_cross_entropy"), md);

        String html = Files.readString(page);
        // the regression and the new pitfall have a chart each, the untouched scenario only its anchor
        for (String anchor : new String[] {"seeds-moons--base", "bugs-softmax--base", "seeds-steady--base"}) {
            assertTrue(html.contains("<section id=\"" + anchor + "\">"), anchor);
        }
        Matcher img = Pattern.compile("<div class=\"trainspec-compare-chart\">(<svg .*?</svg>)</div>").matcher(html);
        assertTrue(img.find());
        String svg = img.group(1);
        assertTrue(svg.contains("base test.accuracy (mean, min-max of 3 runs)") && svg.contains("head test.accuracy (mean, min-max of 3 runs)"), svg);
        assertTrue(svg.contains("rgb(255,127,14)") && svg.contains("stroke-dasharray"), "base: orange and dashed");
        assertTrue(svg.contains("rgb(31,119,180)"), "head: blue");
        assertTrue(img.find());
        assertTrue(!img.find(), "no chart for the unchanged scenario");
        assertTrue(html.contains("snapshot rewritten: test.accuracy 0.955 \u2192 0.895"), html);

        assertEquals("::error file=scenarios/seeds/moons.yaml,line=20,title=trainspec seeds/moons [base]::mean test.accuracy >= 0.93 (observed 0.89)\n",
                Files.readString(annotations));
    }

    @Test
    void aMissingBaseIsNothingToCompareAndAMissingHeadAUsageError(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        String md = Cli.stdout("compare", dir.resolve("nope").toString(), dir.resolve("head").toString());
        assertTrue(md.contains("_No base results: nothing to compare with._"), md);
        assertEquals(ExitCodes.INVALID, Main.execute("compare", dir.resolve("base").toString(), dir.resolve("nope").toString()));
    }
}
