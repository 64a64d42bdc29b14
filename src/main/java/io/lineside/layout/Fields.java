package io.lineside.layout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One mapping of a layout file with its place ({@code areas[0].lines[1]}) and strict, typed readers: nothing is
 * coerced, and a wrong value is an error naming the file, line:column, the place, the key, what was expected and
 * what was found.
 */
record Fields(String source, String where, Located node) {

    /** What a Java class name looks like ({@code java.lang.Runtime}, {@code javafx.scene.control.Label}). */
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_$][A-Za-z0-9_$]*\\.)+[A-Za-z_$][A-Za-z0-9_$]*");

    static Fields of(String source, String where, Located node) throws LayoutException {
        if (!node.isMapping()) {
            throw new LayoutException(source, node.line(), node.column(),
                    where + ": expected a mapping, found " + node.describe());
        }
        return new Fields(source, where, node);
    }

    LayoutException error(Located at, String problem) {
        return new LayoutException(source, at.line(), at.column(), where + ": " + problem);
    }

    LayoutException error(String key, String expected, Located found) {
        return error(found, "key '" + key + "': expected " + expected + ", found " + found.describe());
    }

    LayoutException missing(String key, String expected) {
        return error(node, "key '" + key + "' is missing: expected " + expected);
    }

    /** Refuses keys outside {@code allowed}; keys that look like classes or FXML get a message saying so. */
    void onlyKeys(Set<String> allowed) throws LayoutException {
        for (Map.Entry<String, int[]> key : node.keyPositions().entrySet()) {
            String name = key.getKey();
            if (allowed.contains(name)) {
                continue;
            }
            int[] at = key.getValue();
            String why = looksLikeCode(name)
                    ? "key '" + Located.clip(name) + "' looks like a Java class or FXML; layouts are data: "
                    : "unknown key '" + Located.clip(name) + "'; ";
            throw new LayoutException(source, at[0], at[1], where + ": " + why + "expected one of "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    /** True for names that only make sense to a class loader or FXMLLoader. */
    static boolean looksLikeCode(String text) {
        String t = text.strip();
        return t.equals("class") || t.equals("@class") || t.startsWith("fx:") || t.startsWith("<")
                || t.contains("fx:") || CLASS_NAME.matcher(t).matches();
    }

    Optional<Located> get(String key) {
        Located child = node.fields().get(key);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
    }

    Optional<String> text(String key, int maxLength) throws LayoutException {
        Optional<Located> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        Located v = child.get();
        if (!v.isText() || v.text().isBlank() || v.text().length() > maxLength) {
            throw error(key, "a non-empty string of at most " + maxLength + " characters", v);
        }
        return Optional.of(v.text().strip());
    }

    /** A required name matching {@code pattern}. */
    String id(String key, Pattern pattern, String expected) throws LayoutException {
        Located v = get(key).orElseThrow(() -> missing(key, expected));
        if (!v.isText() || !pattern.matcher(v.text()).matches()) {
            throw error(key, expected, v);
        }
        return v.text();
    }

    Optional<Double> number(String key, double min, double max) throws LayoutException {
        Optional<Located> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(number(key, child.get(), min, max));
    }

    double number(String key, Located v, double min, double max) throws LayoutException {
        double d = v.isNumber() ? Double.parseDouble(v.text()) : Double.NaN;
        if (!v.isNumber() || !Double.isFinite(d) || d < min || d > max) {
            throw error(key, "a number from " + fmt(min) + " to " + fmt(max), v);
        }
        return d;
    }

    /** A pair {@code [a, b]} of numbers within min..max (positions, sizes). */
    double[] pair(String key, String what, double min, double max) throws LayoutException {
        Located v = get(key).orElseThrow(() -> missing(key, what));
        if (!v.isList() || v.items().size() != 2) {
            throw error(key, what, v);
        }
        List<Located> items = v.items();
        return new double[] {number(key, items.get(0), min, max), number(key, items.get(1), min, max)};
    }

    Optional<Fields> object(String key) throws LayoutException {
        Optional<Located> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        if (!child.get().isMapping()) {
            throw error(key, "a mapping", child.get());
        }
        return Optional.of(new Fields(source, where.isEmpty() ? key : where + "." + key, child.get()));
    }

    /** A list of at most {@code max} items (empty when absent and not required). */
    List<Located> list(String key, boolean required, int max, String what) throws LayoutException {
        Optional<Located> child = get(key);
        if (child.isEmpty()) {
            if (required) {
                throw missing(key, "a list of " + what);
            }
            return List.of();
        }
        Located v = child.get();
        if (!v.isList() || (required && v.items().isEmpty())) {
            throw error(key, "a non-empty list of " + what, v);
        }
        if (v.items().size() > max) {
            throw error(v, "key '" + key + "': at most " + max + " " + what + " allowed, found " + v.items().size());
        }
        return v.items();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
