package io.lineside.config;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the app's config writers (layout, alarm definitions, tag mappings) spell a scalar so that {@link ConfigTree}
 * reads back exactly the value written. One spelling for all three, so a file one editor wrote reads the same in
 * another's loader.
 */
public final class YamlScalars {

    private YamlScalars() {
    }

    /** A YAML double-quoted scalar: JSON escaping, which YAML reads the same; control characters as {@code \\uXXXX}. */
    public static String quoted(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /**
     * A finite number as the shortest decimal that reads back as the same double, never in exponent form, without a
     * trailing {@code .0}.
     *
     * @throws NumberFormatException for NaN or an infinity, which a config file cannot hold
     */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
