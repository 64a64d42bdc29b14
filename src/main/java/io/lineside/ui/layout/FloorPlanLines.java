package io.lineside.ui.layout;

import io.lineside.layout.Layout;
import io.lineside.stations.StationDescription;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import io.lineside.ui.nav.LevelView;
import io.lineside.ui.nav.LineId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * The line level (L2) of the display hierarchy as a floor plan: a new plan view-model per visit, scoped to the
 * line, over the layout the repository holds now (so a reload shows at the next visit, and in the plan on screen
 * through its own Reload). A line the layout does not draw, or no layout at all, falls back to {@code fallback}
 * (the line's station tiles). FX thread only.
 */
public final class FloorPlanLines implements Function<LineId, LevelView> {

    private final TagStore store;
    private final Texts texts;
    private final Executor fx;
    private final LayoutActions actions;
    private final Supplier<Optional<Layout>> current;
    private final Consumer<StationId> openStation;
    private final Function<LineId, LevelView> fallback;
    private Function<StationId, StationDescription> stations;
    private Supplier<io.lineside.alarms.AlarmSnapshot> alarms;
    private Supplier<Instant> now = Instant::now;
    private boolean reloadable = true;
    private Function<Consumer<Layout>, Runnable> updates = listener -> () -> { };

    public FloorPlanLines(TagStore store, Texts texts, Executor fx, LayoutActions actions,
                          Supplier<Optional<Layout>> current, Consumer<StationId> openStation,
                          Function<LineId, LevelView> fallback) {
        this.store = store;
        this.texts = texts;
        this.fx = fx;
        this.actions = actions;
        this.current = current;
        this.openStation = openStation;
        this.fallback = fallback;
    }

    /** The station model every plan reads its bars' limit ticks, units and decimals from (decision 0027). */
    public FloorPlanLines withStationModel(Function<StationId, StationDescription> stations) {
        this.stations = stations;
        return this;
    }

    /** Where every plan's alarm markers come from (the alarm engine's latest snapshot). */
    public FloorPlanLines withAlarms(Supplier<io.lineside.alarms.AlarmSnapshot> alarms) {
        this.alarms = alarms;
        return this;
    }

    /**
     * Where saved layouts are announced (the repository's listeners, called on any thread): an open plan redraws
     * with the saved layout at once, without a restart or a new visit. The function returns the unsubscribe handle.
     */
    public FloorPlanLines withUpdates(Function<Consumer<Layout>, Runnable> subscribe) {
        this.updates = subscribe;
        return this;
    }

    /**
     * For replay: plans without "Reload layout" (a replay shows the layout, it does not change it), their first
     * frame drawn at {@code now} (the replayed instant) instead of the wall clock.
     */
    public FloorPlanLines replayedAt(Supplier<Instant> now) {
        this.now = now;
        this.reloadable = false;
        return this;
    }

    @Override
    public LevelView apply(LineId line) {
        Optional<Layout> layout = current.get().filter(l -> draws(l, line));
        if (layout.isEmpty()) {
            return fallback.apply(line);
        }
        FloorPlanViewModel plan = new FloorPlanViewModel(store, texts, fx);
        plan.setActions(actions);
        plan.setStationModel(stations);
        plan.setOnOpenStation(openStation);
        if (alarms != null) {
            plan.setAlarms(alarms);
        }
        plan.showOnly(FloorPlanViewModel.line(line.area(), line.line()));
        plan.show(layout.get());
        Node node = FloorPlanView.create(plan, reloadable);
        plan.pulse(now.get());
        Runnable off = updates.apply(saved -> fx.execute(() -> {
            if (draws(saved, line)) {
                plan.show(saved);
            }
        }));
        return LevelView.of(node, plan::pulse, () -> {
            off.run();
            plan.dispose();
        });
    }

    private static boolean draws(Layout layout, LineId line) {
        return layout.stations().anyMatch(s -> line.contains(s.id()));
    }
}
