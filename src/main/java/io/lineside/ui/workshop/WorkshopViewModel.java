package io.lineside.ui.workshop;

import io.lineside.ui.Lifecycle;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.DirtyTracker;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workshop overview: one tile per station, grouped by line, discovered from the tags as they arrive.
 *
 * <p>FX thread only. {@link #pulse} drains the tags that changed since the last pulse, so its cost follows
 * the number of changed tags, not the message rate. Showing them is what costs (every text set re-lays out a
 * label), so a pulse shows changed tiles until its {@link #PULSE_BUDGET} is spent and leaves the rest, with their
 * latest values, to the next pulses (at most {@link #MAX_PULSES_BEHIND}): when a whole plant reports at once the
 * frames keep coming and the changes spread over a few of them instead of freezing one. Every tile's age is refreshed four times a second, likewise
 * a slice of the tiles per pulse.
 */
public final class WorkshopViewModel {

    static final Duration AGE_REFRESH = Duration.ofMillis(250);
    /** How long one pulse may spend showing changed tiles before leaving the rest to the next. */
    static final Duration PULSE_BUDGET = Duration.ofMillis(4);
    /** However slow the pulses, a changed tile is shown within this many of them. */
    static final int MAX_PULSES_BEHIND = 3;

    private final TagStore store;
    private final StationCatalog catalog;
    private final DirtyTracker tracker;
    private final Texts texts;
    private final Map<String, LineViewModel> linesByName = new LinkedHashMap<>();
    private final Map<StationId, StationTileViewModel> tiles = new HashMap<>();
    private final ObservableList<LineViewModel> lines = FXCollections.observableArrayList();
    private final ObservableList<LineViewModel> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    /** Tiles in the order created: the round-robin of age refreshes. */
    private final List<StationTileViewModel> ageOrder = new ArrayList<>();
    /** Tiles with taken values not shown yet, oldest first. */
    private final Set<StationTileViewModel> changed = new LinkedHashSet<>();
    private final long budgetNanos;
    private Consumer<StationId> onOpenStation = id -> { };
    private Predicate<StationId> shown = id -> true;
    private Instant lastAgeSlice;
    private double ageCredit;
    private int ageCursor;

    public WorkshopViewModel(TagStore store, Texts texts) {
        this(store, texts, PULSE_BUDGET);
    }

    /** @param catalog the station model: which signals a tile shows, with their labels, units and decimals */
    public WorkshopViewModel(TagStore store, StationCatalog catalog, Texts texts) {
        this(store, catalog, texts, PULSE_BUDGET);
    }

    WorkshopViewModel(TagStore store, Texts texts, Duration pulseBudget) {
        this(store, StationCatalog.generic(java.util.List.of(), store), texts, pulseBudget);
    }

    WorkshopViewModel(TagStore store, StationCatalog catalog, Texts texts, Duration pulseBudget) {
        this.catalog = catalog;
        this.budgetNanos = pulseBudget.toNanos();
        this.store = store;
        this.texts = texts;
        this.tracker = store.newTracker();
    }

    public ObservableList<LineViewModel> lines() {
        return readOnlyLines;
    }

    /** The tile of a station, or null if it has not reported yet. */
    public StationTileViewModel tile(StationId id) {
        return tiles.get(id);
    }

    /** Who opens a station's detail (the trend pane) when the operator clicks its tile. */
    public void setOnOpenStation(Consumer<StationId> handler) {
        this.onOpenStation = handler;
    }

    // Commands

    /**
     * Applies what changed since the last pulse. FX thread only.
     *
     * @return how many tags were drained
     */
    public int pulse(Instant now) {
        long start = System.nanoTime();
        int drained = tracker.drain(this::take);
        // Past the budget a pulse still shows a third of what waits, so no tile lags more than three pulses
        // behind, however slow the frames (a starved FX thread must not fall further behind).
        int atLeast = (changed.size() + MAX_PULSES_BEHIND - 1) / MAX_PULSES_BEHIND;
        Iterator<StationTileViewModel> pending = changed.iterator();
        for (int shown = 0; pending.hasNext() && (shown < atLeast || System.nanoTime() - start < budgetNanos); shown++) {
            pending.next().show(now);
            pending.remove();
        }
        refreshAgeSlice(now);
        return drained;
    }

    /** Re-formats every tile's words in the current language of {@link Texts} (after a language switch). FX thread only. */
    public void relocalize() {
        tiles.values().forEach(StationTileViewModel::relocalize);
    }

    public void openStation(StationId id) {
        onOpenStation.accept(id);
    }

    /** Shows only the stations {@code filter} accepts (a station's configured areas and lines); the rest is skipped. */
    public void showOnly(Predicate<StationId> filter) {
        this.shown = filter;
    }

    /** Stops listening to the store. */
    public void dispose() {
        tracker.close();
    }

    /** This view-model as the window shell drives it ({@link #pulse} returns what it drained, for benchmarks). */
    public Lifecycle lifecycle() {
        return new Lifecycle() {
            @Override
            public void pulse(Instant now) {
                WorkshopViewModel.this.pulse(now);
            }

            @Override
            public void relocalize() {
                WorkshopViewModel.this.relocalize();
            }

            @Override
            public void dispose() {
                WorkshopViewModel.this.dispose();
            }
        };
    }

    private void take(TagPath path) {
        if (!shown.test(path.stationId())) {
            return;
        }
        StationTileViewModel tile = tileFor(path);
        String signal = path.signal();
        boolean shows = tile.take(signal, store.get(path), "");
        if (!shows && !tile.knows(signal)) { // a signal the model did not have yet: once per station and signal
            tile.describe(catalog.describe(path.stationId()));
            shows = tile.take(signal, store.get(path), "");
        }
        if (shows) {
            changed.add(tile);
        }
    }

    /** Refreshes the ages of the tiles whose turn has come: all of them once per {@link #AGE_REFRESH}. */
    private void refreshAgeSlice(Instant now) {
        int count = ageOrder.size();
        if (lastAgeSlice == null) {
            lastAgeSlice = now;
            ageCredit = count;
        } else {
            long elapsed = Math.max(0, Duration.between(lastAgeSlice, now).toNanos());
            lastAgeSlice = now;
            ageCredit = Math.min(count, ageCredit + count * (double) elapsed / AGE_REFRESH.toNanos());
        }
        int due = (int) ageCredit;
        ageCredit -= due;
        for (int i = 0; i < due; i++) {
            ageCursor = ageCursor % count;
            ageOrder.get(ageCursor++).refreshAge(now);
        }
    }

    private StationTileViewModel tileFor(TagPath path) {
        StationId id = path.stationId();
        StationTileViewModel tile = tiles.get(id);
        if (tile == null) {
            tile = new StationTileViewModel(id, texts, this::openStation);
            tiles.put(id, tile);
            ageOrder.add(tile);
            String lineKey = id.site() + '/' + id.area() + '/' + id.line();
            LineViewModel line = linesByName.get(lineKey);
            if (line == null) {
                line = new LineViewModel(io.lineside.ui.nav.LineId.of(id), id.area() + " / " + id.line());
                linesByName.put(lineKey, line);
                lines.add(line);
            }
            line.add(tile);
        }
        return tile;
    }
}
