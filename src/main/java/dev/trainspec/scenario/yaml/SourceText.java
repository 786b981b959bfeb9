package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Workspace;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A scenario file's text: strictly UTF-8 (a byte that is not UTF-8 is an error at its line and
 * column, never a silent replacement character), a leading byte-order mark dropped, and files
 * larger than the YAML reader would accept refused before they are decoded.
 */
final class SourceText {
    private SourceText() {}

    /**
     * The text, or null when it cannot be read (the problem is recorded). The file must pass the
     * workspace's confinement rule: a link out of the workspace, a FIFO or a device is refused
     * before a byte is read, and the refusal says what the path is, not what it holds.
     */
    static String read(Path file, Workspace workspace, Problems problems) {
        try {
            return decode(workspace.read(file, MAX_BYTES), file, problems);
        } catch (Workspace.Refused e) {
            problems.add(new Origin(file, 1, 1), "", "a scenario file: " + e.expected(), e.found(),
                    e.reason() == Workspace.Refused.Reason.GIT_FOLDER ? Problems.GIT_HINT : "");
            return null;
        }
    }

    /** At most 4 bytes a code point: a larger file cannot be within the YAML reader's limit. */
    static final long MAX_BYTES = 4L * YamlReader.MAX_CODE_POINTS;

    /** The text of bytes said to come from {@code file}, or null when they are not UTF-8 (the problem is recorded). */
    static String decode(byte[] bytes, Path file, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Origin(file, 1, 1), "", "a file of at most " + YamlReader.MAX_CODE_POINTS + " characters",
                    bytes.length + " bytes", "");
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            String decoded = out.flip().toString();
            int line = 1 + (int) decoded.chars().filter(c -> c == '\n').count();
            int column = 1 + decoded.length() - (decoded.lastIndexOf('\n') + 1);
            int bad = bytes[in.position()] & 0xff;
            problems.add(new Origin(file, line, column), "", "UTF-8 text",
                    String.format("the byte 0x%02X, which is not UTF-8", bad), "save the file as UTF-8");
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
