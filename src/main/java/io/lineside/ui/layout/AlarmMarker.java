package io.lineside.ui.layout;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import java.util.Comparator;
import java.util.List;

/**
 * The alarm marker of one plan symbol: its worst annunciated alarm's priority (a shape, a colour and a number, so
 * colour is never the only cue, ISA-101) and state (drawn by fill), how many alarms it stands for, and their names
 * for the tooltip. A value: equal markers draw the same, so a node redraws only when its marker is not equal to the
 * one shown. Shelved, suppressed and out-of-service alarms are never in the snapshot, so they never show here.
 *
 * @param worstId the worst alarm's id (what a click on the marker is about)
 * @param lines   one line per alarm, worst first: shape, priority, id, message, state
 */
public record AlarmMarker(Priority priority, Fill fill, int count, String worstId, List<String> lines) {

    /** How many alarms the tooltip names before "and N more". */
    static final int TOOLTIP_LINES = 8;

    /** How the marker's shape is filled: the alarm's state. */
    public enum Fill {
        /** Active, unacknowledged: filled and blinking at the banner's cadence. */
        BLINKING,
        /** Active, acknowledged: filled, steady. */
        STEADY,
        /** Returned (or latched) but not yet acknowledged or reset: outline only. */
        OUTLINE
    }

    /** Worst first: priority, then the state's urgency (unacknowledged, active, returned), then newest. */
    static final Comparator<ActiveAlarm> WORST = Comparator.comparing(ActiveAlarm::priority)
            .thenComparing(a -> rank(a.state()))
            .thenComparing(ActiveAlarm::since, Comparator.reverseOrder())
            .thenComparing(ActiveAlarm::id);

    public AlarmMarker {
        lines = List.copyOf(lines);
    }

    /** The marker of {@code alarms} (any order), or null when none is annunciated. */
    static AlarmMarker of(List<ActiveAlarm> alarms, Texts texts) {
        List<ActiveAlarm> shown = alarms.stream().filter(a -> a.state().annunciated()).sorted(WORST).toList();
        if (shown.isEmpty()) {
            return null;
        }
        ActiveAlarm worst = shown.getFirst();
        List<String> lines = new java.util.ArrayList<>();
        for (ActiveAlarm a : shown.subList(0, Math.min(TOOLTIP_LINES, shown.size()))) {
            lines.add(AlarmSummaryViewModel.symbol(a.priority()) + " " + number(a.priority()) + " "
                    + texts.get("priority." + a.priority().name()) + " \u00B7 " + a.id() + " \u00B7 "
                    + a.definition().message(texts.language()) + " \u00B7 "
                    + AlarmSummaryViewModel.stateGlyph(a.state()) + " " + texts.get("alarmState." + a.state().name()));
        }
        if (shown.size() > TOOLTIP_LINES) {
            lines.add(texts.get("layout.alarms.more", shown.size() - TOOLTIP_LINES));
        }
        return new AlarmMarker(worst.priority(), fill(worst.state()), shown.size(), worst.id(), lines);
    }

    /** The priority's number drawn in the shape: 1 for Critical to 4 for Low (5 for Diagnostic). */
    public static String number(Priority p) {
        return Integer.toString(p.ordinal() + 1);
    }

    /** This marker's priority number. */
    public String number() {
        return number(priority);
    }

    /** The tooltip: the alarms it stands for, one a line. */
    public String tooltip() {
        return String.join("\n", lines);
    }

    static Fill fill(AlarmState s) {
        return switch (s) {
            case UNACK -> Fill.BLINKING;
            case ACKED -> Fill.STEADY;
            default -> Fill.OUTLINE; // RTN_UNACK, LATCHED: the condition is gone, the acknowledgement is not
        };
    }

    private static int rank(AlarmState s) {
        return switch (s) {
            case UNACK -> 0;
            case ACKED -> 1;
            default -> 2;
        };
    }
}
