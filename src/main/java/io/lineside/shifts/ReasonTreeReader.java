package io.lineside.shifts;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import java.util.ArrayList;
import java.util.HashSet;
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
 * {@link ConfigException} naming the file, the line and the key.
 */
public final class ReasonTreeReader {

    private static final Set<String> CATEGORY_KEYS = Set.of("code", "label", "reasons");
    private static final Set<String> REASON_KEYS = Set.of("code", "label");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    public static final int MAX_LABEL = 80;

    private ReasonTreeReader() {
    }

    public static ReasonTree read(ConfigNode node) throws ConfigException {
        if (!node.isList() || node.items().isEmpty()) {
            throw node.error("a list of categories {code, label, reasons}");
        }
        Set<String> codes = new HashSet<>();
        Set<String> categoryCodes = new HashSet<>();
        List<ReasonTree.Category> categories = new ArrayList<>();
        for (ConfigNode c : node.items()) {
            c.mapping(CATEGORY_KEYS);
            String code = code(c.get("code"), categoryCodes);
            ConfigNode list = c.get("reasons");
            if (!list.isList() || list.items().isEmpty()) {
                throw list.error("a list of reasons {code, label}");
            }
            List<ReasonTree.Reason> reasons = new ArrayList<>();
            for (ConfigNode r : list.items()) {
                r.mapping(REASON_KEYS);
                reasons.add(new ReasonTree.Reason(code(r.get("code"), codes), label(r.get("label"))));
            }
            categories.add(new ReasonTree.Category(code, label(c.get("label")), reasons));
        }
        return new ReasonTree(categories);
    }

    private static String code(ConfigNode v, Set<String> seen) throws ConfigException {
        if (!v.isText() || !CODE.matcher(v.text()).matches()) {
            throw v.error("1-64 of A-Z a-z 0-9 _ -");
        }
        if (!seen.add(v.text())) {
            throw v.error("a code not used before in the tree", "\"" + v.text() + "\" again");
        }
        return v.text();
    }

    private static Map<String, String> label(ConfigNode v) throws ConfigException {
        Map<String, String> labels = new LinkedHashMap<>();
        if (v.isText()) {
            labels.put("en", text(v));
            return labels;
        }
        if (!v.isMapping() || !v.has("en")) {
            throw v.error("a text, or a mapping of language tag to text with at least en");
        }
        for (Map.Entry<String, ConfigNode> e : v.fields().entrySet()) {
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                throw e.getValue().error("a language tag such as en or zh-CN", "\"" + e.getKey() + "\"");
            }
            labels.put(e.getKey(), text(e.getValue()));
        }
        return labels;
    }

    private static String text(ConfigNode v) throws ConfigException {
        if (!v.isText() || v.text().isBlank() || v.text().length() > MAX_LABEL
                || v.text().chars().anyMatch(Character::isISOControl)) {
            throw v.error("a text of 1-" + MAX_LABEL + " characters on one line");
        }
        return v.text().strip();
    }
}
