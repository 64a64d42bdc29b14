package io.lineside.layout;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed layout file with where it starts, so validation after parsing can still say
 * {@code line:column}. Jackson's own trees forget locations; this one keeps them.
 *
 * @param token  the scalar's token ({@code VALUE_STRING}, {@code VALUE_NUMBER_INT}, ...), or START_OBJECT / START_ARRAY
 * @param text   the scalar's text; empty for containers
 * @param fields a mapping's entries in file order (keys are located by their values); empty otherwise
 * @param items  a list's items; empty otherwise
 */
record Located(JsonToken token, String text, Map<String, Located> fields, Map<String, int[]> keyPositions,
               List<Located> items, int line, int column) {

    boolean isMapping() {
        return token == JsonToken.START_OBJECT;
    }

    boolean isList() {
        return token == JsonToken.START_ARRAY;
    }

    boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isText() {
        return token == JsonToken.VALUE_STRING;
    }

    boolean isNull() {
        return token == JsonToken.VALUE_NULL;
    }

    /** What this node is, for "found ..." in messages; untrusted text is shortened and made printable. */
    String describe() {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            case VALUE_STRING -> "\"" + clip(text) + "\"";
            case VALUE_TRUE, VALUE_FALSE -> text + " (a boolean)";
            default -> clip(text);
        };
    }

    /** Shortens untrusted text and escapes control characters. */
    static String clip(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(60).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 60 ? out + "..." : out.toString();
    }
}
