package io.lineside.ui.plant;

import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import java.util.EnumMap;
import java.util.Map;

/** Active alarms per priority of one line; the text puts the priority's shape first (never colour alone). */
record AlarmCount(Map<Priority, Integer> byPriority) {

    AlarmCount {
        byPriority = Map.copyOf(byPriority);
    }

    static AlarmCount none() {
        return new AlarmCount(Map.of());
    }

    AlarmCount plus(Priority p) {
        Map<Priority, Integer> next = new EnumMap<>(Priority.class);
        next.putAll(byPriority);
        next.merge(p, 1, Integer::sum);
        return new AlarmCount(next);
    }

    boolean isEmpty() {
        return byPriority.isEmpty();
    }

    /** The highest priority present, or null. */
    Priority highest() {
        for (Priority p : Priority.values()) {
            if (byPriority.containsKey(p)) {
                return p;
            }
        }
        return null;
    }

    String text(Texts texts) {
        StringBuilder b = new StringBuilder();
        for (Priority p : Priority.values()) {
            Integer n = byPriority.get(p);
            if (n != null) {
                if (!b.isEmpty()) {
                    b.append("   ");
                }
                b.append(AlarmSummaryViewModel.symbol(p)).append(' ').append(n).append(' ')
                        .append(texts.get("priority." + p.name()));
            }
        }
        return b.toString();
    }
}
