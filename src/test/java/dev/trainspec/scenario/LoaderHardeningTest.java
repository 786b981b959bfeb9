package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8.1: hostile and broken input gets one clear error each, under a deadline, never a
 * stack trace. Each case replaces one line of {@link Hostile#VALID} (or is a whole file) and
 * compares the exact message.
 */
class LoaderHardeningTest {
    @TempDir
    Path dir;
    private Hostile hostile;

    @BeforeEach
    void setUp() {
        hostile = new Hostile(dir);
    }

    /** VALID with the first line that starts with {@code from} (after indentation) replaced by {@code to}, same indentation. */
    static String replace(String from, String to) {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String line : Hostile.VALID.split("\n", -1)) {
            String stripped = line.stripLeading();
            if (!done && stripped.startsWith(from)) {
                out.append(line, 0, line.length() - stripped.length()).append(to);
                done = true;
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        if (!done) throw new IllegalArgumentException("no line starts with " + from);
        return out.toString();
    }

    @Test
    void theValidScenarioLoads() {
        assertNull(hostile.outcome(Hostile.VALID.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            epochs:     | epochs: 1e400                   | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found 1e400
            epochs:     | epochs: 99999999999999999999    | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found 99999999999999999999
            epochs:     | epochs: -99999999999999999999   | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found -99999999999999999999
            epochs:     | epochs: 0x7fffffffffffffffff    | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found 0x7fffffffffffffffff
            epochs:     | epochs: .inf                    | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found .inf
            epochs:     | epochs: .nan                    | s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found .nan
            lr:         | lr: 1e309                       | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found 1e309
            lr:         | lr: .nan                        | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found .nan
            lr:         | lr: .NaN                        | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found .NaN
            lr:         | lr: .inf                        | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found .inf
            lr:         | lr: -.Inf                       | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found -.Inf
            lr:         | lr: NaN                         | s.yaml:20:9: optimizer.sgd.lr: expected a number >= 0, found 'NaN'
            momentum:   | momentum: 1e-400                | -
            noise:      | noise: .nan                     | s.yaml:6:12: data.make_moons.noise: expected a number >= 0, found .nan
            n_samples:  | n_samples: 1e400                | s.yaml:5:16: data.make_moons.n_samples: expected a positive integer, found 1e400
            test_size:  | test_size: .inf                 | s.yaml:10:16: data.split.test_size: expected a number in (0, 1) or a positive integer, found .inf
            - linear: 16| - linear: 99999999999999999999  | s.yaml:13:13: model[0].linear.out: expected a positive integer or 'classes', found 99999999999999999999 (at most 2147483647: the engine counts in Java ints)
            - dropout:  | - dropout: .nan                 | s.yaml:15:14: model[2].dropout.p: expected a number in [0, 1], found .nan
            seed:       | seed: 99999999999999999999      | s.yaml:2:7: seed: expected an integer in [0, 4294967295], found 99999999999999999999
            seconds:    | seconds: 1e400                  | s.yaml:32:12: budget.seconds: expected a positive number, found 1e400
            seconds:    | seconds: .inf                   | s.yaml:32:12: budget.seconds: expected a positive number, found .inf
            batch_size: | batch_size: .inf                | s.yaml:28:15: train.batch_size: expected a positive integer or 'full', found .inf
            repeat:     | repeat: 1e400                   | s.yaml:30:9: repeat.seeds: expected an integer in [1, 10000], found 1e400
            """)
    void hugeNumbersAndNonFiniteLiteralsAreOneClearError(String line, String replacement, String expected) {
        String yaml = replace(line.strip(), replacement.strip());
        String actual = hostile.outcome(yaml.getBytes(StandardCharsets.UTF_8));
        if (expected.equals("-")) assertNull(actual, "1e-400 is 0 in a double: a valid momentum");
        else assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            - mean test.accuracy >= 1e400                     | s.yaml:34:27: expect[0]: expected a finite number, found '1e400'
            - mean test.accuracy >= .nan                      | s.yaml:34:27: expect[0]: expected a finite number, found '.nan'
            - mean test.accuracy >= inf                       | s.yaml:34:27: expect[0]: expected a finite number, found 'inf'
            - mean test.accuracy + 1e999 >= 0.5               | s.yaml:34:26: expect[0]: expected a finite number, found '1e999'
            - test.accuracy >= 0.5 within 99999999999 epochs  | s.yaml:34:33: expect[0]: expected a number of epochs after 'within' (a positive integer), found '99999999999'
            - test.accuracy at epoch 99999999999 >= 0.5       | s.yaml:34:28: expect[0]: expected an epoch number (a positive integer), found '99999999999'
            """)
    void hugeAndNonFiniteNumbersInExpectations(String line, String expected) {
        assertEquals(expected, hostile.message(replace("- mean test.accuracy", line.strip())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title: !!python/object/apply:os.system [ls]  | s.yaml:1:8: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!!python/object/apply:os.system'
            title: !!java.io.File /etc/passwd             | s.yaml:1:8: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!!java.io.File'
            title: !<tag:example.com,2000:x> a            | s.yaml:1:8: title: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag 'tag:example.com,2000:x'
            title: !local a                               | s.yaml:1:8: title: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!local'
            title: !!binary aGVsbG8=                      | s.yaml:1:8: title: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!!binary'
            title: !!set {a, b}                           | s.yaml:1:8: title: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!!set'
            title: !!omap [a: 1]                          | s.yaml:1:8: title: expected a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map), found the tag '!!omap'
            """)
    void noTagInstantiatesAnything(String line, String expected) {
        assertEquals(expected, hostile.message(replace("title:", line.strip())));
    }

    @Test
    void billionLaughsStopsAtTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            yaml.append("]\n");
        }
        assertEquals("s.yaml:1:1: expected at most 50 aliases of lists or mappings, found more", hostile.message(yaml.toString()));
    }

    @Test
    void manyScalarAliasesStayCheap() {
        // scalar aliases are not counted by SnakeYAML's collection limit; the value count catches them
        StringBuilder yaml = new StringBuilder("title: &t x\ntags: [");
        for (int i = 0; i < 200_000; i++) yaml.append(i == 0 ? "" : ",").append("*t");
        yaml.append("]\n");
        assertEquals("s.yaml:1:1: expected at most 100000 values after expanding aliases, found more (an alias bomb?)",
                hostile.message(yaml.toString()));
    }

    @Test
    void deepFlowNestingIsRefused() {
        String yaml = "title: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertEquals("s.yaml:1:1: expected at most 64 levels of nesting, found more", hostile.message(yaml));
    }

    @Test
    void deepBlockNestingIsRefused() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 200; i++) yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
        assertEquals("s.yaml:1:1: expected at most 64 levels of nesting, found more", hostile.message(yaml.toString()));
    }

    @Test
    void hugeDocumentsAreRefusedBeforeParsing() {
        String yaml = "title: x\ndescription: " + "a".repeat(1_200_000) + "\n";
        assertEquals("s.yaml:1:1: expected a file of at most 1000000 characters, found 1200023 characters", hostile.message(yaml));
        byte[] huge = new byte[5_000_000];
        java.util.Arrays.fill(huge, (byte) '#');
        assertEquals("s.yaml:1:1: expected a scenario file: a file of at most 4000000 bytes, found 5000000 bytes", hostile.message(huge));
    }

    @Test
    void aMillionDigitNumberIsCheap() {
        String yaml = replace("epochs:", "epochs: " + "9".repeat(900_000));
        assertTrue(hostile.message(yaml).startsWith("s.yaml:27:11: train.epochs: expected an integer in [1, 1000000], found '999"));
    }

    @Test
    void longKeysAndManyKeysAreCheap() {
        StringBuilder yaml = new StringBuilder(Hostile.VALID);
        for (int i = 0; i < 5_000; i++) yaml.append("k").append(i).append(": 1\n");
        String m = hostile.message(yaml.toString());
        assertEquals(5_000, m.lines().count(), "one problem a key");
        assertTrue(m.startsWith("s.yaml:35:1: unknown key 'k0' (expected one of the keys id, title"), m.lines().findFirst().orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title: caf\\xE9                    | s.yaml:1:11: expected UTF-8 text, found the byte 0xE9, which is not UTF-8 (save the file as UTF-8)
            title: \\x80                       | s.yaml:1:8: expected UTF-8 text, found the byte 0x80, which is not UTF-8 (save the file as UTF-8)
            title: \\xC0\\xAF                  | s.yaml:1:8: expected UTF-8 text, found the byte 0xC0, which is not UTF-8 (save the file as UTF-8)
            title: \\xED\\xA0\\x80             | s.yaml:1:8: expected UTF-8 text, found the byte 0xED, which is not UTF-8 (save the file as UTF-8)
            title: \\xF4\\x90\\x80\\x80        | s.yaml:1:8: expected UTF-8 text, found the byte 0xF4, which is not UTF-8 (save the file as UTF-8)
            title: \\xE2\\x82                  | s.yaml:1:8: expected UTF-8 text, found the byte 0xE2, which is not UTF-8 (save the file as UTF-8)
            \\xFF\\xFEt\\x00                   | s.yaml:1:1: expected UTF-8 text, found the byte 0xFF, which is not UTF-8 (save the file as UTF-8)
            title: \\x00                       | s.yaml:1:8: expected printable text (YAML allows no control characters), found the character U+0000
            title: a\\x1Bb                   | s.yaml:1:9: expected printable text (YAML allows no control characters), found the character U+001B
            """)
    void bytesThatAreNotUtf8(String line, String expected) {
        byte[] first = unescape(line.strip());
        byte[] rest = replace("title:", "").substring(1).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(first);
        bytes.writeBytes(rest);
        assertEquals(expected, hostile.message(bytes.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seed:         | seed: 0\\nseed: 1                       | s.yaml:3:1: seed: expected each key once, found it again (first at line 2)
            lr:           | lr: 0.1\\n    lr: 0.2                      | s.yaml:21:5: optimizer.sgd.lr: expected each key once, found it again (first at line 20)
            - linear: 16  | - {linear: 16, linear: 8}               | s.yaml:13:18: model[0].linear: expected each key once, found it again (first at line 13)
            title:        | title: x\\nTitle: y                     | s.yaml:2:1: unknown key 'Title' — did you mean 'title'? (expected one of the keys id, title, description, tags, extends, seed, data, model, loss, optimizer, schedule, train, baselines, repeat, variants, sweep, expect, regression, budget)
            """)
    void duplicateKeys(String line, String replacement, String expected) {
        assertEquals(expected, hostile.message(replace(line.strip(), replacement.strip().replace("\\n", "\n"))));
    }

    /** "\xE9" escapes in a test table become single bytes; the rest is UTF-8. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\x", i)) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.writeBytes(String.valueOf(s.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
