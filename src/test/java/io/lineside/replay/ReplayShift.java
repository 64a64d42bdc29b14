package io.lineside.replay;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-written shift for replay tests, recorded through the real writer into a real H2 file (hours folded into
 * packed blocks): temperature every 10 s with a seq gap and a watchdog STALE mark, a BAD pressure message, a station
 * fault, a station first reporting mid-window, a lost broker link, and two alarms (one shelved, one raised, acked
 * by alice and cleared).
 */
public final class ReplayShift {

    public static final TagPath TEMP = TagPath.parse("plant1/press/line1/st10/temperature");
    public static final TagPath PRESSURE = TagPath.parse("plant1/press/line1/st10/pressure");
    public static final TagPath STATE = TagPath.parse("plant1/press/line1/st10/state");
    public static final TagPath LATE_TAG = TagPath.parse("plant1/press/line1/st20/temperature");
    public static final Instant SIX = Instant.parse("2025-03-01T06:00:00Z");
    public static final Duration RECV = Duration.ofMillis(5);

    public static Instant at(String hhmmss) {
        return Instant.parse("2025-03-01T" + hhmmss + "Z");
    }

    private ReplayShift() {
    }

    /** Records the shift into {@code db}. */
    public static void record(HistoryDatabase db) throws Exception {
        try (var writer = new io.lineside.history.HistoryWriter(db)) {
            long seq = 0;
            // temperature every 10 s from 05:50 to 07:30 (value = seconds since 05:50 / 10), except a seq jump
            // 06:30 .. 06:35 (a gap row) and a watchdog STALE mark at 07:00:05
            for (Instant t = at("05:50:00"); !t.isAfter(at("07:30:00")); t = t.plusSeconds(10)) {
                seq++;
                if (t.isAfter(at("06:30:00")) && t.isBefore(at("06:35:00"))) {
                    continue;
                }
                if (t.isAfter(at("07:00:00")) && t.isBefore(at("07:01:00"))) {
                    continue;
                }
                writer.accept(good(TEMP, t, Duration.between(at("05:50:00"), t).toSeconds() / 10.0, seq));
            }
            writer.putGap(new TagGap(TEMP, at("06:30:00"), at("06:35:00"), 29, 0));
            writer.accept(new TagUpdate(TEMP, new TagValue(420.0, at("07:00:05"), at("07:00:05"), Quality.STALE, 0)));
            // pressure: good, a BAD message at 06:20, good again at 06:25
            writer.accept(good(PRESSURE, at("05:55:00"), 3.5, 1));
            writer.accept(new TagUpdate(PRESSURE, new TagValue(null, at("06:20:00"), at("06:20:00").plus(RECV),
                    Quality.BAD, 2)));
            writer.accept(good(PRESSURE, at("06:25:00"), 3.75, 3));
            // station state: RUNNING, FAULT at 06:40, RUNNING again at 06:50
            writer.accept(text(STATE, at("05:55:00"), "RUNNING", 1));
            writer.accept(text(STATE, at("06:40:00"), "FAULT", 2));
            writer.accept(text(STATE, at("06:50:00"), "RUNNING", 3));
            // a station that first reports at 06:45
            writer.accept(good(LATE_TAG, at("06:45:00"), 21.5, 1));
            // the broker lost our session 07:10 .. 07:12
            writer.putGap(new TagGap(null, at("07:10:00"), at("07:12:00"), -1));
            assertTrue(writer.awaitFolded(Duration.ofSeconds(30)), "folded");
        }
        try (AlarmJournalStore journal = new AlarmJournalStore(db)) {
            journal.append(event("05:58:00", "ST10-TEMP-HI", AlarmTrigger.ACTIVATE, AlarmState.NORMAL,
                    AlarmState.UNACK, "system", ""));
            journal.append(event("06:10:00", "ST10-TEMP-HI", AlarmTrigger.SHELVE, AlarmState.UNACK,
                    AlarmState.SHELVED, "bob", "Maintenance (until 2025-03-01T07:10:00Z)"));
            journal.append(event("07:10:00", "ST10-TEMP-HI", AlarmTrigger.UNSHELVE, AlarmState.SHELVED,
                    AlarmState.NORMAL, "system", ""));
            journal.append(event("06:40:00", "ST10-FAULT", AlarmTrigger.ACTIVATE, AlarmState.NORMAL,
                    AlarmState.UNACK, "system", ""));
            journal.append(event("06:42:00", "ST10-FAULT", AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED,
                    "alice", "seen"));
            journal.append(event("06:50:00", "ST10-FAULT", AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL,
                    "system", ""));
        }
    }

    private static TagUpdate good(TagPath p, Instant t, double v, long seq) {
        return new TagUpdate(p, TagValue.good(v, t, t.plus(RECV), seq));
    }

    private static TagUpdate text(TagPath p, Instant t, String v, long seq) {
        return new TagUpdate(p, new TagValue(v, t, t.plus(RECV), Quality.GOOD, seq));
    }

    private static AlarmEvent event(String hhmmss, String id, AlarmTrigger trigger, AlarmState from, AlarmState to,
                                    String user, String note) {
        return new AlarmEvent(at(hhmmss), id, trigger, from, to, Priority.HIGH, "press", "plant1/press/line1/st10",
                STATE.toString(), "", user, note, id + " message");
    }
}
