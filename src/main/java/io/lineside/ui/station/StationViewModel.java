package io.lineside.ui.station;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.history.TrendBucket;
import io.lineside.shifts.GapRule;
import io.lineside.shifts.StateSpan;
import io.lineside.stations.SignalDescription;
import io.lineside.stations.SignalKind;
import io.lineside.stations.SignalRole;
import io.lineside.stations.StationCatalog;
import io.lineside.stations.StationDescription;
import io.lineside.tags.DirtyTracker;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import io.lineside.ui.task.BackgroundTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A station's faceplate (ISA-101 level 3): its state, key values as analog bars, its state timeline over the last
 * 8 hours, 15-minute mini-trends of its numeric values and its active alarms.
 *
 * <p>What it shows comes from the station model ({@link StationCatalog}): every signal of the station appears, the
 * STATE role as the state, GOOD_COUNT and SCRAP_COUNT as counts, the rest as bars where a range or limits are
 * known and plain values otherwise, each with its unit and decimals.
 *
 * <p>FX thread only. Live values come from the tag store through a {@link DirtyTracker}: a pulse reads only this
 * station's tags that changed; history is
 * read on the background executor ({@link #TRENDS_EVERY}, {@link #TIMELINE_EVERY}) and lands through the FX one.
 * A load that returns after {@link #dispose()} is dropped.
 */
public final class StationViewModel {

    public static final Duration TIMELINE_SPAN = Duration.ofHours(8);
    public static final Duration TREND_SPAN = Duration.ofMinutes(15);
    static final Duration TRENDS_EVERY = Duration.ofSeconds(5);
    static final Duration TIMELINE_EVERY = Duration.ofSeconds(30);
    /** The timeline starts where history starts (nothing was recorded before), but spans at least this. */
    static final Duration TIMELINE_MIN_SPAN = Duration.ofMinutes(5);
    static final int TREND_POINTS = 90;
    /** Mini-trends, too, start where history starts, spanning at least this. */
    static final Duration TREND_MIN_SPAN = Duration.ofMinutes(2);

    private final StationId station;
    private final TagStore store;
    private final StationCatalog catalog;
    private final DirtyTracker tracker;
    private StationDescription description;
    private final StationHistory history;
    /** History reads: one slot each, so a pulse never stacks a second read of the same kind. */
    private final BackgroundTasks.Latest trendRead;
    private final BackgroundTasks.Latest timelineRead;
    private final Texts texts;
    private final Map<String, GaugeViewModel> gaugesBySignal = new LinkedHashMap<>();
    private final ObservableList<GaugeViewModel> gauges = FXCollections.observableArrayList();
    private final FilteredList<AlarmRow> alarms;
    private final ReadOnlyObjectWrapper<StationState> state = new ReadOnlyObjectWrapper<>(StationState.UNKNOWN);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<StateBand>> timeline = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Map<String, List<Double>>> trends = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper historyMessage = new ReadOnlyStringWrapper();
    private java.util.function.UnaryOperator<Instant> timelineStart = now -> now.minus(TIMELINE_SPAN);
    /** The one gap rule of shifts and OEE: how long a state sample holds without the next (see {@link GapRule}). */
    private Duration stateHold = GapRule.DEFAULT.holdFor();
    private Consumer<StationId> onOpenTrend = id -> { };
    private boolean trendOffered = true;
    private Consumer<StationId> onOpenDiagnostics = id -> { };
    private TagValue shownState;
    private String parts = "";
    private String scrap = "";
    /** False until the first pulse has read every tag the station has so far (the tracker reports changes only). */
    private boolean primed;
    private Instant lastTrends = Instant.EPOCH;
    private Instant lastTimeline = Instant.EPOCH;
    private CommandControlsViewModel commands;

    /**
     * @param alarmRows the alarm summary's rows (all stations); the faceplate shows this station's
     * @param background runs history reads; {@code fx} brings their results back
     */
    public StationViewModel(StationId station, TagStore store, List<AlarmDefinition> definitions,
                            ObservableList<AlarmRow> alarmRows, StationHistory history, Executor background,
                            Executor fx, Texts texts) {
        this(station, store, StationCatalog.generic(definitions, store), alarmRows, history, background, fx, texts);
    }

    /** @param catalog the station model: what the station's signals are and how to show them */
    public StationViewModel(StationId station, TagStore store, StationCatalog catalog,
                            ObservableList<AlarmRow> alarmRows, StationHistory history, Executor background,
                            Executor fx, Texts texts) {
        this.station = station;
        this.store = store;
        this.catalog = catalog;
        this.tracker = store.newTracker();
        this.history = history;
        BackgroundTasks reads = new BackgroundTasks(background, fx);
        this.trendRead = reads.latest();
        this.timelineRead = reads.latest();
        this.texts = texts;
        this.alarms = new FilteredList<>(alarmRows, row -> row.alarm().definition().station().equals(station));
        stateText.set(texts.get("state." + StationState.UNKNOWN.name()));
        historyMessage.set(texts.get("station.loading"));
        redescribe();
    }

    /** The station as the model describes it now (it grows when a signal nobody described arrives). */
    public StationDescription description() {
        return description;
    }

    public StationId station() {
        return station;
    }

    /** "line-1 / press". */
    public String title() {
        return station.line() + " / " + station.station();
    }

    public ReadOnlyObjectProperty<StationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** "Parts 1,234", or empty when the station has no counter. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Every value of the station but its state and counts, in the model's order: bars or plain values. */
    public ObservableList<GaugeViewModel> gauges() {
        return FXCollections.unmodifiableObservableList(gauges);
    }

    /** This station's rows of the alarm summary, live. */
    public ObservableList<AlarmRow> alarms() {
        return alarms;
    }

    /** What the operator is told for {@code row}'s alarm: cause, consequence, corrective action, time to respond. */
    public String guidance(AlarmRow row) {
        return io.lineside.ui.alarms.AlarmGuidanceText.of(row.alarm().definition(), texts);
    }

    /**
     * The state over the last {@link #TIMELINE_SPAN}, oldest first, covering it without holes; it starts later when
     * history does (but spans {@link #TIMELINE_MIN_SPAN} at least), so a young history is not a hairline.
     */
    public ReadOnlyObjectProperty<List<StateBand>> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /**
     * Each numeric signal's last {@link #TREND_SPAN} (from where history starts if later, spanning
     * {@link #TREND_MIN_SPAN} at least): one value per point, NaN where there is none.
     */
    public ReadOnlyObjectProperty<Map<String, List<Double>>> trendsProperty() {
        return trends.getReadOnlyProperty();
    }

    /** Loading, an error or "no history", in operator words; empty when the history is shown. */
    public ReadOnlyStringProperty historyMessageProperty() {
        return historyMessage.getReadOnlyProperty();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Where the timeline starts as of a given instant: the current shift's start when the plant has a shift
     * calendar; by default {@link #TIMELINE_SPAN} before. A start not before now falls back to the default.
     */
    public void setTimelineStart(java.util.function.UnaryOperator<Instant> start) {
        this.timelineStart = start;
    }

    /**
     * How long a state sample holds without the next: the station's one gap rule, as the shift review and OEE use it
     * ({@link io.lineside.shifts.OeeSettings#staleAfter()}); {@link GapRule#DEFAULT} until set.
     */
    public void setStateHold(Duration hold) {
        if (!hold.isPositive()) {
            throw new IllegalArgumentException("need a positive hold, got " + hold);
        }
        this.stateHold = hold;
    }

    public void setOnOpenTrend(Consumer<StationId> handler) {
        this.onOpenTrend = handler == null ? id -> { } : handler;
        this.trendOffered = handler != null;
    }

    public void setOnOpenDiagnostics(Consumer<StationId> handler) {
        this.onOpenDiagnostics = handler;
    }

    // Commands

    /** False where no full trend can be opened (a replay: the trend window is live); the view hides its button. */
    public boolean canOpenTrend() {
        return trendOffered;
    }

    public void openTrend() {
        onOpenTrend.accept(station);
    }

    public void openDiagnostics() {
        onOpenDiagnostics.accept(station);
    }

    /** Shows the latest values and reloads history when due. FX thread only. */
    public void pulse(Instant now) {
        if (!primed) { // once: what the station sent before this view opened
            primed = true;
            for (TagPath path : store.paths()) {
                if (path.stationId().equals(station)) {
                    take(path.signal(), store.get(path), now);
                }
            }
        }
        tracker.drain(path -> {
            if (path.stationId().equals(station)) {
                take(path.signal(), store.get(path), now);
            }
        });
        gaugesBySignal.values().forEach(g -> g.show(null, now)); // ages move on without new values
        // abs: a replay's cursor also jumps back, and its sparklines and timeline must follow it there
        if (!trendRead.running() && Duration.between(lastTrends, now).abs().compareTo(TRENDS_EVERY) >= 0) {
            loadTrends(now);
        }
        if (!timelineRead.running() && Duration.between(lastTimeline, now).abs().compareTo(TIMELINE_EVERY) >= 0) {
            loadTimeline(now);
        }
        if (commands != null) {
            commands.refresh();
        }
    }

    /** The station's writable signals (operator commands), set before the view loads; none by default. */
    public void setCommands(CommandControlsViewModel commands) {
        this.commands = commands;
    }

    /** The command section, or null when the station has no writable signal. */
    public CommandControlsViewModel commands() {
        return commands;
    }

    /** Drops history reads still running; the view-model is not used again. */
    public void dispose() {
        trendRead.cancel();
        timelineRead.cancel();
        tracker.close();
        if (commands != null) {
            commands.dispose();
        }
    }

    private void take(String signal, TagValue value, Instant now) {
        if (value == null) {
            return;
        }
        SignalDescription d = description.signal(signal).orElse(null);
        if (d == null) { // a signal nobody described (or not yet): it is shown, generic
            redescribe();
            d = description.signal(signal).orElse(null);
            if (d == null) {
                return;
            }
        }
        if (d.has(SignalRole.STATE)) {
            if (value != shownState) {
                shownState = value;
                StationState s = value.quality() == Quality.BAD ? StationState.UNKNOWN : StationState.of(value);
                if (s != state.get()) {
                    state.set(s);
                    stateText.set(texts.get("state." + s.name()));
                }
            }
        } else if (d.has(SignalRole.GOOD_COUNT) || d.has(SignalRole.SCRAP_COUNT)) {
            String count = value.quality() == Quality.BAD ? Texts.number(Double.NaN) : d.format(value.number());
            if (d.has(SignalRole.GOOD_COUNT)) {
                parts = countLabel(d, "tile.cycles") + " " + count;
            } else {
                scrap = countLabel(d, "shift.scrap") + " " + count;
            }
            String text = scrap.isEmpty() ? parts : parts.isEmpty() ? scrap : parts + "   " + scrap;
            if (!text.equals(countText.get())) {
                countText.set(text);
            }
        } else {
            GaugeViewModel g = gaugesBySignal.get(signal);
            if (g != null) {
                g.show(value, now);
            }
        }
    }

    /** Re-reads the station model and adds a gauge for each value it did not have. */
    private void redescribe() {
        description = catalog.describe(station);
        for (SignalDescription d : description.values()) {
            if (!gaugesBySignal.containsKey(d.name())) {
                GaugeViewModel g = new GaugeViewModel(d, texts);
                gaugesBySignal.put(d.name(), g);
                gauges.add(g);
            }
        }
    }

    /** A counter's own label, or the HMI's word for its role ("Parts", "Scrap") when it has none. */
    private String countLabel(SignalDescription d, String roleWord) {
        return d.label().isEmpty() ? texts.get(roleWord) : d.label(Locale.forLanguageTag(texts.language()));
    }

    private void loadTrends(Instant now) {
        List<String> signals = gaugesBySignal.values().stream()
                .filter(g -> g.description().kind() == SignalKind.ANALOG).map(GaugeViewModel::signal).toList();
        if (signals.isEmpty()) {
            return;
        }
        lastTrends = now;
        Instant from = now.minus(TREND_SPAN);
        trendRead.run(() -> {
            Map<String, List<Double>> out = new HashMap<>();
            String error = null;
            for (String signal : signals) {
                try {
                    TagPath path = station.signal(signal);
                    List<TrendBucket> buckets = history.trend(path, from, now, TREND_POINTS);
                    Instant start = buckets.isEmpty() ? from
                            : latest(from, earliest(buckets.getFirst().start(), now.minus(TREND_MIN_SPAN)));
                    if (start.isAfter(from)) { // a young history: read again at a finer grain
                        buckets = history.trend(path, start, now, TREND_POINTS);
                    }
                    out.put(signal, points(buckets, start, now));
                } catch (Exception e) {
                    error = e.getMessage();
                }
            }
            return new Read<>(out, error);
        }, read -> {
            read.value().forEach((signal, points) -> {
                GaugeViewModel g = gaugesBySignal.get(signal);
                if (g != null) { // a station stopped now still ran at speed minutes ago: keep that in range
                    points.stream().filter(v -> !Double.isNaN(v)).max(Double::compare).ifPresent(g::fit);
                }
            });
            trends.set(Map.copyOf(read.value()));
            if (read.failure() != null) {
                historyMessage.set(texts.get("station.historyError", read.failure()));
            }
        }, this::historyFailed);
    }

    /** The signal with the STATE role (its conventional name when the station has none yet). */
    private String stateSignal() {
        return description.withRole(SignalRole.STATE).map(SignalDescription::name)
                .orElse(SignalRole.STATE.conventionalName());
    }

    /** One value per point across {@code [from, to)}: a bucket's last GOOD value, NaN where there is none. */
    static List<Double> points(List<TrendBucket> buckets, Instant from, Instant to) {
        List<Double> out = new ArrayList<>(java.util.Collections.nCopies(TREND_POINTS, Double.NaN));
        long span = Duration.between(from, to).toMillis();
        for (TrendBucket b : buckets) {
            int i = (int) Math.min(TREND_POINTS - 1, Duration.between(from, b.start()).toMillis() * TREND_POINTS / span);
            if (i >= 0 && b.hasGoodValues()) {
                out.set(i, b.last());
            }
        }
        return out;
    }

    private void loadTimeline(Instant now) {
        lastTimeline = now;
        Instant shiftStart = timelineStart.apply(now);
        Instant from = shiftStart != null && shiftStart.isBefore(now) ? shiftStart : now.minus(TIMELINE_SPAN);
        TagPath statePath = station.signal(stateSignal());
        Duration hold = stateHold;
        timelineRead.run(() -> {
            List<StateBand> bands;
            String error = null;
            try {
                List<StateSpan> spans = history.states(statePath, from, now, hold);
                Instant first = spans.stream().filter(x -> x.state() != StationState.UNKNOWN).findFirst()
                        .map(StateSpan::from).orElse(null);
                Instant start = first == null ? from : latest(from, earliest(first, now.minus(TIMELINE_MIN_SPAN)));
                bands = StateBand.of(spans, start, now);
            } catch (Exception e) {
                bands = List.of();
                error = e.getMessage();
            }
            return new Read<>(bands, error);
        }, read -> {
            timeline.set(read.value());
            historyMessage.set(read.failure() != null ? texts.get("station.historyError", read.failure())
                    : read.value().stream().allMatch(b -> b.state() == null) ? texts.get("station.noHistory") : "");
        }, this::historyFailed);
    }

    /** What a history read found, and the last error of a part it could not read (null when all were read). */
    private record Read<T>(T value, String failure) {
    }

    /** A read that failed as a whole (an Error, a refused executor): said, not swallowed. */
    private void historyFailed(Throwable failure) {
        historyMessage.set(texts.get("station.historyError", BackgroundTasks.describe(failure)));
    }
}
