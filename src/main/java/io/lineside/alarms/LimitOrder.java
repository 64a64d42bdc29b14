package io.lineside.alarms;

import io.lineside.tags.TagPath;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that the limit alarms of one tag are ordered HH > H > L > LL, with at most one alarm per level. */
final class LimitOrder {

    private LimitOrder() {
    }

    static void check(String where, List<AlarmDefinition> definitions) throws AlarmConfigException {
        Map<TagPath, Map<LimitCondition.Level, AlarmDefinition>> byTag = new HashMap<>();
        for (AlarmDefinition d : definitions) {
            if (d.condition() instanceof LimitCondition c) {
                AlarmDefinition other = byTag.computeIfAbsent(d.tag(), t -> new EnumMap<>(LimitCondition.Level.class))
                        .putIfAbsent(c.level(), d);
                if (other != null) {
                    throw new AlarmConfigException(where + ": alarm '" + d.id() + "': key 'level': tag " + d.tag()
                            + " already has a " + c.level() + " alarm ('" + other.id() + "')");
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
                    throw new AlarmConfigException(where + ": alarm '" + d.id() + "': key 'limit': expected below "
                            + level(higher) + " limit " + limit(higher) + " of '" + higher.id() + "' (HH > H > L > LL), found "
                            + limit(d));
                }
                higher = d;
            }
        }
    }

    private static double limit(AlarmDefinition d) {
        return ((LimitCondition) d.condition()).limit();
    }

    private static LimitCondition.Level level(AlarmDefinition d) {
        return ((LimitCondition) d.condition()).level();
    }
}
