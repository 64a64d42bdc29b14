package io.lineside.ui.station;

import io.lineside.commands.CommandKind;
import io.lineside.commands.CommandOutcome;
import io.lineside.commands.CommandRequest;
import io.lineside.commands.CommandService;
import io.lineside.commands.CommandSpec;
import io.lineside.commands.WritableSignal;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One writable signal on the faceplate: what it takes (limits or choices), its value now, a two-step write (ask →
 * confirm with target and old → new, the password again for a critical signal) and the outcome. The buttons are
 * disabled when offline, locked or not permitted, but {@link CommandService} checks everything again.
 * FX thread only; outcomes arrive through the injected executor.
 */
public final class CommandRowViewModel {

    /** How the last command stands, for the status style. */
    public enum Status { NONE, SENT, CONFIRMED, NOT_CONFIRMED, REFUSED }

    private final TagPath path;
    private final WritableSignal signal;
    private final CommandService service;
    private final Function<TagPath, TagValue> values;
    private final Executor fx;
    private final Texts texts;
    private final String label;
    private final String unit;
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper usable = new ReadOnlyBooleanWrapper();
    /** Waits for the command service's outcome: busy from confirm until it arrives (or fails). */
    private final BackgroundTasks sending;
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.NONE);
    private String asked;
    private boolean disposed;

    public CommandRowViewModel(TagPath path, WritableSignal signal, String label, String unit, CommandService service,
                               Function<TagPath, TagValue> values, Executor fx, Texts texts) {
        this.path = path;
        this.signal = signal;
        this.label = label;
        this.unit = unit;
        this.service = service;
        this.values = values;
        this.fx = fx;
        this.sending = BackgroundTasks.awaitingOnly(fx);
        this.texts = texts;
        refresh();
    }

    public TagPath path() {
        return path;
    }

    public CommandKind kind() {
        return signal.spec().kind();
    }

    public String label() {
        return label;
    }

    public boolean critical() {
        return signal.spec().critical();
    }

    /** The modes or actions to offer; empty for a setpoint. */
    public List<String> choices() {
        return signal.spec().allowed();
    }

    /** A setpoint's range, unit and step, e.g. {@code 50 to 120 %, step 5}; empty for the others. */
    public String limits() {
        CommandSpec s = signal.spec();
        if (s.kind() != CommandKind.SETPOINT) {
            return "";
        }
        return Double.isNaN(s.step()) ? texts.get("cmd.limits", plain(s.min()), plain(s.max()), unit)
                : texts.get("cmd.limitsStep", plain(s.min()), plain(s.max()), unit, plain(s.step()));
    }

    public String unit() {
        return unit;
    }

    /** The action's button text ({@code Start}, ...). */
    public String actionText(String action) {
        return texts.get("cmd.action." + action);
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Target and old → new, while a write waits for its confirmation. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /** Connected, permitted and not busy: the controls may be used. */
    public ReadOnlyBooleanProperty usableProperty() {
        return usable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the controls are disabled (offline, locked or not permitted), or empty. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    // --- Commands ---

    /** Once per pulse: the value now, and whether the controls may be used. */
    public void refresh() {
        TagValue v = values.apply(signal.confirmPath(path));
        current.set(v == null || v.value() == null ? texts.get("cmd.none")
                : (v.value() instanceof Double d ? plain(d) : String.valueOf(v.value()))
                + (unit.isEmpty() || !(v.value() instanceof Double) ? "" : " " + unit));
        boolean connected = service.connected();
        boolean permitted = service.permitted(path);
        usable.set(connected && permitted && !sending.busyProperty().get());
        hint.set(!connected ? texts.get("cmd.offline") : !permitted ? texts.get("cmd.notPermitted") : "");
    }

    /** First step: ask to write {@code value} (the entry for a setpoint); shows target and old → new. */
    public void ask(String value) {
        String v = value == null ? input.get() : value;
        asked = v == null ? "" : v.strip();
        String target = kind() == CommandKind.ACTION && choices().contains(asked) ? actionText(asked)
                : asked + (kind() == CommandKind.SETPOINT && !unit.isEmpty() ? " " + unit : "");
        question.set(texts.get("cmd.ask", path.station() + " / " + label, current.get(), target));
        asking.set(true);
    }

    /** Second step: send it (with the password again for a critical signal; null otherwise). */
    public void confirm(char[] password) {
        if (!asking.get()) {
            return;
        }
        asking.set(false);
        usable.set(false);
        show(Status.SENT, texts.get("cmd.sending"));
        java.util.function.Consumer<CommandOutcome> progress = sent -> fx.execute(() -> {
            if (!disposed && sent.state() == CommandOutcome.State.SENT) {
                show(Status.SENT, texts.get("cmd.sent"));
            }
        });
        sending.await(service.send(new CommandRequest(path, asked, password), progress), this::finished, failure -> {
            if (!disposed) { // the service promises an outcome; should it break anyway, say so and free the row
                show(Status.REFUSED, texts.get("cmd.refused", BackgroundTasks.describe(failure)));
                refresh();
            }
        });
    }

    public void cancel() {
        asking.set(false);
        question.set("");
    }

    public void dispose() {
        disposed = true;
    }

    private void finished(CommandOutcome o) {
        if (disposed) {
            return;
        }
        switch (o.state()) {
            case CONFIRMED -> show(Status.CONFIRMED, texts.get("cmd.confirmed"));
            case NOT_CONFIRMED -> show(Status.NOT_CONFIRMED, texts.get("cmd.notConfirmed", o.reason()));
            case REFUSED -> show(Status.REFUSED, texts.get("cmd.refused", o.reason()));
            case SENT -> show(Status.SENT, texts.get("cmd.sent"));
        }
        refresh();
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void show(Status s, String text) {
        status.set(s);
        statusText.set(text);
    }
}
