package io.lineside.layout;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One mapping of a layout file ({@link ConfigNode}, from the one config reader) with its place
 * ({@code areas[0].lines[1] (line 'l1')}) and the layout's own typed readers: nothing is coerced, and a wrong value is
 * a {@link ConfigException} naming the file, the line, the place, the key, what was expected and what was found.
 */
record Fields(String source, String where, ConfigNode node) {

    /** What every layout message starts with. */
    static final String KIND = "layout";

    /** What a Java class name looks like ({@code java.lang.Runtime}, {@code javafx.scene.control.Label}). */
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_$][A-Za-z0-9_$]*\\.)+[A-Za-z_$][A-Za-z0-9_$]*");

    static Fields of(String source, String where, ConfigNode node) throws ConfigException {
        if (!node.isMapping()) {
            throw at(source, node, where + ": expected a mapping, found " + node.describe());
        }
        return new Fields(source, where, node);
    }

    /** A problem at {@code node}'s line; {@code problem} says where in the layout. */
    static ConfigException at(String source, ConfigNode node, String problem) {
        return new ConfigException(KIND, source, node.line(), "", "", node.key(), problem);
    }

    ConfigException error(ConfigNode at, String problem) {
        return at(source, at, where + ": " + problem);
    }

    ConfigException error(String key, String expected, ConfigNode found) {
        return error(found, "key '" + key + "': expected " + expected + ", found " + found.describe());
    }

    ConfigException missing(String key, String expected) {
        return error(node, "key '" + key + "' is missing: expected " + expected);
    }

    /** Refuses keys outside {@code allowed}; keys that look like classes or FXML get a message saying so. */
    void onlyKeys(Set<String> allowed) throws ConfigException {
        for (Map.Entry<String, ConfigNode> key : node.fields().entrySet()) {
            String name = key.getKey();
            if (allowed.contains(name)) {
                continue;
            }
            String why = looksLikeCode(name)
                    ? "key '" + ConfigNode.clip(name) + "' looks like a Java class or FXML; layouts are data: "
                    : "unknown key '" + ConfigNode.clip(name) + "'; ";
            throw error(key.getValue(), why + "expected one of " + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    /** True for names that only make sense to a class loader or FXMLLoader. */
    static boolean looksLikeCode(String text) {
        String t = text.strip();
        return t.equals("class") || t.equals("@class") || t.startsWith("fx:") || t.startsWith("<")
                || t.contains("fx:") || CLASS_NAME.matcher(t).matches();
    }

    Optional<ConfigNode> get(String key) {
        ConfigNode child = node.get(key);
        return child.isEmpty() ? Optional.empty() : Optional.of(child);
    }

    Optional<String> text(String key, int maxLength) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode v = child.get();
        if (!v.isText() || v.text().isBlank() || v.text().length() > maxLength) {
            throw error(key, "a non-empty string of at most " + maxLength + " characters", v);
        }
        return Optional.of(v.text().strip());
    }

    /** A required name matching {@code pattern}. */
    String id(String key, Pattern pattern, String expected) throws ConfigException {
        ConfigNode v = get(key).orElseThrow(() -> missing(key, expected));
        if (!v.isText() || !pattern.matcher(v.text()).matches()) {
            throw error(key, expected, v);
        }
        return v.text();
    }

    Optional<Double> number(String key, double min, double max) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(number(key, child.get(), min, max));
    }

    double number(String key, ConfigNode v, double min, double max) throws ConfigException {
        double d = v.doubleValue();
        if (!v.isNumber() || !Double.isFinite(d) || d < min || d > max) {
            throw error(key, "a number from " + fmt(min) + " to " + fmt(max), v);
        }
        return d;
    }

    /** A pair {@code [a, b]} of numbers within min..max (positions, sizes). */
    double[] pair(String key, String what, double min, double max) throws ConfigException {
        ConfigNode v = get(key).orElseThrow(() -> missing(key, what));
        if (!v.isList() || v.items().size() != 2) {
            throw error(key, what, v);
        }
        List<ConfigNode> items = v.items();
        return new double[] {number(key, items.get(0), min, max), number(key, items.get(1), min, max)};
    }

    Optional<Fields> object(String key) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        if (!child.get().isMapping()) {
            throw error(key, "a mapping", child.get());
        }
        return Optional.of(new Fields(source, where.isEmpty() ? key : where + "." + key, child.get()));
    }

    /** A list of at most {@code max} items (empty when absent and not required). */
    List<ConfigNode> list(String key, boolean required, int max, String what) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        if (child.isEmpty()) {
            if (required) {
                throw missing(key, "a list of " + what);
            }
            return List.of();
        }
        ConfigNode v = child.get();
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
