package io.lineside.shifts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The downtime reasons operators choose from: categories (Mechanical, Material, Planned …), each with its reasons
 * (Jam, Drive fault …). A reason is stored by its code, unique across the tree, so the machine's own {@code reason}
 * signal ("jam", "changeover") and an operator's choice land on the same Pareto bar. Labels per language tag
 * ({@code en}, {@code zh-CN}); {@code en} is the fallback. Immutable; configured in {@code station.downtimeReasons}.
 */
public record ReasonTree(List<Category> categories) {

    /** A reason: its stored code and its labels by language tag. */
    public record Reason(String code, Map<String, String> labels) {
        public Reason {
            labels = Map.copyOf(labels);
        }
    }

    /** A category of reasons. */
    public record Category(String code, Map<String, String> labels, List<Reason> reasons) {
        public Category {
            labels = Map.copyOf(labels);
            reasons = List.copyOf(reasons);
        }
    }

    /** The separator of a category and a reason in a label: "Mechanical › Jam". */
    public static final String SEPARATOR = " \u203A ";

    /** The tree a station gets without {@code station.downtimeReasons}; its codes include the simulator's reasons. */
    public static final ReasonTree DEFAULT = new ReasonTree(List.of(
            category("mechanical", "Mechanical", "机械",
                    reason("jam", "Jam", "卡料"),
                    reason("drive-fault", "Drive fault", "驱动故障"),
                    reason("tool", "Tool wear or breakage", "刀具磨损或损坏")),
            category("electrical", "Electrical", "电气",
                    reason("electrical", "Electrical fault", "电气故障"),
                    reason("sensor", "Sensor fault", "传感器故障")),
            category("material", "Material", "物料",
                    reason("material", "Material shortage", "缺料"),
                    reason("starved-supplier", "Starved by supplier", "供应商断料")),
            category("quality", "Quality", "质量",
                    reason("quality-hold", "Quality hold", "质量停线")),
            category("planned", "Planned", "计划停机",
                    reason("changeover", "Changeover", "换型"),
                    reason("break", "Break", "休息"),
                    reason("maintenance", "Planned maintenance", "计划维护"))));

    /** @throws IllegalArgumentException if a reason or category code is used twice, or a category has no reasons */
    public ReasonTree {
        categories = List.copyOf(categories);
        Set<String> seen = new HashSet<>();
        Set<String> seenCategories = new HashSet<>();
        for (Category c : categories) {
            if (c.reasons().isEmpty()) {
                throw new IllegalArgumentException("category '" + c.code() + "' has no reasons");
            }
            if (!seenCategories.add(c.code())) {
                throw new IllegalArgumentException("category code '" + c.code() + "' is used twice");
            }
            for (Reason r : c.reasons()) {
                if (!seen.add(r.code())) {
                    throw new IllegalArgumentException("code '" + r.code() + "' is used twice");
                }
            }
        }
    }

    /** True if {@code code} is one of the tree's reasons (not a category). */
    public boolean contains(String code) {
        return find(code).isPresent();
    }

    /** Every reason code, in tree order. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        categories.forEach(c -> c.reasons().forEach(r -> out.add(r.code())));
        return out;
    }

    /** "Mechanical › Jam" in {@code locale} (else English, else the code), or empty if {@code code} is not in the tree. */
    public Optional<String> label(String code, Locale locale) {
        for (Category c : categories) {
            for (Reason r : c.reasons()) {
                if (r.code().equals(code)) {
                    return Optional.of(pick(c.labels(), c.code(), locale) + SEPARATOR + pick(r.labels(), r.code(), locale));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Reason> find(String code) {
        return categories.stream().flatMap(c -> c.reasons().stream()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** The label for the locale's full tag, then its language, then English, then the code. */
    static String pick(Map<String, String> labels, String code, Locale locale) {
        Locale l = locale == null ? Locale.ROOT : locale;
        for (String tag : List.of(l.toLanguageTag(), l.getLanguage(), "en")) {
            String v = labels.get(tag);
            if (v != null) {
                return v;
            }
        }
        if (l.getLanguage().equals("zh")) { // "zh-Hans-CN" and the like
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (e.getKey().startsWith("zh")) {
                    return e.getValue();
                }
            }
        }
        return code;
    }

    private static Category category(String code, String en, String zh, Reason... reasons) {
        return new Category(code, labels(en, zh), List.of(reasons));
    }

    private static Reason reason(String code, String en, String zh) {
        return new Reason(code, labels(en, zh));
    }

    private static Map<String, String> labels(String en, String zh) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", en);
        m.put("zh-CN", zh);
        return m;
    }
}
