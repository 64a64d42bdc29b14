package io.lineside.ui.plant;

import io.lineside.ui.Lifecycle;
import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.stations.SignalRole;
import io.lineside.tags.DirtyTracker;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.nav.LineId;
import io.lineside.ui.task.BackgroundTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plant overview (ISA-101 level 1): one summary tile per line, discovered from the tags as they arrive.
 *
 * <p>Output is counted at each line's last station (the last to report, which in a line publishing in flow order
 * is the end of the line) from its {@code cycles} counter: the increments since the period began, a counter that
 * restarts from zero counted on from there. The period is the shift running now when {@link #countFromHistory} is
 * set (what the counter rose by in history before this view-model saw it is added, so a restart of the HMI does
 * not reset the count), else the time since the counter was first seen. The target is the line's rate (parts per
 * hour) times the time since the period began, so output and target always cover the same span.
 *
 * <p>FX thread only. {@link #pulse} drains the changed tags once and touches only the lines they belong to;
 * target and alarms are re-read once a second and on a new alarm snapshot.
 */
public final class PlantViewModel implements Lifecycle {

    /** The signals a line tile reads, by the roles' conventional names (the station model's vocabulary). */
    private static final String STATE = SignalRole.STATE.conventionalName();
    private static final String GOOD_COUNT = SignalRole.GOOD_COUNT.conventionalName();

    static final Duration REFRESH = Duration.ofSeconds(1);

    private final TagStore store;
    private final DirtyTracker tracker;
    private final Supplier<AlarmSnapshot> alarms;
    private final ToDoubleFunction<LineId> targetPerHour;
    private final Texts texts;
    private final Map<LineId, Line> linesById = new LinkedHashMap<>();
    private final ObservableList<LineTileViewModel> lines = FXCollections.observableArrayList();
    private final ObservableList<LineTileViewModel> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final Set<Line> changed = new HashSet<>();
    private Consumer<LineId> onOpenLine = id -> { };
    private java.util.function.Predicate<StationId> shown = id -> true;
    private AlarmSnapshot lastAlarms;
    private Instant lastRefresh = Instant.EPOCH;
    private OutputHistory history;
    private UnaryOperator<Instant> periodStart = now -> null;
    /** Reads of output before start; nothing shows them as busy (the tile counts on while they run). */
    private BackgroundTasks reads = BackgroundTasks.sameThread();

    /** @param targetPerHour each line's target rate in parts per hour; NaN (or not positive) when the plant has none */
    public PlantViewModel(TagStore store, Supplier<AlarmSnapshot> alarms, ToDoubleFunction<LineId> targetPerHour,
                          Texts texts) {
        this.store = store;
        this.tracker = store.newTracker();
        this.alarms = alarms;
        this.targetPerHour = targetPerHour;
        this.texts = texts;
    }

    /** The line tiles in the order their first station reported. */
    public ObservableList<LineTileViewModel> lines() {
        return readOnlyLines;
    }

    /** Who opens a line's view when the operator clicks its tile. */
    public void setOnOpenLine(Consumer<LineId> handler) {
        this.onOpenLine = handler;
    }

    /** Counts only the stations {@code filter} accepts (a workstation's configured areas and lines). */
    public void showOnly(java.util.function.Predicate<StationId> filter) {
        this.shown = filter;
    }

    /**
     * Counts output over the shift running now (by {@code periodStart}; null when none is running: then since first
     * seen), from history first: a counter's increase in history before its first live value is read on
     * {@code background} and added through {@code fx}. Call before the first pulse.
     */
    public void countFromHistory(OutputHistory history, UnaryOperator<Instant> periodStart, Executor background,
                                 Executor fx) {
        this.history = history;
        this.periodStart = periodStart;
        this.reads = new BackgroundTasks(background, fx);
    }

    // Commands

    /** Applies what changed since the last pulse. FX thread only. */
    @Override
    public void pulse(Instant now) {
        tracker.drain(path -> take(path, now));
        AlarmSnapshot snapshot = alarms.get();
        boolean due = Duration.between(lastRefresh, now).compareTo(REFRESH) >= 0;
        if (snapshot != lastAlarms || due) {
            lastAlarms = snapshot;
            lastRefresh = now;
            Map<LineId, AlarmCount> counts = count(snapshot);
            for (Line line : linesById.values()) {
                line.alarms = counts.getOrDefault(line.tile.id(), AlarmCount.none());
                changed.add(line);
            }
        }
        for (Line line : changed) {
            line.show(now);
        }
        changed.clear();
    }

    /** Re-words every tile in the current language of {@link Texts} at the next pulse. FX thread only. */
    @Override
    public void relocalize() {
        for (Line line : linesById.values()) {
            line.tile.relocalize();
            changed.add(line);
        }
    }

    /** Stops listening to the store. */
    @Override
    public void dispose() {
        tracker.close();
    }

    private void take(TagPath path, Instant now) {
        String signal = path.signal();
        if (!signal.equals(STATE) && !signal.equals(GOOD_COUNT)) {
            return;
        }
        StationId station = path.stationId();
        if (!shown.test(station)) {
            return;
        }
        Line line = linesById.computeIfAbsent(LineId.of(station), id -> newLine(id, now));
        TagValue value = store.get(path);
        if (signal.equals(STATE)) {
            line.states.put(station.station(), value.quality() == Quality.BAD ? StationState.UNKNOWN
                    : StationState.of(value));
            line.qualities.put(station.station(), value.quality());
        } else {
            line.count(path, value);
        }
        changed.add(line);
    }

    private Line newLine(LineId id, Instant now) {
        Line line = new Line(new LineTileViewModel(id, texts, onOpen()), periodAt(now));
        line.alarms = lastAlarms == null ? AlarmCount.none()
                : count(lastAlarms).getOrDefault(id, AlarmCount.none());
        lines.add(line.tile);
        return line;
    }

    /** Where the period counted at {@code now} starts: the running shift's start, else {@code now}. */
    private Instant periodAt(Instant now) {
        Instant start = periodStart.apply(now);
        return start != null && !start.isAfter(now) ? start : now;
    }

    private Consumer<LineId> onOpen() {
        return id -> onOpenLine.accept(id);
    }

    private static Map<LineId, AlarmCount> count(AlarmSnapshot snapshot) {
        Map<LineId, AlarmCount> out = new HashMap<>();
        for (ActiveAlarm a : snapshot.alarms()) {
            out.merge(LineId.of(a.definition().station()), AlarmCount.none().plus(a.priority()),
                    (x, y) -> x.plus(a.priority()));
        }
        return out;
    }

    /** What the overview knows of one line. */
    private final class Line {
        final LineTileViewModel tile;
        Instant since;
        final Map<String, StationState> states = new LinkedHashMap<>();
        /** The quality of each station's state signal: a stale "running" is not a running line. */
        final Map<String, Quality> qualities = new HashMap<>();
        /** Stations in the order their counter first reported: the last is the end of the line. */
        final Map<String, Counter> counters = new LinkedHashMap<>();
        AlarmCount alarms = AlarmCount.none();

        Line(LineTileViewModel tile, Instant since) {
            this.tile = tile;
            this.since = since;
        }

        void count(TagPath path, TagValue value) {
            String station = path.stationId().station();
            states.putIfAbsent(station, StationState.UNKNOWN);
            double v = value.number();
            if (value.quality() != Quality.BAD && !Double.isNaN(v)) {
                Counter counter = counters.get(station);
                if (counter == null) {
                    counter = new Counter();
                    counters.put(station, counter);
                    loadBefore(counter, path, value.sourceTime());
                }
                counter.take(v);
            }
        }

        /** Adds what {@code counter} counted in history since the period began, up to its first live value. */
        private void loadBefore(Counter counter, TagPath path, Instant firstLive) {
            Instant from = since;
            if (history == null || !from.isBefore(firstLive)) {
                return;
            }
            OutputHistory source = history;
            // the live value may be stored: read up to just after it
            reads.run(() -> source.produced(path, from, firstLive.plusMillis(1)), before -> {
                if (since.equals(from)) { // not a shift ago
                    counter.total += before;
                    changed.add(this);
                }
            }, failure -> System.getLogger(PlantViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "output of " + path + " before start not read: " + BackgroundTasks.describe(failure)));
        }

        /** A new shift began: its output counts from zero. */
        void rollOver(Instant now) {
            Instant start = periodAt(now);
            if (history != null && start.isAfter(since)) {
                since = start;
                counters.values().forEach(c -> c.total = 0);
            }
        }

        void show(Instant now) {
            rollOver(now);
            StationState worst = StationState.RUNNING;
            for (StationState s : states.values()) {
                if (severity(s) > severity(worst)) {
                    worst = s;
                }
            }
            if (states.isEmpty()) {
                worst = StationState.UNKNOWN;
            }
            long output = counters.isEmpty() ? 0 : counters.values().stream().reduce((a, b) -> b).orElseThrow().total;
            double hours = Math.max(0, Duration.between(since, now).toMillis()) / 3_600_000.0;
            double rate = targetPerHour.applyAsDouble(tile.id());
            long target = rate > 0 && Double.isFinite(rate) ? Math.round(rate * hours) : LineTileViewModel.NO_TARGET;
            Quality quality = Quality.GOOD;
            int notGood = 0;
            for (Quality q : qualities.values()) { // a station with a counter and no state says "No state" itself
                notGood += q == Quality.GOOD ? 0 : 1;
                quality = worse(quality, q);
            }
            tile.show(worst, states.size(), output, target, alarms, quality, notGood);
        }
    }

    /** Parts counted from a station's cycle counter since first seen; a counter reset to zero counts on. */
    private static final class Counter {
        double last = Double.NaN;
        long total;

        void take(double v) {
            if (!Double.isNaN(last)) {
                total += Math.round(v >= last ? v - last : v);
            }
            last = v;
        }
    }

    /** The same order as the station tiles: BAD over STALE over UNCERTAIN/OUT_OF_RANGE over GOOD. */
    private static Quality worse(Quality a, Quality b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case BAD -> 3;
            case STALE -> 2;
            default -> 1;
        };
    }

    private static int severity(StationState s) {
        return switch (s) {
            case RUNNING -> 0;
            case IDLE -> 1;
            case UNKNOWN -> 2;
            case STARVED -> 3;
            case BLOCKED -> 4;
            case FAULT -> 5;
        };
    }
}
