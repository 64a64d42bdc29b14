package io.lineside.ui.alarms;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmActions;
import io.lineside.alarms.Priority;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inline acknowledge and shelve "dialog" under the alarm table: it never covers the banner or the list (alarms
 * are never hidden by a dialog). Checks the note and reason rules before anything is sent, then shows the outcome,
 * refusals included, in the operator's words. FX thread only.
 */
public final class AlarmCommandPanel {

    /** What the panel is asking for. */
    public enum Mode { NONE, ACKNOWLEDGE, SHELVE, COMMENT }

    static final List<Duration> SHELVE_CHOICES = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));

    private final AlarmActions actions;
    private final Texts texts;
    /** Waits for the alarm service's answers; its busy flag is {@link #busyProperty()}. */
    private final BackgroundTasks commands;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Duration> duration = new SimpleObjectProperty<>();
    private final BooleanProperty oneShot = new SimpleBooleanProperty();
    private final ObservableList<Duration> durations = FXCollections.observableArrayList();
    private final io.lineside.alarms.ShelveReasons shelveReasons;
    private final ObservableList<String> reasons;
    private final StringProperty reason = new SimpleStringProperty();
    private final ReadOnlyStringWrapper targetsText = new ReadOnlyStringWrapper("");
    private final java.time.ZoneId zone;
    private List<ActiveAlarm> targets = List.of();
    /** Told the id of an alarm a comment was sent for (its history is read again). */
    private java.util.function.Consumer<String> commented = id -> { };
    /** The alarm ids the panel was opened for, as the operator saw them then (the selection, or the shown rows). */
    private java.util.Set<String> openedFor = java.util.Set.of();
    /** True when opened on the selection (it must be unchanged), false on the shown rows (they must still show). */
    private boolean onSelection;

    AlarmCommandPanel(AlarmActions actions, io.lineside.alarms.ShelveReasons shelveReasons, Texts texts,
                      java.time.ZoneId zone, Executor fx) {
        this.actions = actions;
        this.shelveReasons = shelveReasons;
        this.reasons = FXCollections.observableArrayList(shelveReasons.reasons());
        this.texts = texts;
        this.zone = zone;
        this.commands = BackgroundTasks.awaitingOnly(fx);
        note.addListener((o, old, now) -> {
            if (error.get()) {
                report("", false); // the operator is fixing what was missing
            }
        });
    }

    /** Who hears that a comment was sent for an alarm (called on the FX thread when it has been journalled). */
    void setOnCommented(java.util.function.Consumer<String> listener) {
        this.commented = listener;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** What the panel acts on: one line per alarm (station, message, priority, time), so nothing is acted on blind. */
    public ReadOnlyStringProperty targetsTextProperty() {
        return targetsText.getReadOnlyProperty();
    }

    /** The ids of the alarms the panel acts on (captured when it opened). */
    public List<String> targetIds() {
        return targets.stream().map(ActiveAlarm::id).toList();
    }

    boolean onSelection() {
        return onSelection;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether a note is required, or the shelve limit. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The last outcome or the rule that stopped a command; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a refusal or a missing input. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a command is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return commands.busyProperty();
    }

    /** The note (acknowledge) or reason (shelve) being typed; bound by the view. */
    public StringProperty noteProperty() {
        return note;
    }

    /** The shelve reasons to choose from (journalled as written, in English). */
    public ObservableList<String> reasons() {
        return reasons;
    }

    /** The chosen shelve reason; bound by the view. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** A reason as the operator reads it: the bundle's words for the default reasons, else as configured. */
    public String reasonText(String r) {
        int i = io.lineside.alarms.ShelveReasons.DEFAULT.reasons().indexOf(r);
        return r == null ? "" : i < 0 ? r : texts.get("summary.shelveReason" + i);
    }

    /** The chosen shelve duration; bound by the view. */
    public ObjectProperty<Duration> durationProperty() {
        return duration;
    }

    /** Whether the shelve also ends when the alarm clears (one-shot); bound by the view. */
    public BooleanProperty oneShotProperty() {
        return oneShot;
    }

    /** The shelve durations the alarm allows: the standard choices up to its maximum, and the maximum. */
    public ObservableList<Duration> durations() {
        return durations;
    }

    public String durationText(Duration d) {
        return d == null ? "" : texts.get("summary.minutes", d.toMinutes());
    }

    // Commands

    /** Opens the acknowledge panel for those of {@code alarms} (the selection) that need acknowledging. */
    public void requestAcknowledge(List<ActiveAlarm> alarms) {
        requestAcknowledge(alarms, true);
    }

    /**
     * Opens the acknowledge panel for those of {@code alarms} that need acknowledging.
     *
     * @param selection true if {@code alarms} is the selection (confirming then needs the same selection), false if
     *                  it is every shown row (confirming then needs them all still shown)
     */
    public void requestAcknowledge(List<ActiveAlarm> alarms, boolean selection) {
        List<ActiveAlarm> needing = alarms.stream().filter(a -> a.state().needsAck()).toList();
        if (alarms.isEmpty() || needing.isEmpty()) {
            report(texts.get(alarms.isEmpty() ? "summary.selectFirst" : "summary.nothingToAck"), true);
            return;
        }
        capture(needing, alarms, selection);
        note.set("");
        title.set(texts.get("summary.ackTitle", needing.size()));
        hint.set(texts.get(needing.stream().anyMatch(a -> noteRequired(a.priority())) ? "summary.ackNoteRequired"
                : "summary.ackNoteOptional"));
        report("", false);
        mode.set(Mode.ACKNOWLEDGE);
    }

    /** Opens the shelve panel for one alarm, offering durations up to its maximum. */
    public void requestShelve(ActiveAlarm alarm) {
        if (alarm == null) {
            report(texts.get("summary.selectFirst"), true);
            return;
        }
        capture(List.of(alarm), List.of(alarm), true);
        Duration max = alarm.definition().maxShelve();
        durations.setAll(SHELVE_CHOICES.stream().filter(d -> d.compareTo(max) < 0).toList());
        durations.add(max);
        duration.set(durations.getFirst());
        oneShot.set(false);
        reason.set(reasons.getFirst());
        note.set("");
        title.set(texts.get("summary.shelveTitle", alarm.id(), max.toMinutes()));
        hint.set(texts.get("summary.reasonNote"));
        report("", false);
        mode.set(Mode.SHELVE);
    }

    /**
     * Opens the comment panel for one alarm, in any state (acknowledged or not): the note field takes the comment,
     * which is journalled with the operator's name and the time.
     */
    public void requestComment(ActiveAlarm alarm) {
        if (alarm == null) {
            report(texts.get("summary.selectFirst"), true);
            return;
        }
        capture(List.of(alarm), List.of(alarm), true);
        note.set("");
        title.set(texts.get("summary.commentTitle", alarm.id()));
        hint.set(texts.get("summary.commentHint"));
        report("", false);
        mode.set(Mode.COMMENT);
    }

    /** Ends {@code alarm}'s shelve now (no note needed: the audit row records who). */
    public void unshelve(ActiveAlarm alarm) {
        if (alarm == null || alarm.state() != io.lineside.alarms.AlarmState.SHELVED) {
            report(texts.get("summary.notShelved"), true);
            return;
        }
        targets = List.of(alarm);
        send(actions.unshelve(alarm.id(), ""), "summary.unshelved");
    }

    /**
     * Sends what the panel asks for, if its rules are met and the operator still sees what it was opened for;
     * otherwise says which is missing or what changed, and sends nothing.
     *
     * @param seenNow the ids the operator sees now as the panel's basis: the selection (opened on the selection) or
     *                the shown rows (opened on all shown)
     */
    public void confirm(java.util.Collection<String> seenNow) {
        java.util.Set<String> now = java.util.Set.copyOf(seenNow);
        boolean unchanged = onSelection ? now.equals(openedFor) : now.containsAll(targetIds());
        if (mode.get() != Mode.NONE && !unchanged) {
            report(texts.get("summary.selectionChanged", String.join(", ", targetIds())), true);
            return;
        }
        String text = note.get() == null ? "" : note.get().strip();
        if (mode.get() == Mode.ACKNOWLEDGE) {
            ActiveAlarm needsNote = targets.stream().filter(a -> noteRequired(a.priority())).findFirst().orElse(null);
            if (needsNote != null && text.isEmpty()) {
                report(texts.get("summary.noteMissing", needsNote.id()), true);
                return;
            }
            send(actions.acknowledge(targets.stream().map(ActiveAlarm::id).toList(), text), "summary.acked");
        } else if (mode.get() == Mode.COMMENT) {
            if (text.isEmpty()) {
                report(texts.get("summary.commentMissing"), true);
                return;
            }
            String id = targets.getFirst().id();
            send(actions.comment(id, text), "summary.commented", () -> commented.accept(id));
        } else if (mode.get() == Mode.SHELVE) {
            String chosen = reason.get() == null ? "" : reason.get();
            if (chosen.isEmpty() || chosen.equals(shelveReasons.other()) && text.isEmpty()) {
                report(chosen.isEmpty() ? texts.get("summary.reasonMissing")
                        : shelveReasons.equals(io.lineside.alarms.ShelveReasons.DEFAULT)
                        ? texts.get("summary.reasonOtherNote")
                        : texts.get("summary.reasonNeedsNote", reasonText(chosen)), true);
                return;
            }
            send(actions.shelve(targets.getFirst().id(), duration.get(), oneShot.get(),
                    io.lineside.alarms.ShelveReasons.compose(chosen, text)), "summary.shelved");
        }
    }

    /** Closes the panel without sending anything. */
    public void cancel() {
        mode.set(Mode.NONE);
        targets = List.of();
        openedFor = java.util.Set.of();
        targetsText.set("");
    }

    private void capture(List<ActiveAlarm> acting, List<ActiveAlarm> seen, boolean selection) {
        targets = List.copyOf(acting);
        openedFor = seen.stream().map(ActiveAlarm::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
        onSelection = selection;
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
        StringBuilder b = new StringBuilder();
        for (ActiveAlarm a : acting) {
            var st = a.definition().station();
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(texts.get("summary.target", st.line() + " / " + st.station(),
                    a.definition().message(texts.language()),
                    AlarmSummaryViewModel.symbol(a.priority()) + " " + texts.get("priority." + a.priority().name()),
                    clock.format(a.since().atZone(zone)), a.id()));
        }
        targetsText.set(b.toString());
    }

    /** The one rule, the engine's: acknowledging High and Critical alarms needs a note. */
    private static boolean noteRequired(Priority p) {
        return p.acknowledgementNeedsNote();
    }

    private void send(CompletableFuture<AlarmActions.Outcome> pending, String doneKey) {
        send(pending, doneKey, () -> { });
    }

    private void send(CompletableFuture<AlarmActions.Outcome> pending, String doneKey, Runnable afterDone) {
        report(texts.get("summary.working"), false);
        String what = targets.size() == 1 ? targets.getFirst().id() : String.valueOf(targets.size());
        commands.await(pending, outcome -> {
            if (!outcome.ok()) {
                report(texts.get("summary.refused", String.join(" ", outcome.problems())), true);
            } else {
                report(texts.get(doneKey, doneKey.equals("summary.acked") ? outcome.done() : what), false);
                cancel();
                afterDone.run();
            }
        }, failure -> report(texts.get("summary.refused", BackgroundTasks.describe(failure)), true));
    }

    private void report(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }
}
