package io.lineside.ui.alarms;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmHistory;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An alarm's history in the operator's words, for the alarm detail: how often it was annunciated (and whether it
 * chatters), its last occurrences, its comments. Toolkit-free; safe from any thread.
 */
final class AlarmHistoryText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AlarmHistoryText() {
    }

    static String of(AlarmHistory h, Texts texts, ZoneId zone) {
        StringBuilder b = new StringBuilder(texts.get("summary.history", h.window().toHours(), h.inWindow(),
                h.lastTenMinutes()));
        if (h.chattering()) {
            b.append(" \u00B7 ").append(texts.get("summary.chattering", AlarmHistory.chatterCount(),
                    AlarmHistory.chatterWindow().toSeconds()));
        }
        if (!h.occurrences().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (AlarmHistory.Occurrence o : h.occurrences()) {
                parts.add(texts.get("summary.occurrence", time(o.raised(), zone),
                        o.returned() == null ? texts.get("summary.notReturned")
                                : texts.get("summary.returnedAt", time(o.returned(), zone)),
                        o.acked() == null ? texts.get("summary.notAcked")
                                : texts.get("summary.ackedBy", time(o.acked(), zone), o.ackedBy())));
            }
            b.append('\n').append(texts.get("summary.occurrences", String.join("  |  ", parts)));
        }
        for (AlarmEvent c : h.comments()) {
            b.append('\n').append(texts.get("summary.commentLine", time(c.time(), zone), c.user(), c.note()));
        }
        return b.toString();
    }

    private static String time(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }
}
