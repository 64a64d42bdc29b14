package io.lineside.ui.replay;

import io.lineside.alarms.ReplayedAlarm;
import io.lineside.replay.ReplayFeed;
import io.lineside.replay.ReplayFrame;
import io.lineside.replay.ReplayMark;
import io.lineside.replay.ReplaySource;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Replay mode: loads a window of history off the FX thread (once), then moves a cursor through it (drag, play at
 * ×1 … ×60, step to the previous or next event, jump to a typed time) and, once per pulse, pushes the frame at the
 * cursor into a tag store of its own. The replay's view-models sit on that store ({@link #store()}) and are pulsed
 * with the cursor's instant as "now", so the live views show the past without knowing it. A loading task ends in a
 * source or a visible error. FX thread only, except the loader, which runs on {@code background}.
 */
public final class ReplayViewModel {

    /** Reads a replay window (history I/O): runs on the background executor. */
    @FunctionalInterface
    public interface Loader {
        ReplaySource load(Instant from, Instant to) throws Exception;
    }

    /** The playback speeds offered. */
    public static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 30, 60);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Loader loader;
    /** Loads; its busy flag is {@link #loadingProperty()}. One slot: a newer load supersedes an older one. */
    private final BackgroundTasks loads;
    private final BackgroundTasks.Latest load;
    private final Texts texts;
    private final ZoneId zone;
    private final ReplayFeed feed = new ReplayFeed(new TagStore());
    private final List<Consumer<Instant>> receivers = new ArrayList<>();

    private final ReadOnlyObjectWrapper<Instant> cursor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplaySource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper speed = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ObservableList<ReplayAlarmRow> alarms = FXCollections.observableArrayList();
    private final ObservableList<ReplayAlarmRow> readOnlyAlarms = FXCollections.unmodifiableObservableList(alarms);

    private ReplayFrame frame;
    private Instant lastWall;

    public ReplayViewModel(Loader loader, Executor background, Executor fx, Texts texts, ZoneId zone) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.loads = new BackgroundTasks(background, fx);
        this.load = loads.latest();
        this.texts = texts;
        this.zone = zone;
    }

    /** The tag store the replay's view-models read: it holds the values of the instant at the cursor. */
    public TagStore store() {
        return feed.store();
    }

    /** Pulses {@code receiver} with the cursor's instant (the replayed "now") after each frame is shown. */
    public void addReceiver(Consumer<Instant> receiver) {
        receivers.add(receiver);
    }

    /** The frame shown, or null before the window is loaded. */
    public ReplayFrame frame() {
        return frame;
    }

    public ReadOnlyObjectProperty<Instant> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** The loaded window, or null (the timeline draws its marks). */
    public ReadOnlyObjectProperty<ReplaySource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loads.busyProperty();
    }

    public ReadOnlyIntegerProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** "REPLAY 10:42:17 — not live" (or the loading text before the window is there). */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** The window shown, "2026-11-02 06:00 – 14:00". */
    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    /** A loading error or a refused jump; "" when all is well. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The alarms not normal at the cursor, with who acknowledged or shelved them. */
    public ObservableList<ReplayAlarmRow> alarms() {
        return readOnlyAlarms;
    }

    // Commands

    /** Loads {@code [from, to]} off the FX thread, then puts the cursor at {@code at}. */
    public void load(Instant from, Instant to, Instant at) {
        playing.set(false);
        statusText.set("");
        bannerText.set(texts.get("replay.loading"));
        // A loading task ends in a result or a visible error.
        load.run(() -> loader.load(from, to), loaded -> loaded(loaded, at),
                failure -> failed(BackgroundTasks.describe(failure)));
    }

    private void loaded(ReplaySource loaded, Instant at) {
        source.set(loaded);
        windowText.set(texts.get("replay.window", DAY_CLOCK.format(loaded.from().atZone(zone)),
                CLOCK.format(loaded.to().atZone(zone))));
        seek(at);
    }

    private void failed(String why) {
        bannerText.set(texts.get("replay.bannerNone"));
        statusText.set(texts.get("replay.error", why));
    }

    /** Moves the cursor to {@code at} (clamped into the window); shown at the next pulse. */
    public void seek(Instant at) {
        ReplaySource s = source.get();
        if (s != null) {
            cursor.set(s.clamp(at));
            bannerText.set(texts.get("replay.banner", CLOCK.format(cursor.get().atZone(zone))));
        }
    }

    public void togglePlay() {
        if (source.get() == null) {
            return;
        }
        if (!playing.get() && !cursor.get().isBefore(source.get().to())) {
            seek(source.get().from()); // played to the end: play again from the start
        }
        playing.set(!playing.get());
        lastWall = null;
    }

    /** One of {@link #SPEEDS}. */
    public void setSpeed(int times) {
        if (!SPEEDS.contains(times)) {
            throw new IllegalArgumentException("speed " + times + " is not one of " + SPEEDS);
        }
        speed.set(times);
    }

    /** To the next alarm, state change or lost link after the cursor (stays put at the last one). */
    public void stepNext() {
        ReplaySource s = source.get();
        ReplayMark next = s == null ? null : s.next(cursor.get());
        if (next != null) {
            playing.set(false);
            seek(next.time());
        }
    }

    /** To the previous alarm, state change or lost link before the cursor. */
    public void stepPrevious() {
        ReplaySource s = source.get();
        ReplayMark previous = s == null ? null : s.previous(cursor.get());
        if (previous != null) {
            playing.set(false);
            seek(previous.time());
        }
    }

    /**
     * Jumps to a typed time: {@code hh:mm[:ss]} on the cursor's day (plant zone), or {@code yyyy-MM-dd hh:mm}.
     *
     * @return false (and a status text) when the text is no time or lies outside the loaded window
     */
    public boolean jumpTo(String text) {
        ReplaySource s = source.get();
        if (s == null || text == null) {
            return false;
        }
        Instant at;
        try {
            String t = text.strip();
            if (t.length() > 8) {
                at = java.time.LocalDateTime.parse(t, DAY_CLOCK).atZone(zone).toInstant();
            } else {
                LocalDate day = cursor.get().atZone(zone).toLocalDate();
                at = day.atTime(LocalTime.parse(t)).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            statusText.set(texts.get("replay.badTime", text));
            return false;
        }
        if (at.isBefore(s.from()) || at.isAfter(s.to())) {
            statusText.set(texts.get("replay.outside", text));
            return false;
        }
        statusText.set("");
        playing.set(false);
        seek(at);
        return true;
    }

    /**
     * Once per pulse: advances a playing cursor by the wall time since the last pulse times the speed, shows the
     * frame at the cursor when it moved, and pulses the replay's view-models with the cursor's instant.
     */
    public void pulse(Instant wall) {
        ReplaySource s = source.get();
        if (s == null) {
            return;
        }
        if (playing.get()) {
            if (lastWall != null) {
                Duration step = Duration.between(lastWall, wall).multipliedBy(speed.get());
                seek(cursor.get().plus(step));
                if (!cursor.get().isBefore(s.to())) {
                    playing.set(false);
                }
            }
            lastWall = wall;
        }
        if (frame == null || !frame.at().equals(cursor.get())) {
            frame = s.frame(cursor.get());
            feed.show(frame);
            List<ReplayAlarmRow> rows = frame.alarms().stream().map(this::row).toList();
            if (!rows.equals(alarms)) {
                alarms.setAll(rows);
            }
        }
        for (Consumer<Instant> receiver : receivers) {
            receiver.accept(frame.at());
        }
    }

    private ReplayAlarmRow row(ReplayedAlarm a) {
        String who = "";
        if (a.ackedBy() != null) {
            who = texts.get("replay.ackedBy", a.ackedBy(), CLOCK.format(a.ackedAt().atZone(zone)));
        } else if (a.shelvedBy() != null) {
            who = texts.get("replay.shelvedBy", a.shelvedBy(), a.shelveReason(),
                    CLOCK.format(a.shelvedUntil().atZone(zone)));
        }
        String message = a.definition() != null ? a.definition().message(texts.language()) : a.message();
        return new ReplayAlarmRow(a.id(), CLOCK.format(a.since().atZone(zone)), texts.get("alarmState."
                + a.state().name()), texts.get("priority." + a.priority().name()), a.station(), message, who);
    }
}
