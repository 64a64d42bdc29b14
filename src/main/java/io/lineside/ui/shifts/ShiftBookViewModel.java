package io.lineside.ui.shifts;

import io.lineside.history.ShiftBook;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.ReasonTree;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftReport;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The part of the shift review where people add to the shift shown: a reason for the selected stop, the line's
 * handover note, the supervisor's sign-off (decision 0024). The work (checks, audit, storage) is the injected
 * {@link ShiftReviewViewModel.Book}'s, on the review's background executor; after each the shift is computed again
 * and the action's outcome stays the message shown.
 * FX thread only.
 */
public final class ShiftBookViewModel {

    /** One reason to choose: its stored code and its label ("Mechanical › Jam"). */
    public record ReasonChoice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final BackgroundTasks tasks;
    private final Texts texts;
    private final java.util.function.Consumer<String> recompute;
    private final java.util.function.Consumer<String> message;
    private ShiftReviewViewModel.Book book;
    private ShiftFormat format;
    private ShiftReport report;
    private ShiftReport.Line line;
    private final ReadOnlyObjectWrapper<List<ReasonChoice>> reasons = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Downtime> selectedStop = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper handover = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handedOver = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signOff = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper signed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper liveDiffers = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();

    ShiftBookViewModel(BackgroundTasks tasks, Texts texts, ShiftFormat format,
                       java.util.function.Consumer<String> recompute,
                       java.util.function.Consumer<String> message) {
        this.tasks = tasks;
        this.texts = texts;
        this.format = format;
        this.recompute = recompute;
        this.message = message;
    }

    void setBook(ShiftReviewViewModel.Book book) {
        this.book = book;
        this.format = format.withReasons(book.reasons());
        reasons.set(book.reasons().codes().stream().map(c -> new ReasonChoice(c, format.reason(c))).toList());
        show(report, line);
    }

    /** Re-words reasons, handover and sign-off with {@code words} (the review's format in the new language). */
    void relocalize(ShiftFormat words) {
        this.format = words;
        if (book != null) {
            reasons.set(book.reasons().codes().stream().map(c -> new ReasonChoice(c, format.reason(c))).toList());
        }
        show(report, line);
    }

    /** The reasons of the configured tree, in tree order. */
    public ReadOnlyObjectProperty<List<ReasonChoice>> reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    /** The stop a reason would be given to, or null. */
    public ReadOnlyObjectProperty<Downtime> selectedStopProperty() {
        return selectedStop.getReadOnlyProperty();
    }

    /** This shift's handover note of the line, as written ("" when none). */
    public ReadOnlyStringProperty handoverProperty() {
        return handover.getReadOnlyProperty();
    }

    /** The note the previous shift left this line, with who and when; "" when none. */
    public ReadOnlyStringProperty handedOverProperty() {
        return handedOver.getReadOnlyProperty();
    }

    /** "Signed off by X at T" (and whether live figures now differ), or "not signed off". */
    public ReadOnlyStringProperty signOffProperty() {
        return signOff.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedProperty() {
        return signed.getReadOnlyProperty();
    }

    /** True if the shift is signed and history now gives other figures than those signed. */
    public ReadOnlyBooleanProperty liveDiffersProperty() {
        return liveDiffers.getReadOnlyProperty();
    }

    /** True when a line is shown and the review can store what people add (a history file is open). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The reason choice of {@code code}, for preselecting the stop's current reason. */
    public Optional<ReasonChoice> choice(String code) {
        return reasons.get().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    void show(ShiftReport report, ShiftReport.Line line) {
        this.report = report;
        this.line = line;
        selectedStop.set(null);
        available.set(book != null && line != null);
        ShiftReport.Book b = report == null || line == null ? ShiftReport.Book.EMPTY : report.book(line.name());
        handover.set(b.handover().map(ShiftBook.Handover::note).orElse(""));
        handedOver.set(b.handedOver().map(h -> texts.get("shift.handedOver", h.shiftKey(), h.user(),
                format.dateTime(h.at()), h.note())).orElse(line == null ? "" : texts.get("shift.handedOver.none")));
        signed.set(b.signed().isPresent());
        liveDiffers.set(b.signed().map(ShiftReport.Signed::liveDiffers).orElse(false));
        signOff.set(b.signed().map(s -> texts.get("shift.signedOffBy", s.user(), format.dateTime(s.at()))
                + (s.liveDiffers() ? "  \u2014  " + texts.get("shift.liveDiffers") : "  \u2014  "
                + texts.get("shift.liveSame"))).orElse(line == null ? "" : texts.get("shift.notSignedOff")));
    }

    // Commands

    /** Selects the stop at {@code index} of the stops table (-1 for none). */
    public void selectStop(int index) {
        selectedStop.set(line == null || index < 0 || index >= line.stops().size() ? null : line.stops().get(index));
    }

    /** Gives the selected stop {@code reason} with an optional note. */
    public void classify(ReasonChoice reason, String note) {
        Downtime stop = selectedStop.get();
        if (book == null || stop == null || reason == null) {
            message.accept(texts.get(stop == null ? "shift.classify.pickStop" : "shift.classify.pickReason"));
            return;
        }
        run(() -> book.classify(report, line.name(), stop, reason.code(), note));
    }

    /** Stores {@code note} as this line's handover note for the shift shown. */
    public void writeHandover(String note) {
        if (book != null && line != null) {
            run(() -> book.handover(report, line.name(), note));
        }
    }

    /** Signs the line's shift off with the user's password entered again; the array is cleared afterwards. */
    public void signOff(char[] password) {
        if (book == null || line == null) {
            Arrays.fill(password, '\0');
            return;
        }
        char[] copy = password.clone();
        Arrays.fill(password, '\0');
        ShiftReport r = report;
        String name = line.name();
        run(() -> {
            try {
                return book.signOff(r, name, copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    private void run(java.util.concurrent.Callable<String> action) {
        tasks.run(action, recompute, failure -> message.accept(texts.get("shift.refused", BackgroundTasks.describe(failure))));
    }
}
