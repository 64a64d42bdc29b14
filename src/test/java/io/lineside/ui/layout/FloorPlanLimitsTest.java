package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanFixture.T0;
import static io.lineside.ui.layout.PlanFixture.demoStation;
import static io.lineside.ui.layout.PlanFixture.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.history.TrendBucket;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import io.lineside.ui.station.GaugeViewModel;
import io.lineside.ui.station.StationHistory;
import io.lineside.ui.station.StationViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

/**
 * One source for limit ticks (decision 0027): the demo layout gives the press temperature bar {@code high: 57}, the
 * demo alarms put its H at 53 and HH at 58; the floor plan and the faceplate both mark 53 and 58.
 */
class FloorPlanLimitsTest {

    private static final StationHistory NO_HISTORY = new StationHistory() {
        @Override
        public List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) {
            return List.of();
        }

        @Override
        public List<io.lineside.shifts.StateSpan> states(TagPath path, Instant from, Instant to, Duration hold) {
            return List.of();
        }
    };

    private final TagStore store = new TagStore();
    private final Texts texts = Texts.forLocale(Locale.ENGLISH);

    @Test
    void theSameSignalHasTheSameTicksOnTheFloorPlanAndTheFaceplate() throws Exception {
        List<AlarmDefinition> alarms = new AlarmDefinitionsLoader().loadDemo();
        StationCatalog catalog = StationCatalog.generic(alarms, store);
        StationId press = demoStation(1, "press");
        PlanFixture.runningDemo(store, T0);

        FloorPlanViewModel plan = new FloorPlanViewModel(store, texts, Runnable::run);
        plan.setStationModel(catalog::describe);
        plan.show(PlanFixture.demo());
        plan.pulse(T0);
        SymbolViewModel bar = symbol(plan, "l1-press-temp");

        StationViewModel faceplate = new StationViewModel(press, store, catalog, FXCollections.observableArrayList(),
                NO_HISTORY, Runnable::run, Runnable::run, texts);
        faceplate.pulse(T0);
        GaugeViewModel gauge = faceplate.gauges().stream().filter(g -> g.signal().equals("temperature")).findFirst()
                .orElseThrow();

        assertEquals(List.of(53.0, 58.0), gauge.limitMarks(), "the demo alarms' H and HH");
        assertEquals(gauge.limitMarks(), bar.limitMarks(), "not the layout's own high: 57");
        assertEquals(70, bar.range().orElseThrow().max(), "the layout still gives the bar's scale");

        publish(store, press, "temperature", 55.0, T0.plusSeconds(1)); // above H 53, below the layout's 57
        plan.pulse(T0.plusSeconds(1));
        assertTrue(bar.abnormal());
        assertEquals("HI", bar.limitText());
        publish(store, press, "temperature", 52.9, T0.plusSeconds(2));
        plan.pulse(T0.plusSeconds(2));
        assertFalse(bar.abnormal());
        faceplate.dispose();
        plan.dispose();
    }

    @Test
    void aSignalWithoutLimitAlarmsKeepsTheLayoutsOwnLimit() throws Exception {
        FloorPlanViewModel plan = new FloorPlanViewModel(store, texts, Runnable::run);
        plan.setStationModel(StationCatalog.generic(List.of(), store)::describe);
        plan.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        plan.pulse(T0);
        SymbolViewModel bar = symbol(plan, "l1-press-temp");
        assertEquals(List.of(57.0), bar.limitMarks());
        publish(store, demoStation(1, "press"), "temperature", 55.0, T0.plusSeconds(1));
        plan.pulse(T0.plusSeconds(1));
        assertFalse(bar.abnormal(), "55 is under the layout's 57");
        plan.dispose();
    }

    private static SymbolViewModel symbol(FloorPlanViewModel plan, String id) {
        return plan.planProperty().get().symbols().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
