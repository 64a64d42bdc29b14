package io.lineside.ui.shifts;

import io.lineside.ui.Lifecycle;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.telemetry.ConnectionState;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shift review: pick a date and a shift, see per line its OEE, station figures, stops, a Pareto by reason and
 * the output trend, plus the shift's alarm figures; export CSV and PDF. Everything comes from history, so it works
 * with the broker down, and says so ({@link #offlineProperty}). Computation and exports run on {@code background};
 * results arrive through {@code fx}. FX thread only.
 */
public final class ShiftReviewViewModel implements Lifecycle {

    /** Computes a shift from history (and the alarm journal). */
    @FunctionalInterface
    public interface Reports {
        ShiftReport analyze(ShiftPeriod period) throws Exception;
    }

    /** Writes exports as the signed-in user (permission-checked and audited); each returns what happened. */
    public interface Exporter {
        String pdf(ShiftReport report, Path file) throws Exception;

        String csv(ShiftReport report, Path file) throws Exception;
    }

    /**
     * What people add to a shift, permission-checked and audited (decision 0024); each call runs on the background
     * executor and returns what happened, or throws with a message fit to show.
     */
    public interface Book {
        /** The reasons a stop may be given. */
        io.lineside.shifts.ReasonTree reasons();

        String classify(ShiftReport report, String line, Downtime stop, String reason, String note) throws Exception;

        String handover(ShiftReport report, String line, String note) throws Exception;

        String signOff(ShiftReport report, String line, char[] password) throws Exception;
    }

    /** One station's figures as the table shows them. */
    public record StationRow(String station, String parts, String scrap, String run, String down, String unknown,
                             String availability, String performance, String quality, String oee) {
    }

    /** One stop as the table shows it. */
    public record StopRow(String station, String from, String to, String duration, String reason) {
    }

    /**
     * The big figures of the selected line.
     *
     * @param valid   false when the figures are flagged: they are shown marked, never as if they could be signed
     * @param warning why they are flagged (one sentence per reason); empty when valid
     */
    public record Figures(String oee, String availability, String performance, String quality, String counts,
                          boolean valid, String warning) {
    }

    private static final Figures NO_FIGURES = new Figures("\u2014", "\u2014", "\u2014", "\u2014", "", true, "");

    private final ShiftCalendar calendar;
    private final Reports reports;
    private final Exporter exporter;
    private final Supplier<ConnectionState> connection;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private ShiftFormat format;
    private final Clock clock;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<String> shift = new SimpleObjectProperty<>();
    private final ObjectProperty<String> line = new SimpleObjectProperty<>();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<StationRow> stations = FXCollections.observableArrayList();
    private final ObservableList<StopRow> stops = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ShiftReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ShiftReport.Line> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(NO_FIGURES);
    private final ReadOnlyObjectWrapper<List<String>> alarmLines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private Consumer<ShiftPeriod> onShiftShown = p -> { };
    private final ShiftBookViewModel book;
    private String afterCompute; // an action's outcome, kept as the message once the shift is computed again
    private io.lineside.shifts.ReasonTree reasons; // the book's, for the format in a new language
    private String status = ""; // the message the last computation left, to re-word it if it still shows

    public ShiftReviewViewModel(ShiftCalendar calendar, Reports reports, Exporter exporter,
                                Supplier<ConnectionState> connection, Executor background, Executor fx, Texts texts,
                                Clock clock) {
        this.calendar = calendar;
        this.reports = reports;
        this.exporter = exporter;
        this.connection = connection;
        this.tasks = new BackgroundTasks(background, fx);
        this.texts = texts;
        this.format = new ShiftFormat(texts.bundle(), calendar.zone());
        this.clock = clock;
        this.book = new ShiftBookViewModel(tasks, texts, format, outcome -> {
            afterCompute = outcome;
            compute(false);
        }, message::set);
        line.addListener((obs, old, name) -> showLine(name));
        // The shift a supervisor usually wants: the last one that ended.
        calendar.lastEnded(clock.instant()).ifPresentOrElse(p -> {
            date.set(p.date());
            shift.set(p.definition().name());
        }, () -> {
            date.set(clock.instant().atZone(calendar.zone()).toLocalDate());
            shift.set(calendar.isEmpty() ? null : calendar.shifts().getFirst().name());
        });
        pulse(clock.instant());
    }

    /** The shifts of the calendar, by name, in order. */
    public List<String> shiftNames() {
        return calendar.shifts().stream().map(ShiftDefinition::name).toList();
    }

    /** The date the chosen shift starts on. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<String> shiftProperty() {
        return shift;
    }

    /** The line shown; one of {@link #lines()}. */
    public ObjectProperty<String> lineProperty() {
        return line;
    }

    public ObservableList<String> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public ObservableList<StationRow> stations() {
        return FXCollections.unmodifiableObservableList(stations);
    }

    public ObservableList<StopRow> stops() {
        return FXCollections.unmodifiableObservableList(stops);
    }

    /** The last computed shift, or null. */
    public ReadOnlyObjectProperty<ShiftReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The shown line's data (Pareto and output trend feed the charts), or null. */
    public ReadOnlyObjectProperty<ShiftReport.Line> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The shift's alarm figures, one line each. */
    public ReadOnlyObjectProperty<List<String>> alarmLinesProperty() {
        return alarmLines.getReadOnlyProperty();
    }

    /** The shift, its crew, local times with zone and its real length. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** True while the broker is not connected: the review shows history only. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ShiftFormat format() {
        return format;
    }

    /** Reasons, handover note and sign-off of the line shown. */
    public ShiftBookViewModel book() {
        return book;
    }

    /** Lets the review store reasons, handover notes and sign-offs through {@code book}; without it they are off. */
    public void setBook(Book book) {
        this.book.setBook(book);
        this.reasons = book.reasons();
        this.format = format.withReasons(reasons);
    }

    /** Told of each shift shown, so the journal and KPI tabs can show the same range. */
    public void setOnShiftShown(Consumer<ShiftPeriod> handler) {
        this.onShiftShown = handler;
    }

    // Commands

    /** Computes the chosen shift from history; the journal and KPI tabs then follow it ({@link #setOnShiftShown}). */
    public void show() {
        compute(true);
    }

    /**
     * Computes the chosen shift (at first the last one that ended) without moving the journal and KPI tabs: when the
     * review window opens they keep showing recent alarms until the supervisor picks a shift.
     */
    public void showInitial() {
        compute(false);
    }

    private void compute(boolean follow) {
        if (date.get() == null || shift.get() == null) {
            return;
        }
        ShiftPeriod period = calendar.period(date.get(), shift.get());
        if (!period.start().isBefore(clock.instant())) { // nothing can have been recorded yet
            report.set(null);
            header.set(format.header(period));
            lines.clear();
            showLine(null);
            message.set(texts.get("shift.future", format.dateTime(period.start())));
            return;
        }
        message.set(texts.get("shift.computing"));
        tasks.run(() -> reports.analyze(period), computed -> show(computed, follow),
                failure -> message.set(texts.get("shift.failed", BackgroundTasks.describe(failure))));
    }

    /** Writes the shown shift as a PDF report. */
    public void exportPdf(Path file) {
        export(r -> exporter.pdf(r, file));
    }

    /** Writes the shown shift's tables as CSV files named after {@code file}. */
    public void exportCsv(Path file) {
        export(r -> exporter.csv(r, file));
    }

    /** Re-reads the connection state (from the window's pulse). */
    @Override
    public void pulse(Instant now) {
        offline.set(connection.get() != ConnectionState.ONLINE);
    }

    private interface Export {
        String run(ShiftReport report) throws Exception;
    }

    private void export(Export export) {
        ShiftReport r = report.get();
        if (r == null) {
            return;
        }
        tasks.run(() -> export.run(r), message::set,
                failure -> message.set(texts.get("shift.exportFailed", BackgroundTasks.describe(failure))));
    }

    private void show(ShiftReport r, boolean follow) {
        report.set(r);
        header.set(format.header(r.period()));
        status = status(r);
        message.set(afterCompute != null ? afterCompute : status);
        afterCompute = null;
        alarmLines.set(alarmLines(r));
        String keep = line.get();
        lines.setAll(r.lines().stream().map(ShiftReport.Line::name).toList());
        String next = lines.contains(keep) ? keep : lines.isEmpty() ? null : lines.getFirst();
        // Replacing the items may have cleared a bound choice box (and with it this property): set it again.
        line.set(next);
        showLine(next);
        if (follow) {
            onShiftShown.accept(r.period());
        }
    }

    /**
     * Re-words the shift shown in the current language of {@link Texts} (header, figures, tables, alarm figures,
     * reasons, handover and sign-off, and the computation's message if it still shows), without computing again.
     */
    @Override
    public void relocalize() {
        ShiftFormat words = new ShiftFormat(texts.bundle(), calendar.zone());
        format = reasons == null ? words : words.withReasons(reasons);
        ShiftReport r = report.get();
        if (r == null) {
            book.relocalize(format);
            return;
        }
        header.set(format.header(r.period()));
        alarmLines.set(alarmLines(r));
        if (!status.isEmpty() && message.get().equals(status)) {
            message.set(status = status(r));
        }
        book.relocalize(format);
        showLine(line.get());
    }

    private String status(ShiftReport r) {
        boolean running = r.computedAt().isBefore(r.period().end());
        return !r.hasHistory() ? texts.get("shift.noLines")
                : texts.get(running ? "shift.running" : "shift.computed", format.dateTime(r.computedAt()));
    }

    private List<String> alarmLines(ShiftReport r) {
        return List.of(texts.get("shift.alarmCount", r.alarms().size(), r.kpis().annunciations()),
                texts.get("kpi.rate", String.format(java.util.Locale.ROOT, "%.1f", r.kpis().averagePer10Minutes()),
                        r.kpis().peakPer10Minutes()),
                texts.get("kpi.flood", String.format(java.util.Locale.ROOT, "%.1f", r.kpis().percentInFlood())));
    }

    private void showLine(String name) {
        ShiftReport r = report.get();
        ShiftReport.Line l = r == null ? null : r.lines().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElse(null);
        selected.set(l);
        book.show(r, l);
        if (l == null) {
            figures.set(NO_FIGURES);
            stations.clear();
            stops.clear();
            return;
        }
        OeeFigures o = l.oee();
        figures.set(new Figures(format.figure(o.oee(), o), format.figure(o.availability(), o),
                format.figure(o.performance(), o), format.figure(o.quality(), o),
                texts.get("shift.parts") + " " + o.total() + "   " + texts.get("shift.good") + " " + o.good() + "   "
                        + texts.get("shift.scrap") + " " + o.scrap() + "   " + texts.get("shift.runTime") + " "
                        + ShiftFormat.duration(o.runTime()) + "   " + texts.get("shift.downTime") + " "
                        + ShiftFormat.duration(o.downTime()) + "   " + texts.get("shift.unknown") + " "
                        + ShiftFormat.duration(o.unknown()) + " (" + format.percent(o.unknownShare()) + ")"
                        + (o.uncounted() > 0 ? "   " + texts.get("shift.uncounted", o.uncounted()) : ""),
                o.valid(), format.warning(o)));
        stations.setAll(l.stations().stream().map(s -> row(s, s.name().equals(l.output()))).toList());
        stops.setAll(l.stops().stream().map(d -> new StopRow(d.station(), format.time(d.from()), format.time(d.to()),
                ShiftFormat.duration(d.length()), format.reason(d.reason())
                        + (d.note().isEmpty() ? "" : " — " + d.note()))).toList());
    }

    private StationRow row(ShiftReport.Station s, boolean output) {
        OeeFigures o = s.oee();
        return new StationRow(s.name() + (output ? " \u2605" : ""), Long.toString(o.total()), Long.toString(o.scrap()),
                ShiftFormat.duration(o.runTime()), ShiftFormat.duration(o.downTime()), ShiftFormat.duration(o.unknown()),
                format.figure(o.availability(), o), format.figure(o.performance(), o), format.figure(o.quality(), o),
                format.figure(o.oee(), o));
    }

    /** The Pareto bars of the shown line, for the chart. */
    public List<Downtime.ParetoBar> pareto() {
        return selected.get() == null ? List.of() : selected.get().pareto();
    }
}
