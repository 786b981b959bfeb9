package dev.trainspec.report.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The project's own tests, from Surefire's {@code TEST-*.xml} below a folder: counted apart from the scenarios
 * (a failed unit test must never read "0 failed"), and each failure with the test source line the
 * stack trace names, for a check annotation.
 */
public record UnitTests(int run, int failed, int skipped, List<Failure> failures) {

    /** {@code file} is the test's source below src/test/java ("dev/trainspec/x/FooTest.java"), {@code line} 0 when unknown. */
    public record Failure(String test, String file, int line, String message) {}

    public static final UnitTests NONE = new UnitTests(0, 0, 0, List.of());

    public static UnitTests read(Path dir) throws IOException {
        int run = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        List<Path> files;
        // walked, not listed: CI downloads each shard's reports into its own folder (the file names repeat)
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            Document doc = parse(f);
            NodeList cases = doc.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                run++;
                if (c.getElementsByTagName("skipped").getLength() > 0) skipped++;
                Element problem = first(c, "failure");
                if (problem == null) problem = first(c, "error");
                if (problem != null) failures.add(failure(c, problem));
            }
        }
        return new UnitTests(run, failures.size(), skipped, List.copyOf(failures));
    }

    private static Failure failure(Element testcase, Element problem) {
        String cls = testcase.getAttribute("classname");
        String message = problem.getAttribute("message");
        if (message.isBlank()) message = problem.getAttribute("type");
        String outer = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
        String simple = outer.substring(outer.lastIndexOf('.') + 1);
        // the deepest frame in the test's own file: "at dev.x.FooTest.bar(FooTest.java:42)"
        Matcher m = Pattern.compile("\\(" + Pattern.quote(simple) + "\\.java:(\\d+)\\)").matcher(problem.getTextContent());
        int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return new Failure(cls + "." + testcase.getAttribute("name"), outer.replace('.', '/') + ".java", line, message);
    }

    private static Element first(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static Document parse(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // reports are data: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(f + ": not a Surefire report: " + e.getMessage(), e);
        }
    }
}
