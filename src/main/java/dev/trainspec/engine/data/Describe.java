package dev.trainspec.engine.data;

/** How a piece of user text is shown in a message: quoted, control characters visible, long text cut. */
final class Describe {
    private Describe() {}

    static String text(String t) {
        String shown = t.length() > 40 ? t.substring(0, 37) + "..." : t;
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('\'').toString();
    }
}
