package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanAlarms.alarm;
import static io.lineside.ui.layout.PlanFixture.T0;
import static io.lineside.ui.layout.PlanFixture.demoStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which marker each plan symbol shows for the alarm snapshot, without the toolkit: the pulse is called directly. */
class FloorPlanAlarmMarkersTest {

    private static final StationId PRESS = demoStation(1, "press");
    private static final StationId PAINT = demoStation(1, "paint");
    private static final StationId WELD = demoStation(1, "weld");

    private final TagStore store = new TagStore();
    private final FloorPlanViewModel model = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
    private final AtomicReference<AlarmSnapshot> snapshot = new AtomicReference<>(PlanAlarms.of());

    @BeforeEach
    void show() throws Exception {
        model.setAlarms(snapshot::get);
        model.show(PlanFixture.demo());
        model.pulse(T0);
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private SymbolViewModel symbol(String id) {
        return model.planProperty().get().symbols().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private AlarmMarker marker(String id) {
        return symbol(id).markerProperty().get();
    }

    private int pulse(ActiveAlarm... alarms) {
        snapshot.set(PlanAlarms.of(alarms));
        return model.pulse(T0.plusSeconds(1));
    }

    @Test
    void theStationsWorstAlarmDecidesTheMarkerAndTheCountCountsThemAll() {
        pulse(alarm("P-LOW", PRESS, "speed", Priority.LOW, AlarmState.UNACK, 50),
                alarm("P-HIGH", PRESS, "temperature", Priority.HIGH, AlarmState.ACKED, 10),
                alarm("P-MED", PRESS, "state", Priority.MEDIUM, AlarmState.RTN_UNACK, 30));
        AlarmMarker m = marker("l1-press");
        assertEquals(Priority.HIGH, m.priority(), "the highest priority, though acknowledged and the oldest");
        assertEquals(AlarmMarker.Fill.STEADY, m.fill());
        assertEquals(3, m.count());
        assertEquals("P-HIGH", m.worstId());
        assertEquals("2", m.number(), "High is priority 2 (Critical 1 ... Low 4)");
        assertEquals(List.of(
                "\u25B2 2 High \u00B7 P-HIGH \u00B7 P-HIGH message \u00B7 \u25CF Acknowledged",
                "\u25A0 3 Medium \u00B7 P-MED \u00B7 P-MED message \u00B7 \u25CC Returned, unacknowledged",
                "\u25CF 4 Low \u00B7 P-LOW \u00B7 P-LOW message \u00B7 \u25C9 Unacknowledged"), m.lines());
        assertNull(marker("l1-weld"), "a station without alarms shows none");
    }

    @Test
    void theStateIsTheFillAndAnUnacknowledgedAlarmOutranksItsAcknowledgedPeer() {
        assertEquals(AlarmMarker.Fill.BLINKING, AlarmMarker.fill(AlarmState.UNACK));
        assertEquals(AlarmMarker.Fill.STEADY, AlarmMarker.fill(AlarmState.ACKED));
        assertEquals(AlarmMarker.Fill.OUTLINE, AlarmMarker.fill(AlarmState.RTN_UNACK));
        assertEquals(AlarmMarker.Fill.OUTLINE, AlarmMarker.fill(AlarmState.LATCHED));
        pulse(alarm("A", PRESS, "state", Priority.HIGH, AlarmState.RTN_UNACK, 90),
                alarm("B", PRESS, "state", Priority.HIGH, AlarmState.ACKED, 10),
                alarm("C", PRESS, "state", Priority.HIGH, AlarmState.UNACK, 5));
        assertEquals("C", marker("l1-press").worstId());
        assertEquals(AlarmMarker.Fill.BLINKING, marker("l1-press").fill());
        pulse(alarm("A", PRESS, "state", Priority.HIGH, AlarmState.RTN_UNACK, 90));
        assertEquals(AlarmMarker.Fill.OUTLINE, marker("l1-press").fill(), "returned, not yet acknowledged");
        assertEquals(1, marker("l1-press").count());
        pulse();
        assertNull(marker("l1-press"), "acknowledged after its return: gone");
    }

    @Test
    void equipmentShowsOnlyItsBoundSignalsAlarmsAndTheStationBodyShowsAll() {
        pulse(alarm("PAINT-SPEED", PAINT, "speed", Priority.CRITICAL, AlarmState.UNACK, 5),
                alarm("PAINT-TEMP", PAINT, "temperature", Priority.LOW, AlarmState.UNACK, 6));
        assertEquals("PAINT-SPEED", marker("l1-paint-pump").worstId(), "the pump is bound to speed");
        assertEquals(1, marker("l1-paint-pump").count());
        assertNull(marker("l1-paint-valve"), "the valve is bound to state: no alarm on it");
        assertEquals(2, marker("l1-paint").count());
        assertFalse(symbol("l1-paint-in").carriesMarker(), "a buffer without a tag has no alarms to show");
        assertFalse(symbol("l1-paint-temp").carriesMarker(), "bars show HI/LO themselves");
        assertTrue(symbol("l1-paint-valve").carriesMarker());
    }

    @Test
    void onlyTheMarkersOfStationsWhoseAlarmsChangedAreRedrawn() {
        List<String> events = new ArrayList<>();
        model.planProperty().get().symbols().stream().filter(SymbolViewModel::carriesMarker)
                .forEach(s -> s.markerProperty().addListener((o, a, b) -> events.add(s.id())));
        ActiveAlarm press = alarm("P", PRESS, "state", Priority.HIGH, AlarmState.UNACK, 5);
        ActiveAlarm weld = alarm("W", WELD, "temperature", Priority.MEDIUM, AlarmState.UNACK, 6);
        assertEquals(2, pulse(press, weld));
        assertEquals(List.of("l1-press", "l1-weld"), events.stream().sorted().toList());
        events.clear();
        assertEquals(0, pulse(press, weld), "a new snapshot with the same alarms redraws nothing");
        assertEquals(0, model.pulse(T0.plusSeconds(2)), "the same snapshot object costs nothing");
        assertEquals(0, pulse(press, alarm("W", WELD, "temperature", Priority.MEDIUM, AlarmState.UNACK, 6, "231.5")),
                "a new value of the same alarm reads the same on the marker");
        assertEquals(List.of(), events);
        assertEquals(1, pulse(press, alarm("W", WELD, "temperature", Priority.MEDIUM, AlarmState.ACKED, 6)));
        assertEquals(List.of("l1-weld"), events, "press kept its marker object");
    }

    @Test
    void theTooltipNamesEightAlarmsThenCountsTheRest() {
        List<ActiveAlarm> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(alarm(String.format("W-%02d", i), WELD, "temperature", Priority.LOW, AlarmState.UNACK, i));
        }
        pulse(many.toArray(ActiveAlarm[]::new));
        AlarmMarker m = marker("l1-weld");
        assertEquals(11, m.count());
        assertEquals(9, m.lines().size());
        assertTrue(m.lines().getFirst().contains("W-10"), "newest first within a priority: " + m.lines().getFirst());
        assertEquals("\u2026 and 3 more", m.lines().getLast());
    }

    @Test
    void markersBlinkAtTheBannersCadenceAndAReloadRederivesThem() throws Exception {
        pulse(alarm("P", PRESS, "state", Priority.HIGH, AlarmState.UNACK, 5));
        model.pulse(T0.plusMillis(1000));
        assertTrue(model.blinkOnProperty().get());
        model.pulse(T0.plusMillis(1500));
        assertFalse(model.blinkOnProperty().get());
        model.pulse(T0.plusMillis(2020));
        assertTrue(model.blinkOnProperty().get());
        model.show(PlanFixture.demo()); // a reload builds new symbols: they start with the shown alarms
        assertEquals("P", marker("l1-press").worstId());
    }

    @Test
    void withoutAnAlarmSourceNoSymbolShowsAMarker() throws Exception {
        FloorPlanViewModel plain = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
        plain.show(PlanFixture.demo());
        assertEquals(0, plain.pulse(T0));
        assertTrue(plain.planProperty().get().symbols().stream().allMatch(s -> s.markerProperty().get() == null));
        plain.dispose();
    }

    /** 500 stations, 100 annunciated alarms, one station's alarm changing per pulse (a busy plant at 60 Hz). */
    @Test
    void aNewSnapshotCostsFollowTheChangedStationsNotThePlant() throws Exception {
        var big = PlanFixture.generated(5, 100);
        List<StationId> stations = big.stations().map(st -> st.id()).toList();
        FloorPlanViewModel plan = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
        AtomicReference<AlarmSnapshot> alarms = new AtomicReference<>(PlanAlarms.of());
        plan.setAlarms(alarms::get);
        plan.show(big);
        ActiveAlarm[] shown = new ActiveAlarm[100];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = alarm("A" + i, stations.get(i * 5), "state", Priority.values()[i % 4], AlarmState.UNACK, i);
        }
        long[] each = new long[600];
        for (int n = 0; n < each.length; n++) {
            int k = n % shown.length;
            shown[k] = alarm("A" + k, stations.get(k * 5), "state", Priority.values()[k % 4],
                    n / shown.length % 2 == 0 ? AlarmState.ACKED : AlarmState.UNACK, k);
            alarms.set(PlanAlarms.of(shown.clone()));
            long t0 = System.nanoTime();
            int changed = plan.pulse(T0.plusMillis(16L * n));
            each[n] = System.nanoTime() - t0;
            assertTrue(n < shown.length ? changed >= 1 : changed == 1, "pulse " + n + " changed " + changed);
        }
        long[] warm = java.util.Arrays.copyOfRange(each, 200, each.length); // after the JIT's warm-up
        java.util.Arrays.sort(warm);
        double median = warm[warm.length / 2] / 1000.0;
        System.out.printf(Locale.ROOT, "floor plan alarm pulse, 500 stations, 100 alarms, 1 changed: median %.1f us,"
                + " p90 %.1f us%n", median, warm[warm.length * 9 / 10] / 1000.0);
        assertTrue(median < 1_000, "median " + median + " us");
        plan.dispose();
    }
}
