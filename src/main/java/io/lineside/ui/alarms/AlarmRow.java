package io.lineside.ui.alarms;

import io.lineside.alarms.ActiveAlarm;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the alarm summary, already in the operator's words, keyed by its alarm's id. A new snapshot updates
 * the same row object in place ({@link #update}), so the table's selection, focus and scroll position stay with it
 * however often values change. FX thread only.
 */
public final class AlarmRow {

    private final String id;
    private final ReadOnlyObjectWrapper<ActiveAlarm> alarm = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper priority = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper station = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trip = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper group = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shelve = new ReadOnlyStringWrapper("");
    /** Bumped by every change: the list's extractor, so filtered views of the rows hear about in-place updates. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    /**
     * @param group  flood mode: first-out marker and how many alarms of the station it collapses; else empty
     * @param shelve for a shelved alarm: who shelved it, why and until when; else empty
     */
    public AlarmRow(ActiveAlarm alarm, String priority, String time, String station, String message, String value,
                    String state, String group, String shelve) {
        this.id = alarm.id();
        update(alarm, priority, time, station, message, value, alarm.tripValue(), state, group, shelve);
    }

    /** Sets what changed; returns true if anything did. */
    boolean update(ActiveAlarm a, String priorityText, String timeText, String stationText, String messageText,
                   String valueText, String tripText, String stateText, String groupText, String shelveText) {
        boolean changed = !a.equals(alarm.get());
        alarm.set(a);
        changed |= set(priority, priorityText) | set(time, timeText) | set(station, stationText)
                | set(message, messageText) | set(value, valueText) | set(trip, tripText) | set(state, stateText)
                | set(group, groupText) | set(shelve, shelveText);
        if (changed) {
            revision.set(revision.get() + 1);
        }
        return changed;
    }

    private static boolean set(ReadOnlyStringWrapper p, String text) {
        String v = text == null ? "" : text;
        if (v.equals(p.get())) {
            return false;
        }
        p.set(v);
        return true;
    }

    public String id() {
        return id;
    }

    /** The alarm as of the latest snapshot (for commands and the trend). */
    public ActiveAlarm alarm() {
        return alarm.get();
    }

    public ReadOnlyObjectProperty<ActiveAlarm> alarmProperty() {
        return alarm.getReadOnlyProperty();
    }

    public String priority() {
        return priority.get();
    }

    public ReadOnlyStringProperty priorityProperty() {
        return priority.getReadOnlyProperty();
    }

    public String time() {
        return time.get();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public String station() {
        return station.get();
    }

    public ReadOnlyStringProperty stationProperty() {
        return station.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The current value of the alarm's input. */
    public String value() {
        return value.get();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** The input's value when the condition became active ("" if not known). */
    public String trip() {
        return trip.get();
    }

    public ReadOnlyStringProperty tripProperty() {
        return trip.getReadOnlyProperty();
    }

    /** The state in words, led by a glyph whose shape tells active from returned (never colour alone). */
    public String state() {
        return state.get();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public String group() {
        return group.get();
    }

    public ReadOnlyStringProperty groupProperty() {
        return group.getReadOnlyProperty();
    }

    public String shelve() {
        return shelve.get();
    }

    public ReadOnlyStringProperty shelveProperty() {
        return shelve.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return id + " " + state.get();
    }
}
