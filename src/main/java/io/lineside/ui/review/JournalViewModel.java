package io.lineside.ui.review;

import io.lineside.ui.Lifecycle;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.Priority;
import io.lineside.security.ActionRefusedException;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alarm journal: every transition, acknowledgement, shelve and suppression, filtered by time, priority, state,
 * area and text, and exported as CSV. Queries run on {@code background}; results arrive through {@code fx}.
 * FX thread only.
 */
public final class JournalViewModel implements Lifecycle {

    /** One journal row as the table shows it. */
    public record Row(String time, String priority, String alarm, String event, String transition, String station,
                      String value, String user, String note, String message, Instant at) {
    }

    /** Writes the rows to a CSV file as the signed-in user (permission-checked and audited); returns what happened. */
    @FunctionalInterface
    public interface Exporter {
        String export(List<AlarmEvent> events, Path file) throws Exception;
    }

    static final int LIMIT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AlarmJournal journal;
    private final Exporter exporter;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<AlarmEvent> shown = List.of();
    private String found = ""; // the message the last search left, to re-word it if it still shows
    private java.util.function.Consumer<Instant> replay;

    public JournalViewModel(AlarmJournal journal, Exporter exporter, Executor background, Executor fx, Texts texts,
                            Clock clock) {
        this.journal = journal;
        this.exporter = exporter;
        this.tasks = new BackgroundTasks(background, fx);
        this.texts = texts;
        this.zone = clock.getZone();
        this.clock = clock;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** How many rows were found, or why not, or what the export did. */
    /** The plant zone the times are shown in (stored times are UTC). */
    public ZoneId zone() {
        return zone;
    }

    /** {@code Times in Europe/Berlin}, for the view to say which clock the rows are on. */
    public String zoneLabel() {
        return texts.get("journal.zone", zone.getId());
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    // Commands

    /**
     * Looks up the journal.
     *
     * @param priority one priority, or null for all
     * @param state    one state entered, or null for all
     */
    public void search(ReviewRange range, Priority priority, AlarmState state, String area, String text) {
        Instant now = clock.instant();
        search(range.from(now), now, priority, state, area, text);
    }

    /** Looks up the journal over {@code [from, to)}, e.g. one shift. */
    public void search(Instant from, Instant to, Priority priority, AlarmState state, String area, String text) {
        JournalFilter filter = JournalFilter.between(from, to)
                .withPriorities(priority == null ? Set.of() : Set.of(priority))
                .withStates(state == null ? Set.of() : Set.of(state))
                .withArea(area).withText(text).withLimit(LIMIT);
        tasks.run(() -> journal.query(filter), this::show,
                failure -> fail(texts.get("review.failed", BackgroundTasks.describe(failure))));
    }

    /** Writes the rows found by the last search to {@code file}. */
    public void export(Path file) {
        List<AlarmEvent> events = shown;
        tasks.run(() -> exporter.export(events, file), message::set, failure -> message.set(texts.get(
                failure instanceof ActionRefusedException ? "session.refused" : "review.exportFailed",
                BackgroundTasks.describe(failure)))); // a full disk is a failure, not a refusal
    }

    /** Where "replay from before this event" goes (opens a replay window around the instant); none: no replay. */
    public void setReplay(java.util.function.Consumer<Instant> replay) {
        this.replay = replay;
    }

    /** Whether the journal can open a replay at all (the view hides its button otherwise). */
    public boolean canReplay() {
        return replay != null;
    }

    /** Opens a replay of the moments before {@code row}'s event: what the operator saw as it came. */
    public void replayBefore(Row row) {
        if (replay == null || row == null) {
            message.set(texts.get("journal.replay.none"));
            return;
        }
        replay.accept(row.at());
    }

    /** Re-words the rows found (priorities, states) and their count in the current language, without a new query. */
    @Override
    public void relocalize() {
        rows.setAll(shown.stream().map(this::row).toList());
        if (!found.isEmpty() && message.get().equals(found)) {
            message.set(found = foundText(shown.size()));
        }
    }

    private void show(List<AlarmEvent> events) {
        shown = events;
        rows.setAll(events.stream().map(this::row).toList());
        message.set(found = foundText(events.size()));
    }

    private String foundText(int count) {
        return texts.get(count >= LIMIT ? "review.rowsCapped" : "review.rows", count);
    }

    private void fail(String why) {
        message.set(why);
    }

    private Row row(AlarmEvent e) {
        return new Row(TIME.format(e.time().atZone(zone)), texts.get("priority." + e.priority().name()),
                e.alarmId(), e.trigger().name(), state(e.from()) + " \u2192 " + state(e.to()), e.station(), e.value(),
                e.user(), e.note(), e.message(), e.time());
    }

    private String state(AlarmState state) {
        return texts.get("alarmState." + state.name());
    }
}
