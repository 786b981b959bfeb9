package dev.trainspec.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/** Splits one expectation line into words, numbers and symbols, each with its offset in the line. */
final class ExpectationTokens {
    private ExpectationTokens() {}

    enum Kind { WORD, NUMBER, OP, ARITH, OPEN, CLOSE, COMMA, OTHER, END }

    record Token(Kind kind, String text, int start) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        boolean isWord(String w) {
            return is(Kind.WORD, w);
        }

        /** How a token reads in "found ...". */
        String shown() {
            return kind == Kind.END ? "the end of the line" : "'" + text + "'";
        }
    }

    static List<Token> of(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '.' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))) {
                i++;
                while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == '.')) i++;
                out.add(new Token(Kind.WORD, line.substring(start, i), start));
            } else if (digit(c) || c == '.' && i + 1 < line.length() && digit(line.charAt(i + 1))) {
                i = number(line, i);
                out.add(new Token(Kind.NUMBER, line.substring(start, i), start));
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                i++;
                if (i < line.length() && line.charAt(i) == '=') i++;
                String op = line.substring(start, i);
                out.add(new Token(op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("!") ? Kind.OTHER : Kind.OP, op, start));
            } else if (c == '+' || c == '-' || c == '*') {
                i++;
                out.add(new Token(Kind.ARITH, String.valueOf(c), start));
            } else if (c == '(' || c == ')' || c == ',') {
                i++;
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), start));
            } else {
                i++;
                out.add(new Token(Kind.OTHER, String.valueOf(c), start));
            }
        }
        out.add(new Token(Kind.END, "", line.length()));
        return out;
    }

    /** ASCII only: Character.isDigit accepts the Arabic-Indic '٩', which no number parser reads (found by fuzzing). */
    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** digits [. digits] [e [+-] digits]; the end of the longest such prefix. */
    private static int number(String s, int i) {
        while (i < s.length() && digit(s.charAt(i))) i++;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && digit(s.charAt(i))) i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            if (j < s.length() && digit(s.charAt(j))) {
                i = j;
                while (i < s.length() && digit(s.charAt(i))) i++;
            }
        }
        return i;
    }
}
