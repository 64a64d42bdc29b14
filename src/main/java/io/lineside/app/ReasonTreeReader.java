package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineside.shifts.ReasonTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code station.downtimeReasons}: a list of categories, each {@code {code, label, reasons}}, each reason
 * {@code {code, label}}; a label is a text or a mapping of language tag to text with at least {@code en}:
 *
 * <pre>
 * downtimeReasons:
 *   - code: mechanical
 *     label: {en: Mechanical, zh-CN: 机械}
 *     reasons:
 *       - {code: jam, label: {en: Jam, zh-CN: 卡料}}
 * </pre>
 *
 * Reason codes are stored with each classified stop, so they are unique across the whole tree (a category may share
 * its code with one of its reasons, as "electrical"). The first problem is one
 * {@link ConfigException} naming the file and the key.
 */
final class ReasonTreeReader {

    private static final Set<String> CATEGORY_KEYS = Set.of("code", "label", "reasons");
    private static final Set<String> REASON_KEYS = Set.of("code", "label");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final int MAX_LABEL = 80;

    private ReasonTreeReader() {
    }

    static ReasonTree read(Path file, JsonNode node) throws ConfigException {
        String key = "station.downtimeReasons";
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw error(file, key, "a list of categories {code, label, reasons}", describe(node));
        }
        Set<String> codes = new HashSet<>();
        Set<String> categoryCodes = new HashSet<>();
        List<ReasonTree.Category> categories = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = key + "[" + i + "]";
            JsonNode c = node.get(i);
            keys(file, at, c, CATEGORY_KEYS);
            String code = code(file, at, c, categoryCodes);
            JsonNode list = c.get("reasons");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw error(file, at + ".reasons", "a list of reasons {code, label}", describe(list));
            }
            List<ReasonTree.Reason> reasons = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                String rat = at + ".reasons[" + j + "]";
                keys(file, rat, list.get(j), REASON_KEYS);
                reasons.add(new ReasonTree.Reason(code(file, rat, list.get(j), codes), label(file, rat, list.get(j))));
            }
            categories.add(new ReasonTree.Category(code, label(file, at, c), reasons));
        }
        return new ReasonTree(categories);
    }

    private static void keys(Path file, String at, JsonNode node, Set<String> allowed) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw error(file, at, "a mapping of " + String.join(", ", allowed.stream().sorted().toList()), describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ConfigException("config " + file + ": unknown key '" + at + "." + k + "'; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String code(Path file, String at, JsonNode node, Set<String> seen) throws ConfigException {
        JsonNode v = node.get("code");
        if (v == null || !v.isTextual() || !CODE.matcher(v.asText()).matches()) {
            throw error(file, at + ".code", "1-64 of A-Z a-z 0-9 _ -", describe(v));
        }
        if (!seen.add(v.asText())) {
            throw error(file, at + ".code", "a code not used before in the tree", "\"" + v.asText() + "\" again");
        }
        return v.asText();
    }

    private static Map<String, String> label(Path file, String at, JsonNode node) throws ConfigException {
        JsonNode v = node.get("label");
        Map<String, String> labels = new LinkedHashMap<>();
        if (v != null && v.isTextual()) {
            labels.put("en", text(file, at + ".label", v));
            return labels;
        }
        if (v == null || !v.isObject() || !v.has("en")) {
            throw error(file, at + ".label", "a text, or a mapping of language tag to text with at least en",
                    describe(v));
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String tag = it.next();
            if (!LANGUAGE.matcher(tag).matches()) {
                throw error(file, at + ".label." + tag, "a language tag such as en or zh-CN", "\"" + tag + "\"");
            }
            labels.put(tag, text(file, at + ".label." + tag, v.get(tag)));
        }
        return labels;
    }

    private static String text(Path file, String at, JsonNode v) throws ConfigException {
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_LABEL
                || v.asText().chars().anyMatch(Character::isISOControl)) {
            throw error(file, at, "a text of 1-" + MAX_LABEL + " characters on one line", describe(v));
        }
        return v.asText().strip();
    }

    private static ConfigException error(Path file, String key, String expected, String found) {
        return new ConfigException("config " + file + ": key '" + key + "': expected " + expected + ", found " + found);
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.isTextual() ? "\"" + node.asText() + "\""
                : node.getNodeType().toString().toLowerCase();
    }
}
