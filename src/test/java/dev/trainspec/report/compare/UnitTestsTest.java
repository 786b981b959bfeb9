package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitTestsTest {
    @Test
    void countsEveryTestCaseAndFindsTheFailingLineInTheTestsOwnFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("TEST-dev.x.FooTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="dev.x.FooTest" tests="3" failures="1" errors="0" skipped="1">
                  <testcase name="adds" classname="dev.x.FooTest" time="0.01">
                    <failure message="expected: &lt;2&gt; but was: &lt;3&gt;" type="org.opentest4j.AssertionFailedError">org.opentest4j.AssertionFailedError: expected
                	at org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)
                	at dev.x.FooTest.adds(FooTest.java:42)
                    </failure>
                  </testcase>
                  <testcase name="skips" classname="dev.x.FooTest"><skipped/></testcase>
                  <testcase name="passes" classname="dev.x.FooTest$Inner"/>
                </testsuite>
                """);
        Files.writeString(dir.resolve("dev.x.FooTest.txt"), "not a report");
        UnitTests u = UnitTests.read(dir);
        assertEquals(3, u.run());
        assertEquals(1, u.skipped());
        assertEquals(List.of(new UnitTests.Failure("dev.x.FooTest.adds", "dev/x/FooTest.java", 42, "expected: <2> but was: <3>")), u.failures());
    }

    @Test
    void aReportWithADoctypeIsRefusedNotExpanded(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("TEST-evil.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> UnitTests.read(dir));
        assertEquals(true, e.getMessage().contains("not a Surefire report"), e.getMessage());
    }
}
