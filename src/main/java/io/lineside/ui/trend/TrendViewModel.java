package io.lineside.ui.trend;

import io.lineside.ui.Lifecycle;
import io.lineside.history.TrendBucket;
import io.lineside.tags.StationId;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A multi-pen trend: which tags (pens), which window, live (the window follows now) or historical (panned, zoomed or
 * opened around an event), and the down-sampled data to draw. Queries run on {@code background}, one at a time; a
 * newer request supersedes an older one (its result is dropped, its remaining pens are not read). Results land
 * through {@code fx}. Methods are FX thread only (in tests: the thread that runs both executors).
 *
 * <p>Entry points: {@link #open} (a station, live, last 15 min), {@link #openAround} (± a span around an alarm,
 * historical) and {@link #show} (any pens over any window, historical; for the shift review).
 */
public final class TrendViewModel implements Lifecycle {

    /** Writes the shown data to a file and says what it did; may refuse (permissions). Called off the FX thread. */
    @FunctionalInterface
    public interface Exporter {
        String export(TrendData data, Path file) throws Exception;
    }

    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Range presets offered by the toolbar. */
    public static final List<Duration> PRESETS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(8), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30));
    /** Pens up to this many get a y-axis each; more share one axis per unit. */
    public static final int MAX_OWN_AXES = 8;
    /** Live mode re-reads the window at most this often. */
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** Buckets until the chart reports its pixel width. */
    static final int DEFAULT_WIDTH = 300;
    /** What a station is: its trended signals are the default pens (none until a station model is given). */
    private java.util.function.Function<StationId, io.lineside.stations.StationDescription> stations =
            id -> new io.lineside.stations.StationDescription(id, List.of());

    private final TrendSource source;
    /** Queries, whose busy flag the view shows; one slot, so a newer request supersedes an older one. */
    private final BackgroundTasks queries;
    private final BackgroundTasks.Latest query;
    /** Exports, which run beside the live refresh and show their outcome as the message only. */
    private final BackgroundTasks exports;
    private final Texts texts;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TrendRange> range = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrendData> data = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TrendPen> pens = FXCollections.observableArrayList();
    private final ObservableList<TagPath> candidates = FXCollections.observableArrayList();
    // One read-only view each: a wrapper made per call would drop its listeners when it is collected.
    private final ObservableList<TrendPen> pensView = FXCollections.unmodifiableObservableList(pens);
    private final ObservableList<TagPath> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private Exporter exporter;
    /** The open station, whose other tags become pen candidates once a query has listed them. */
    private StationId station;
    private boolean candidatesLoaded;
    private int width = DEFAULT_WIDTH;
    private Instant lastRequest = Instant.EPOCH;
    /** The latest "now" seen (open or pulse), for commands the operator gives between pulses. */
    private Instant now = Instant.EPOCH;

    private record Request(List<TrendPen> pens, TrendRange range, int buckets, StationId candidatesOf) {
    }

    /** What a query read: one bucket list and one gap list per pen, the alarm marks, the station's other tags. */
    private record Answer(List<List<TrendBucket>> buckets, List<List<TagGap>> gaps, List<TrendAlarmMark> marks,
                          List<TagPath> tags) {
    }

    /**
     * Where the alarm marks come from (the alarm journal). {@link #marks} is called on the background executor with
     * each query; {@link #revision} on the FX thread once per pulse, so it must be cheap (a counter).
     */
    public interface AlarmMarks {
        /** The occurrences of the alarms on {@code tags} within {@code range}. */
        List<TrendAlarmMark> marks(List<TagPath> tags, TrendRange range) throws Exception;

        /** Goes up when the journal has a new event; a shown window is read again (at most once per refresh). */
        long revision();
    }

    private AlarmMarks alarmMarks;
    /** The journal revision the last request was made at. */
    private long marksRevision;

    public TrendViewModel(TrendSource source, Executor background, Executor fx, Texts texts, ZoneId zone) {
        this.source = source;
        this.queries = new BackgroundTasks(background, fx);
        this.query = queries.latest();
        this.exports = new BackgroundTasks(background, fx);
        this.texts = texts;
        this.zone = zone;
        this.exporter = this::writeCsv;
        message.set(texts.get("trend.empty"));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** A hint, an error (the history's own message) or an export outcome; empty when the chart speaks for itself. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a query runs or waits; bind a progress indicator to it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return queries.busyProperty();
    }

    /** True while the window follows now; panning or zooming switches to historical. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The window asked for (the data may still show the previous one while a query runs). */
    public ReadOnlyObjectProperty<TrendRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** What the chart draws; null until the first query answered. */
    public ReadOnlyObjectProperty<TrendData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The pens shown, in legend order. Read-only for views: change them through {@link #addPen}/{@link #removePen}. */
    public ObservableList<TrendPen> pens() {
        return pensView;
    }

    /** Tags of the open station with history that are not yet pens (what "add pen" offers). */
    public ObservableList<TagPath> candidates() {
        return candidatesView;
    }

    /** Marks the alarms of the pens' tags on the time axis, from {@code marks} (applies from the next query). */
    public void setAlarmMarks(AlarmMarks marks) {
        this.alarmMarks = marks;
    }

    /** Replaces the default exporter (a plain CSV file) with one that checks permissions and audits. */
    public void setExporter(Exporter exporter) {
        this.exporter = exporter;
    }

    // Commands

    /** Shows {@code id}'s default signals over the last 15 minutes, live. */
    public void open(StationId id, Instant now) {
        this.now = now;
        start(id, texts.get("trend.stationTitle", id.line() + " / " + id.station()), stationPens(id),
                TrendRange.ending(now, WINDOW), true);
    }

    /** Shows {@code id}'s default signals from {@code span} before to {@code span} after {@code time}, historical. */
    public void openAround(StationId id, Instant time, Duration span, Instant now, String timeText) {
        this.now = now;
        start(id, texts.get("trend.alarmTitle", id.line() + " / " + id.station(), timeText), stationPens(id),
                new TrendRange(time.minus(span), time.plus(span)), false);
    }

    /**
     * Shows {@code paths} over {@code [from, to)}, historical; the shift review's entry point. Labels are the
     * signal names, units from the bundle ({@code unit.<signal>}) where it has one.
     */
    public void show(List<TagPath> paths, Instant from, Instant to, String heading) {
        start(null, heading, paths.stream().map(this::pen).toList(), new TrendRange(from, to), false);
    }

    /** The chart's plot width in pixels: one bucket per pixel column. Re-queries when it changed. */
    public void setWidth(int pixels) {
        int w = Math.max(10, pixels);
        if (w != width) {
            width = w;
            if (!pens.isEmpty()) {
                request(range.get());
            }
        }
    }

    /** Mouse wheel: zooms by {@code factor} (below 1 = in) around the position {@code anchor} (0..1); historical. */
    public void zoom(double anchor, double factor) {
        historical(range.get().zoomAround(anchor, factor));
    }

    /** Drag: moves the window by {@code fraction} of its width (positive = later); historical. */
    public void pan(double fraction) {
        historical(range.get().panBy(fraction));
    }

    /** Box drag: shows the part between two positions (0..1); historical. */
    public void zoomTo(double a, double b) {
        historical(range.get().select(a, b));
    }

    /** A preset span: ending now while live, else ending where the window ends now. */
    public void preset(Duration span, Instant now) {
        if (range.get() != null) {
            request(TrendRange.ending(live.get() ? now : range.get().to(), span));
        }
    }

    /** {@link #preset(Duration, Instant)} at the latest pulse's time. */
    public void preset(Duration span) {
        preset(span, now);
    }

    /** {@link #goLive(Instant)} at the latest pulse's time. */
    public void goLive() {
        goLive(now);
    }

    /** Back to live: the current span, ending now. */
    public void goLive(Instant now) {
        if (range.get() != null) {
            live.set(true);
            request(range.get().endingAt(now));
        }
    }

    public void addPen(TagPath path) {
        if (pens.stream().noneMatch(p -> p.path().equals(path))) {
            pens.add(pen(path));
            candidates.remove(path);
            request(range.get());
        }
    }

    public void removePen(TagPath path) {
        if (pens.removeIf(p -> p.path().equals(path))) {
            candidates.add(path);
            request(range.get());
        }
    }

    /**
     * Live mode: re-reads the window ending {@code now}, never stacked, at most once per {@link #REFRESH} or per
     * bucket width if that is longer (an 8 h window on 1,600 px moves one pixel per 18 s; reading it sooner would
     * change nothing visible and keep the database busy).
     */
    @Override
    public void pulse(Instant now) {
        this.now = now;
        if (queries.busyProperty().get() || range.get() == null || pens.isEmpty() && !live.get()) {
            return;
        }
        Duration since = Duration.between(lastRequest, now);
        if (live.get() && since.compareTo(refreshInterval()) >= 0) {
            request(range.get().endingAt(now));
        } else if (alarmMarks != null && alarmMarks.revision() != marksRevision && since.compareTo(REFRESH) >= 0) {
            request(range.get()); // a new journal event: its mark may belong in this window (live or not)
        }
    }

    /** How often live mode re-reads: {@link #REFRESH}, or one bucket width when that is longer. */
    Duration refreshInterval() {
        Duration bucket = range.get().span().dividedBy(width);
        return bucket.compareTo(REFRESH) > 0 ? bucket : REFRESH;
    }

    /** Writes the shown buckets to {@code file} off the FX thread; the outcome appears as the message. */
    public void export(Path file) {
        TrendData shown = data.get();
        if (shown == null) {
            return;
        }
        exports.run(() -> exporter.export(shown, file), message::set,
                failure -> message.set(texts.get("trend.exportFailed", BackgroundTasks.describe(failure))));
    }

    /** Re-words the hint shown before any station is opened, in Texts' current language (after a language switch). */
    @Override
    public void relocalize() {
        if (station == null) {
            message.set(texts.get("trend.empty"));
        }
    }

    /** Stops live updates and drops any answer still on its way. */
    @Override
    public void dispose() {
        live.set(false);
        query.cancel();
    }

    private void start(StationId id, String heading, List<TrendPen> initial, TrendRange window, boolean follow) {
        station = id;
        candidatesLoaded = false;
        title.set(heading);
        message.set(texts.get("trend.loading"));
        data.set(null);
        pens.setAll(initial);
        candidates.clear();
        live.set(follow);
        request(window);
    }

    private void historical(TrendRange window) {
        if (range.get() != null) {
            live.set(false);
            request(window);
        }
    }

    private void request(TrendRange window) {
        range.set(window);
        lastRequest = now;
        if (alarmMarks != null) {
            marksRevision = alarmMarks.revision();
        }
        Request r = new Request(List.copyOf(pens), window, width, candidatesLoaded ? null : station);
        AlarmMarks markSource = alarmMarks;
        query.run(superseded -> read(r, markSource, superseded), answer -> finished(r, answer),
                failure -> message.set(texts.get("trend.failed", BackgroundTasks.describe(failure))));
    }

    /** Background thread: stops reading pens once superseded (its answer will be dropped anyway). */
    private Answer read(Request r, AlarmMarks markSource, BooleanSupplier superseded) throws Exception {
        List<List<TrendBucket>> buckets = new ArrayList<>();
        List<List<TagGap>> gaps = new ArrayList<>();
        for (TrendPen pen : r.pens()) {
            if (superseded.getAsBoolean()) {
                return null;
            }
            buckets.add(source.trend(pen.path(), r.range().from(), r.range().to(), r.buckets()));
            gaps.add(source.gaps(pen.path(), r.range().from(), r.range().to()));
        }
        List<TrendAlarmMark> marks = List.of();
        if (markSource != null && !r.pens().isEmpty() && !superseded.getAsBoolean()) {
            marks = markSource.marks(r.pens().stream().map(TrendPen::path).toList(), r.range());
        }
        List<TagPath> more = List.of();
        if (r.candidatesOf() != null && !superseded.getAsBoolean()) {
            more = source.tags().stream().filter(t -> t.stationId().equals(r.candidatesOf())).toList();
        }
        return new Answer(buckets, gaps, marks, more);
    }

    private void finished(Request r, Answer answer) {
        TrendData result = new TrendData(r.pens(), r.range(), answer.buckets(), answer.gaps(), answer.marks());
        message.set(result.isEmpty() ? texts.get("trend.noData") : "");
        data.set(result);
        if (r.candidatesOf() != null && r.candidatesOf().equals(station)) {
            candidatesLoaded = true;
            candidates.setAll(answer.tags().stream()
                    .filter(t -> pens.stream().noneMatch(p -> p.path().equals(t))).toList());
        }
    }

    /** The station model whose trended signals become a station's default pens, with their labels and units. */
    public void setStationModel(java.util.function.Function<StationId, io.lineside.stations.StationDescription> model) {
        this.stations = model;
    }

    private List<TrendPen> stationPens(StationId id) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(texts.language());
        return stations.apply(id).trended().stream()
                .map(s -> new TrendPen(id.signal(s.name()), id.station() + " " + s.label(locale), s.unit(locale)))
                .toList();
    }

    private TrendPen pen(TagPath path) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(texts.language());
        return stations.apply(path.stationId()).signal(path.signal())
                .map(s -> new TrendPen(path, path.station() + " " + s.label(locale), s.unit(locale)))
                .orElseGet(() -> new TrendPen(path, path.station() + " " + path.signal(), ""));
    }

    private String writeCsv(TrendData shown, Path file) throws Exception {
        // Written beside the target and moved into place: a failed export never leaves half a file.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            TrendCsv.write(shown, zone, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return texts.get("trend.exported", TrendCsv.rows(shown.buckets()), file);
    }
}
