package io.lineside.alarms;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.tags.TagPath;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that the limit alarms of one tag are ordered HH > H > L > LL, with at most one alarm per level. */
final class LimitOrder {

    private LimitOrder() {
    }

    /** @param nodes each alarm's mapping in the file by id, so a problem names its line */
    static void check(List<AlarmDefinition> definitions, Map<String, ConfigNode> nodes) throws ConfigException {
        Map<TagPath, Map<LimitCondition.Level, AlarmDefinition>> byTag = new HashMap<>();
        for (AlarmDefinition d : definitions) {
            if (d.condition() instanceof LimitCondition c) {
                AlarmDefinition other = byTag.computeIfAbsent(d.tag(), t -> new EnumMap<>(LimitCondition.Level.class))
                        .putIfAbsent(c.level(), d);
                if (other != null) {
                    throw key(nodes, d, "level").problem("tag " + d.tag() + " already has a " + c.level()
                            + " alarm ('" + other.id() + "')");
                }
            }
        }
        for (Map<LimitCondition.Level, AlarmDefinition> levels : byTag.values()) {
            AlarmDefinition higher = null;
            for (LimitCondition.Level level : LimitCondition.Level.values()) { // HH, H, L, LL
                AlarmDefinition d = levels.get(level);
                if (d == null) {
                    continue;
                }
                if (higher != null && limit(higher) <= limit(d)) {
                    throw key(nodes, d, "limit").error("below " + level(higher) + " limit " + limit(higher) + " of '"
                            + higher.id() + "' (HH > H > L > LL)", Double.toString(limit(d)));
                }
                higher = d;
            }
        }
    }

    private static ConfigNode key(Map<String, ConfigNode> nodes, AlarmDefinition d, String key) {
        return nodes.get(d.id()).within("alarm '" + d.id() + "'").get(key);
    }

    private static double limit(AlarmDefinition d) {
        return ((LimitCondition) d.condition()).limit();
    }

    private static LimitCondition.Level level(AlarmDefinition d) {
        return ((LimitCondition) d.condition()).level();
    }
}
