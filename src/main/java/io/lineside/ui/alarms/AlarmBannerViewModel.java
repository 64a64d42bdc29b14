package io.lineside.ui.alarms;

import io.lineside.ui.Lifecycle;
import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The always-visible alarm strip: the newest highest-priority alarm needing acknowledgement, counts per priority,
 * the flood and uncertain indicators, and annunciation (horn plus a flash) for new unacknowledged alarms until
 * silenced.
 *
 * <p>FX thread only; {@link #pulse} pulls the engine's latest {@link AlarmSnapshot} and does work only when it
 * changed (plus the flash phase).
 */
public final class AlarmBannerViewModel implements Lifecycle {

    /** The priorities an operator responds to, in banner order. */
    static final List<Priority> OPERATOR_PRIORITIES = List.of(Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM,
            Priority.LOW);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<AlarmSnapshot> source;
    private final AlarmHorn horn;
    private final Texts texts;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Priority> priority = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper priorityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper flood = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper uncertainText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hiddenText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper annunciating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper flashOn = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper audioText = new ReadOnlyStringWrapper("");
    /** Annunciations already heard (id and time): a new one sounds the horn again even after a silence. */
    private final Set<String> heard = new HashSet<>();
    private AlarmSnapshot last;
    private io.lineside.tags.StationId topStation;
    private java.util.function.Consumer<io.lineside.tags.StationId> onOpenStation = s -> { };

    public AlarmBannerViewModel(Supplier<AlarmSnapshot> source, AlarmHorn horn, Texts texts, ZoneId zone) {
        this.source = source;
        this.horn = horn;
        this.texts = texts;
        this.zone = zone;
        text.set(texts.get("banner.none"));
        countsText.set(counts(AlarmSnapshot.empty(Instant.EPOCH)));
    }

    /** The top alarm in words, or "no unacknowledged alarms". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The top alarm's priority (the view adds shape and colour), or null when none needs acknowledging. */
    public ReadOnlyObjectProperty<Priority> priorityProperty() {
        return priority.getReadOnlyProperty();
    }

    /** The top alarm's priority as a word, so colour is never the only cue. */
    public ReadOnlyStringProperty priorityTextProperty() {
        return priorityText.getReadOnlyProperty();
    }

    /** "Critical 1/2  High 0/1 ...": unacknowledged / shown per operator priority. */
    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty floodProperty() {
        return flood.getReadOnlyProperty();
    }

    /** How many alarms are held on inputs that are not good, or empty. */
    public ReadOnlyStringProperty uncertainTextProperty() {
        return uncertainText.getReadOnlyProperty();
    }

    /** Shelved / suppressed / out-of-service counts, or empty when nothing is hidden. */
    public ReadOnlyStringProperty hiddenTextProperty() {
        return hiddenText.getReadOnlyProperty();
    }

    /** True from a new unacknowledged alarm until it is silenced or nothing needs acknowledging. */
    public ReadOnlyBooleanProperty annunciatingProperty() {
        return annunciating.getReadOnlyProperty();
    }

    /** The flash phase while annunciating (twice a second); false otherwise. */
    public ReadOnlyBooleanProperty flashOnProperty() {
        return flashOn.getReadOnlyProperty();
    }

    /** "No audio device" when the horn cannot play, else empty. */
    public ReadOnlyStringProperty audioTextProperty() {
        return audioText.getReadOnlyProperty();
    }

    // Commands

    /** Pulls the latest snapshot. FX thread only. */
    @Override
    public void pulse(Instant now) {
        AlarmSnapshot snapshot = source.get();
        if (snapshot != last) {
            last = snapshot;
            show(snapshot);
        }
        flashOn.set(annunciating.get() && (now.toEpochMilli() / 500) % 2 == 0);
        audioText.set(horn.audible() ? "" : texts.get("banner.noAudio"));
    }

    /** Who shows a station's faceplate (the display hierarchy's navigator). */
    public void setOnOpenStation(java.util.function.Consumer<io.lineside.tags.StationId> handler) {
        this.onOpenStation = handler;
    }

    /** Goes to the station of the alarm the banner shows, if any: alarm to station in one click. */
    public void openShownStation() {
        if (topStation != null) {
            onOpenStation.accept(topStation);
        }
    }

    /** Re-formats the banner in the current language of {@link Texts} at the next pulse. FX thread only. */
    @Override
    public void relocalize() {
        last = null;
    }

    /** Stops the horn and the flash until the next new alarm. */
    public void silence() {
        horn.silence();
        annunciating.set(false);
        flashOn.set(false);
    }

    private void show(AlarmSnapshot s) {
        ActiveAlarm top = s.alarms().stream().filter(a -> a.state().needsAck()).findFirst().orElse(null);
        topStation = top == null ? null : top.definition().station();
        if (top == null) {
            text.set(texts.get("banner.none"));
            priorityText.set(""); // before the priority: the view reads it when the priority changes
            priority.set(null);
        } else {
            priorityText.set(texts.get("priority." + top.priority().name()));
            priority.set(top.priority());
            var st = top.definition().station();
            text.set(texts.get("banner.alarm", CLOCK.format(top.since().atZone(zone)), st.line() + " / " + st.station(),
                    top.definition().message(texts.language()), top.value(), state(top)));
        }
        countsText.set(counts(s));
        flood.set(s.flood());
        uncertainText.set(s.uncertain() == 0 ? "" : texts.get("banner.uncertain", s.uncertain()));
        hiddenText.set(s.shelved() + s.suppressed() + s.outOfService() == 0 ? ""
                : texts.get("banner.hidden", s.shelved(), s.suppressed(), s.outOfService()));
        annunciate(s);
    }

    private void annunciate(AlarmSnapshot s) {
        Set<String> current = new HashSet<>();
        Priority loudest = null;
        for (ActiveAlarm a : s.alarms()) {
            if (a.state() != AlarmState.UNACK) {
                continue;
            }
            String key = a.id() + '@' + a.since();
            current.add(key);
            if (!heard.contains(key) && (loudest == null || a.priority().compareTo(loudest) < 0)) {
                loudest = a.priority();
            }
        }
        heard.retainAll(current);
        heard.addAll(current);
        if (loudest != null && loudest != Priority.DIAGNOSTIC) {
            annunciating.set(true);
            horn.sound(loudest);
        } else if (s.alarms().stream().noneMatch(a -> a.state().needsAck())) {
            silence();
        }
    }

    private String state(ActiveAlarm a) {
        String state = texts.get("alarmState." + a.state().name());
        return a.uncertain() ? texts.get("alarmState.uncertain", state) : state;
    }

    private String counts(AlarmSnapshot s) {
        StringBuilder b = new StringBuilder();
        for (Priority p : OPERATOR_PRIORITIES) {
            if (!b.isEmpty()) {
                b.append("   ");
            }
            b.append(texts.get("banner.count", texts.get("priority." + p.name()), s.unacked().getOrDefault(p, 0),
                    s.active().getOrDefault(p, 0)));
        }
        return b.toString();
    }
}
