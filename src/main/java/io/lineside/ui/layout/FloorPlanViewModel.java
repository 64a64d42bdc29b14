package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.Labels;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutConnection;
import io.lineside.layout.LayoutLine;
import io.lineside.layout.LayoutStation;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.SymbolKind;
import io.lineside.stations.SignalDescription;
import io.lineside.stations.StationDescription;
import io.lineside.tags.DirtyTracker;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A floor plan: the stations of a layout in scope (one line, an area, or all) with their symbols and connections,
 * bound to the tag store.
 *
 * <p>FX thread only. {@link #pulse} drains the tags changed since the last pulse and shows only the items bound
 * to them, so its cost follows the changed tags, not the plan's size. Degraded items (STALE, BAD, no data) also
 * have their age text refreshed every {@link #AGE_REFRESH}. A new layout (reload) or scope replaces the
 * {@link #planProperty() plan}; the view rebuilds its nodes then, and only then.
 */
public final class FloorPlanViewModel {

    static final Duration AGE_REFRESH = Duration.ofMillis(500);
    private static final double MARGIN = 20;

    /** What the view draws: the items in drawing order and the part of the plan to frame. */
    public record Plan(Layout layout, Box frame, List<LineTitle> lines, List<ConnectionViewModel> connections,
                       List<SymbolViewModel> symbols) {
    }

    /** A line's caption above its first station. */
    public record LineTitle(String text, double x, double y) {
    }

    private final TagStore store;
    private final Texts texts;
    /** Waits for the layout source's reload. */
    private final BackgroundTasks reloads;
    private final DirtyTracker tracker;
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<TagPath, List<BoundItem>> byTag = new HashMap<>();
    private final Set<BoundItem> changed = new LinkedHashSet<>();
    private final Set<BoundItem> degraded = new LinkedHashSet<>();
    private Predicate<StationId> scope = id -> true;
    private Consumer<StationId> onOpenStation = id -> { };
    private Function<StationId, StationDescription> stations;
    private LayoutActions actions;
    private Instant lastAgeRefresh = Instant.EPOCH;
    private java.util.function.Supplier<io.lineside.alarms.AlarmSnapshot> alarms;
    private io.lineside.alarms.AlarmSnapshot lastAlarms;
    /** The symbols that carry a marker, by station: a station's alarm set changing redraws only these. */
    private final Map<StationId, List<SymbolViewModel>> marked = new HashMap<>();
    /** Each station's annunciated alarms as last shown. */
    private Map<StationId, List<io.lineside.alarms.ActiveAlarm>> shownAlarms = Map.of();
    private final javafx.beans.property.ReadOnlyBooleanWrapper blinkOn = new javafx.beans.property.ReadOnlyBooleanWrapper(true);

    /**
     * @param fx where reload results are applied (the FX thread in the app, same-thread in tests)
     */
    public FloorPlanViewModel(TagStore store, Texts texts, Executor fx) {
        this.store = store;
        this.texts = texts;
        this.reloads = BackgroundTasks.awaitingOnly(fx);
        this.tracker = store.newTracker();
    }

    /** The UI's words (for the view's own labels). */
    Texts texts() {
        return texts;
    }

    /** What to draw; null until a layout is shown. */
    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The outcome of the last reload, or a problem with the layout; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Who opens a station's detail when the operator clicks its body. */
    public void setOnOpenStation(Consumer<StationId> handler) {
        this.onOpenStation = handler;
    }

    /**
     * The station model the symbols read their signals' alarm limits (the bars' ticks, one source with the
     * faceplate), units and decimals from; without it, the layout's own ranges and units alone. Applies from the
     * next {@link #show}.
     */
    public void setStationModel(Function<StationId, StationDescription> stations) {
        this.stations = stations;
    }

    /**
     * Where the markers' alarms come from (the engine's latest snapshot, as the banner and summary read it); without
     * it no symbol shows a marker. Read once per pulse; only a new snapshot costs anything. Applies at once.
     */
    public void setAlarms(java.util.function.Supplier<io.lineside.alarms.AlarmSnapshot> source) {
        this.alarms = source;
        lastAlarms = null;
        shownAlarms = Map.of();
        applyAlarms();
    }

    /**
     * The blink phase of unacknowledged markers: the banner's cadence (on for 500 ms, off for 500 ms). Only the
     * nodes of blinking markers listen.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty blinkOnProperty() {
        return blinkOn.getReadOnlyProperty();
    }

    /** Where reloads go; without it, reload reports that no layout file is configured. */
    public void setActions(LayoutActions actions) {
        this.actions = actions;
    }

    // Commands

    /** Shows {@code layout} limited to the current scope (replacing any plan shown before). */
    public void show(Layout layout) {
        byTag.clear();
        changed.clear();
        degraded.clear();
        marked.clear();
        lastAlarms = null;
        shownAlarms = Map.of();
        Map<String, Box> boxes = new HashMap<>();
        List<SymbolViewModel> symbols = new ArrayList<>();
        List<LineTitle> lines = new ArrayList<>();
        Box frame = null;
        Map<StationId, StationDescription> described = new HashMap<>();
        for (LayoutLine line : layout.areas().stream().flatMap(a -> a.lines().stream()).toList()) {
            Box lineBox = null;
            for (LayoutStation station : line.stations()) {
                if (!scope.test(station.id())) {
                    continue;
                }
                lineBox = lineBox == null ? station.box() : lineBox.union(station.box());
                for (LayoutSymbol s : station.symbols()) {
                    SignalDescription signal = signal(s, described);
                    SymbolViewModel item = new SymbolViewModel(s, label(s, station, signal), signal, texts);
                    symbols.add(item);
                    boxes.put(s.id(), s.box());
                    lineBox = lineBox.union(s.box());
                    bind(item);
                    if (item.carriesMarker()) {
                        marked.computeIfAbsent(item.station(), k -> new ArrayList<>(2)).add(item);
                    }
                }
            }
            if (lineBox != null) {
                lines.add(new LineTitle(text(line.label(), line.id()), lineBox.x(), lineBox.y()));
                frame = frame == null ? lineBox : frame.union(lineBox);
            }
        }
        List<ConnectionViewModel> connections = new ArrayList<>();
        for (LayoutConnection c : layout.connections()) {
            if (boxes.containsKey(c.from()) && boxes.containsKey(c.to())) {
                ConnectionViewModel item = new ConnectionViewModel(c, boxes.get(c.from()), boxes.get(c.to()), texts);
                connections.add(item);
                bind(item);
            }
        }
        frame = frame == null ? new Box(0, 0, layout.width(), layout.height())
                : new Box(frame.x() - MARGIN, frame.y() - 2 * MARGIN, frame.width() + 2 * MARGIN,
                frame.height() + 3.5 * MARGIN);
        Instant now = lastAgeRefresh;
        for (List<BoundItem> items : byTag.values()) {
            for (BoundItem item : items) {
                item.take(store.get(item.tag().orElseThrow()));
            }
        }
        symbols.forEach(s -> showNow(s, now));
        connections.forEach(c -> showNow(c, now));
        applyAlarms();
        plan.set(new Plan(layout, frame, List.copyOf(lines), List.copyOf(connections), List.copyOf(symbols)));
    }

    /** Limits the plan to the stations {@code filter} accepts, e.g. {@link #line}; redraws the shown layout. */
    public void showOnly(Predicate<StationId> filter) {
        this.scope = filter;
        if (plan.get() != null) {
            show(plan.get().layout());
        }
    }

    /** A scope of one line. */
    public static Predicate<StationId> line(String area, String line) {
        return id -> id.area().equals(area) && id.line().equals(line);
    }

    /**
     * Applies what changed since the last pulse. FX thread only.
     *
     * @return how many items changed what they show
     */
    public int pulse(Instant now) {
        tracker.drain(this::take);
        int shown = 0;
        for (BoundItem item : changed) {
            if (showNow(item, now)) {
                shown++;
            }
        }
        changed.clear();
        shown += applyAlarms();
        blinkOn.set((now.toEpochMilli() / 500) % 2 == 0); // the banner's flash phase
        if (!degraded.isEmpty() && Duration.between(lastAgeRefresh, now).compareTo(AGE_REFRESH) >= 0) {
            for (BoundItem item : degraded) {
                item.refreshAge(now);
            }
        }
        if (Duration.between(lastAgeRefresh, now).compareTo(AGE_REFRESH) >= 0) {
            lastAgeRefresh = now;
        }
        return shown;
    }

    public void openStation(StationId id) {
        onOpenStation.accept(id);
    }

    /** Asks the layout source for the file again; the result arrives on the FX executor. */
    public void reload() {
        if (actions == null) {
            message.set(texts.get("layout.reload.unconfigured"));
            return;
        }
        message.set(texts.get("layout.reload.running"));
        // A reload that breaks says so and leaves the previous layout, never "Reloading…" for ever.
        reloads.await(actions.reload(), this::apply,
                failure -> message.set(texts.get("layout.reload.refused", BackgroundTasks.describe(failure))));
    }

    /**
     * Re-derives every text after a language switch ({@link Texts#switchTo}): the plan is rebuilt from the same
     * layout, so labels, state words and ages come out in the new language. FX thread only.
     */
    public void languageChanged() {
        if (plan.get() != null) {
            show(plan.get().layout());
        }
    }

    /** Shows a problem with the layout (e.g. the configured file was refused at start). */
    public void report(String problem) {
        message.set(problem);
    }

    /** Stops listening to the store. */
    public void dispose() {
        tracker.close();
    }

    private void apply(LayoutActions.Outcome outcome) {
        if (outcome.layout().isPresent()) {
            Layout layout = outcome.layout().get();
            show(layout);
            message.set(texts.get("layout.reload.done", layout.name(texts.language()), plan.get().symbols().size()));
        } else {
            message.set(texts.get("layout.reload.refused", outcome.problem()));
        }
    }

    /**
     * Re-derives the markers of the stations whose alarm set changed since the snapshot last shown; nothing when the
     * snapshot is the same object (most pulses).
     *
     * @return how many markers changed
     */
    private int applyAlarms() {
        if (alarms == null || marked.isEmpty()) {
            return 0;
        }
        io.lineside.alarms.AlarmSnapshot snapshot = alarms.get();
        if (snapshot == lastAlarms) {
            return 0;
        }
        lastAlarms = snapshot;
        Map<StationId, List<io.lineside.alarms.ActiveAlarm>> next = new HashMap<>();
        for (io.lineside.alarms.ActiveAlarm a : snapshot.alarms()) {
            StationId st = a.definition().station();
            if (marked.containsKey(st)) {
                next.computeIfAbsent(st, k -> new ArrayList<>(4)).add(a);
            }
        }
        int changedMarkers = 0;
        Set<StationId> stations = new LinkedHashSet<>(shownAlarms.keySet());
        stations.addAll(next.keySet());
        for (StationId st : stations) {
            List<io.lineside.alarms.ActiveAlarm> now = next.getOrDefault(st, List.of());
            if (sameMarks(now, shownAlarms.getOrDefault(st, List.of()))) {
                continue; // this station's alarms are as shown: its markers stay untouched
            }
            for (SymbolViewModel symbol : marked.get(st)) {
                if (symbol.setMarker(AlarmMarker.of(now.stream().filter(symbol::marks).toList(), texts))) {
                    changedMarkers++;
                }
            }
        }
        shownAlarms = next;
        return changedMarkers;
    }

    /** True if both lists read the same on a marker: the same alarms in the same states and priorities. */
    private static boolean sameMarks(List<io.lineside.alarms.ActiveAlarm> a, List<io.lineside.alarms.ActiveAlarm> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            io.lineside.alarms.ActiveAlarm x = a.get(i);
            io.lineside.alarms.ActiveAlarm y = b.get(i);
            if (x.state() != y.state() || x.priority() != y.priority() || !x.id().equals(y.id())
                    || !x.since().equals(y.since())) {
                return false; // since: a new occurrence ranks by time among its peers
            }
        }
        return true;
    }

    private void bind(BoundItem item) {
        item.tag().ifPresent(tag -> byTag.computeIfAbsent(tag, t -> new ArrayList<>(2)).add(item));
    }

    private void take(TagPath path) {
        List<BoundItem> items = byTag.get(path);
        if (items != null) {
            var value = store.get(path);
            for (BoundItem item : items) {
                item.take(value);
                changed.add(item);
            }
        }
    }

    private boolean showNow(BoundItem item, Instant now) {
        boolean didChange = item.show(now);
        if (item.degraded()) {
            degraded.add(item);
        } else {
            degraded.remove(item);
        }
        return didChange;
    }

    private SignalDescription signal(LayoutSymbol s, Map<StationId, StationDescription> described) {
        if (stations == null || s.signal().isEmpty()) {
            return null;
        }
        return described.computeIfAbsent(s.station(), stations).signal(s.signal().get()).orElse(null);
    }

    private String label(LayoutSymbol s, LayoutStation station, SignalDescription signal) {
        String fallback = s.kind() == SymbolKind.STATION ? text(station.label(), station.id().station())
                : signal != null && signal.described() && (s.kind() == SymbolKind.VALUE || s.kind() == SymbolKind.BAR)
                ? signal.label(java.util.Locale.forLanguageTag(texts.language())) : "";
        return s.label().in(texts.language()).orElse(fallback);
    }

    private String text(Labels labels, String fallback) {
        return labels.in(texts.language()).orElse(fallback);
    }
}
