package dev.trainspec.scenario;

/**
 * One mistake in a scenario: where, which key, what was expected and found, and an optional hint
 * ("did you mean ..."). Renders as {@code file:line:column: key.path: expected X, found Y (hint)};
 * without an expected value, as {@code file:line:column: key.path: Y (hint)}, so that a message
 * can lead with what matters ("unknown key 'optimiser' — did you mean 'optimizer'?") and put a
 * long list of the alternatives after it. One printable line ({@link Printable}): every part may
 * hold text from the file.
 */
public record Problem(Origin origin, String keyPath, String expected, String found, String hint) {
    public Problem {
        hint = hint == null ? "" : hint;
    }

    public String message() {
        return message(origin.toString());
    }

    /** The message with its file shown as {@code workspace} shows files (relative to its root): for results that others read. */
    public String messageIn(Workspace workspace) {
        return message(workspace.display(origin.file()) + ":" + origin.line() + ":" + origin.column());
    }

    private String message(String where) {
        StringBuilder sb = new StringBuilder().append(where).append(": ");
        if (!keyPath.isEmpty()) sb.append(keyPath).append(": ");
        if (expected == null) {
            sb.append(found);
        } else {
            sb.append("expected ").append(expected);
            if (found != null && !found.isEmpty()) sb.append(", found ").append(found);
        }
        if (!hint.isEmpty()) sb.append(" (").append(hint).append(")");
        return Printable.line(sb.toString());
    }

    @Override
    public String toString() {
        return message();
    }
}
