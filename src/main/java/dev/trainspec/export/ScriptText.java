package dev.trainspec.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** A Python script being written: its import lines (each once, in first-use order) and its body. */
final class ScriptText {
    private final Set<String> imports = new LinkedHashSet<>();
    private final StringBuilder body = new StringBuilder();

    void imports(String... lines) {
        for (String l : lines) imports.add(l);
    }

    ScriptText line(String text) {
        body.append(text).append('\n');
        return this;
    }

    ScriptText blank() {
        body.append('\n');
        return this;
    }

    /** The two blank lines PEP 8 puts before a top-level definition. */
    ScriptText def(String signature) {
        return blank().blank().line(signature);
    }

    /** A Python file shipped beside this class (a helper function, the training loop), followed by a blank line. */
    ScriptText resource(String name) {
        try (InputStream in = ScriptText.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            body.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(String header) {
        StringBuilder out = new StringBuilder(header).append('\n');
        for (String i : imports) out.append(i).append('\n');
        return out.append('\n').append(body).toString();
    }
}
