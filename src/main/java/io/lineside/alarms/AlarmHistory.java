package io.lineside.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One alarm's recent past from its journal rows, for the alarm detail: its last occurrences (raised, returned,
 * acknowledged by whom), its operators' comments, and how often it was annunciated (EEMUA 191), with the chattering
 * verdict of {@link AlarmKpis} (three annunciations less than a minute apart, first to third) over the same rows.
 * Annunciations are counted as the KPIs count them ({@link AlarmEvent#annunciation()}: activations and re-alarms).
 *
 * @param occurrences      newest first, at most {@link #SHOWN}
 * @param comments         COMMENT rows, newest first, at most {@link #SHOWN_COMMENTS}
 * @param window           how far back the rows reach
 * @param inWindow         annunciations within the window
 * @param lastTenMinutes   annunciations within the last 10 minutes
 * @param chattering       true if {@link AlarmKpis} calls it chattering within the window
 */
public record AlarmHistory(String alarmId, List<Occurrence> occurrences, List<AlarmEvent> comments, Duration window,
                           int inWindow, int lastTenMinutes, boolean chattering) {

    /** How many occurrences the detail shows. */
    public static final int SHOWN = 5;
    public static final int SHOWN_COMMENTS = 3;

    public AlarmHistory {
        occurrences = List.copyOf(occurrences);
        comments = List.copyOf(comments);
    }

    /**
     * One activation of the alarm and what followed it before the next one.
     *
     * @param returned when its condition cleared, or null while still active
     * @param acked    when it was acknowledged (or reset), or null
     * @param ackedBy  who acknowledged it, or "" when nobody did
     */
    public record Occurrence(Instant raised, Instant returned, Instant acked, String ackedBy) {
    }

    /** Chattering as the KPIs define it: this many annunciations within {@link #chatterWindow()}. */
    public static int chatterCount() {
        return AlarmKpis.CHATTER_COUNT;
    }

    public static Duration chatterWindow() {
        return AlarmKpis.CHATTER_WINDOW;
    }

    /**
     * The history of {@code alarmId} from {@code rows} (any alarms' rows, any order) within {@code [now - window,
     * now]}.
     */
    public static AlarmHistory of(String alarmId, List<AlarmEvent> rows, Instant now, Duration window) {
        Instant from = now.minus(window);
        List<AlarmEvent> mine = rows.stream().filter(e -> e.alarmId().equals(alarmId))
                .filter(e -> !e.time().isBefore(from) && !e.time().isAfter(now))
                .sorted(Comparator.comparing(AlarmEvent::time)).toList();
        List<AlarmEvent> shown = mine.stream().filter(AlarmEvent::annunciation).toList();
        Instant tenMinutesAgo = now.minus(AlarmKpis.PERIOD);
        int recent = (int) shown.stream().filter(e -> e.time().isAfter(tenMinutesAgo)).count();
        List<Occurrence> occurrences = new ArrayList<>();
        Instant raised = null;
        Instant returned = null;
        Instant acked = null;
        String by = "";
        List<AlarmEvent> comments = new ArrayList<>();
        for (AlarmEvent e : mine) {
            if (e.trigger() == AlarmTrigger.ACTIVATE && e.annunciation()) {
                if (raised != null) {
                    occurrences.add(new Occurrence(raised, returned, acked, by));
                }
                raised = e.time();
                returned = null;
                acked = null;
                by = "";
            } else if (raised != null && e.trigger() == AlarmTrigger.CLEAR && returned == null) {
                returned = e.time();
            } else if (raised != null && e.trigger() == AlarmTrigger.ACK && acked == null) {
                acked = e.time();
                by = e.user();
            } else if (e.trigger() == AlarmTrigger.COMMENT) {
                comments.add(e);
            }
        }
        if (raised != null) {
            occurrences.add(new Occurrence(raised, returned, acked, by));
        }
        return new AlarmHistory(alarmId, newest(occurrences, SHOWN), newest(comments, SHOWN_COMMENTS), window,
                shown.size(), recent, !AlarmKpis.chattering(shown).isEmpty());
    }

    private static <T> List<T> newest(List<T> oldestFirst, int n) {
        List<T> out = new ArrayList<>(oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size()));
        java.util.Collections.reverse(out);
        return out;
    }
}
