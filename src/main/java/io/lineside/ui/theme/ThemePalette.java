package io.lineside.ui.theme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The looked-up colour variables of a stylesheet's {@code .root} block ({@code -ls-text: #1e1e1e;}), as the
 * contrast check reads them. A variant stylesheet is {@link #overriddenBy overlaid} on its base, as JavaFX does
 * when both are loaded. Only {@code #rgb} and {@code #rrggbb} colours can be checked; asking for another kind of
 * value (an {@code rgba(...)}, a gradient) is an error naming the file, line and variable. Immutable.
 */
public final class ThemePalette {

    private static final Pattern ROOT = Pattern.compile("(?m)^\\.root\\s*\\{");
    private static final Pattern VARIABLE = Pattern.compile("^\\s*(-[a-zA-Z][\\w-]*)\\s*:\\s*([^;]+);");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private record Value(String source, int line, String text) {
    }

    private final Map<String, Value> values;

    private ThemePalette(Map<String, Value> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Reads the variables of the first {@code .root { ... }} block.
     *
     * @param source the file name, for error messages
     * @throws IllegalArgumentException if there is no {@code .root} block
     */
    public static ThemePalette parse(String source, String css) {
        Matcher root = ROOT.matcher(css);
        if (!root.find()) {
            throw new IllegalArgumentException(source + ": no .root { ... } block with the theme's colour variables");
        }
        Map<String, Value> values = new LinkedHashMap<>();
        int line = (int) css.substring(0, root.end()).lines().count();
        String[] rest = css.substring(root.end()).split("\n", -1);
        for (int i = 0; i < rest.length && !rest[i].contains("}"); i++) {
            Matcher m = VARIABLE.matcher(rest[i]);
            if (m.find()) {
                values.put(m.group(1), new Value(source, line + i, m.group(2).trim()));
            }
        }
        return new ThemePalette(values);
    }

    /** This palette with {@code variant}'s variables replacing its own (a variant loaded after its base). */
    public ThemePalette overriddenBy(ThemePalette variant) {
        Map<String, Value> merged = new LinkedHashMap<>(values);
        merged.putAll(variant.values);
        return new ThemePalette(merged);
    }

    /**
     * The colour of {@code variable} as {@code 0xRRGGBB}.
     *
     * @throws IllegalArgumentException if it is missing or not a {@code #rgb}/{@code #rrggbb} colour
     */
    public int color(String variable) {
        Value v = Optional.ofNullable(values.get(variable)).orElseThrow(() -> new IllegalArgumentException(
                "no colour variable " + variable + " in .root"));
        if (!HEX.matcher(v.text()).matches()) {
            throw new IllegalArgumentException(v.source() + ":" + v.line() + ": " + variable + " is " + v.text()
                    + ", expected a colour #rrggbb (the contrast check reads only those)");
        }
        String hex = v.text().substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return Integer.parseInt(hex, 16);
    }

    /** Where {@code variable} is set, e.g. {@code lineside-dark.css:14}, for failure messages. */
    public String where(String variable) {
        Value v = values.get(variable);
        return v == null ? "(unset)" : v.source() + ":" + v.line();
    }
}
