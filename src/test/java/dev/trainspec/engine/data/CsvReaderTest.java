package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading CSV text: RFC 4180 quoting, column choice, class order; values compared exactly. */
class CsvReaderTest {
    private static final Path FILE = Path.of("t.csv");

    private static CsvTable read(String text, Object label, List<Object> features, char delimiter, boolean header) {
        return CsvReader.parse(text, FILE, new CsvOptions(label, features, delimiter, header));
    }

    @Test
    void rfc4180QuotingWithDelimitersQuotesAndLineBreaksInsideFields() {
        String text = "\uFEFF\"x, first\",\"x \"\"2\"\"\",label\r\n"
                + "\"1.5\",2,\"a, b\"\r\n"
                + "3,\"-4e-1\",\"line one\r\nline two\"\r\n"
                + "\r\n"                                          // blank lines are skipped
                + "5 , 6,\"say \"\"hi\"\"\"";                      // no final line break
        CsvTable t = read(text, null, null, ',', true);
        assertEquals(List.of("x, first", "x \"2\""), t.featureNames());
        assertArrayEquals(new double[] {1.5, 2, 3, -0.4, 5, 6}, t.data().x(), 0.0);
        // text labels in code-point order: "a, b" < "line one\r\nline two" < "say \"hi\""
        assertEquals(List.of("a, b", "line one\r\nline two", "say \"hi\""), t.classNames());
        assertArrayEquals(new int[] {0, 1, 2}, t.data().labels());
    }

    @Test
    void integerLabelsAreOrderedNumericallyNotAsText() {
        CsvTable t = read("a,y\n0.1,10\n0.2,2\n0.3,-1\n0.4,2\n0.5,+10\n", "y", null, ',', true);
        assertEquals(List.of("-1", "2", "10"), t.classNames());
        assertArrayEquals(new int[] {2, 1, 0, 1, 2}, t.data().labels());
        assertEquals(3, t.data().classes());
    }

    @Test
    void textLabelsAreOrderedByCodePointLikeNumpyUnique() {
        CsvTable t = read("a,y\n1,b\n2,B\n3,a\n4,10\n5,9\n", "y", null, ',', true);
        assertEquals(List.of("10", "9", "B", "a", "b"), t.classNames());
        assertArrayEquals(new int[] {4, 2, 3, 0, 1}, t.data().labels());
    }

    @Test
    void labelAndFeaturesByNameOrIndexNegativeFromTheEnd() {
        String text = "y,a,b,c\n1,0.5,1.5,2.5\n0,3.5,4.5,5.5\n";
        CsvTable byIndex = read(text, 0L, List.of(-1L, "a"), ',', true);
        assertEquals(List.of("c", "a"), byIndex.featureNames());
        assertArrayEquals(new double[] {2.5, 0.5, 5.5, 3.5}, byIndex.data().x(), 0.0);
        assertArrayEquals(new int[] {1, 0}, byIndex.data().labels());
        CsvTable byName = read(text, "y", null, ',', true);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, byName.data().x(), 0.0);
        CsvTable negative = read(text, -4L, null, ',', true);
        assertArrayEquals(byName.data().x(), negative.data().x(), 0.0);
    }

    @Test
    void withoutHeaderTheLastColumnIsTheLabelAndFeaturesAreNamedByIndex() {
        CsvTable t = read("1;2;cat\n3;4;dog\n", null, null, ';', false);
        assertEquals(List.of("x0", "x1"), t.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.data().x(), 0.0);
        assertEquals(List.of("cat", "dog"), t.classNames());
    }

    @Test
    void numbersParseToTheNearestDoubleLikePythonFloat() {
        // 0.1 + 0.2 style decimal strings and the extremes of float64, parsed correctly rounded
        CsvTable t = read("a,y\n0.30000000000000004,0\n1.7976931348623157e308,1\n4.9e-324,0\n.5,1\n-7.,0\n", null, null, ',', true);
        assertArrayEquals(new double[] {0.30000000000000004, Double.MAX_VALUE, Double.MIN_VALUE, 0.5, -7.0}, t.data().x(), 0.0);
    }

    @Test
    void javaOnlyNumberSpellingsAreRefused() {
        // Double.parseDouble would accept these; pandas and numpy would not
        for (String cell : new String[] {"1d", "2f", "0x1p3", "Infinity", "1_000", "1,5"}) {
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> read("a;y\n" + cell + ";0\n", null, null, ';', true), cell);
            assertEquals(2, e.line(), cell);
            assertEquals(1, e.column(), cell);
        }
    }

    @Test
    void aBadCellInsideAMultiLineRecordIsReportedOnItsOwnLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("a,b,y\n\"1\n\",x,1\n", null, null, ',', true));
        // the quoted "1\n" is a number once stripped; field b starts on line 3, after the closing quote
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        e = assertThrows(CsvFormatException.class, () -> read("a,b,y\n1,2,\"two\nlines\"\n3,4,\"x\"!\n", null, null, ',', true));
        assertEquals(4, e.line());
        assertEquals(8, e.column());
    }

    @Test
    void aQuoteOrLineBreakCannotBeTheDelimiter() {
        CsvOptionException e = assertThrows(CsvOptionException.class, () -> read("a\n", null, null, '"', true));
        assertEquals("delimiter", e.key());
    }
}
