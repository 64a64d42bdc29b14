package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanFixture.T0;
import static io.lineside.ui.layout.PlanFixture.demoStation;
import static io.lineside.ui.layout.PlanFixture.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.layout.Layout;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The floor plan's behaviour without the toolkit: the pulse is called directly. */
class FloorPlanViewModelTest {

    private final TagStore store = new TagStore();
    private final FloorPlanViewModel model = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private SymbolViewModel symbol(String id) {
        return model.planProperty().get().symbols().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Long> revisions() {
        Map<String, Long> out = new HashMap<>();
        model.planProperty().get().symbols().forEach(s -> out.put(s.id(), s.revisionProperty().get()));
        return out;
    }

    @Test
    void aChangedTagUpdatesOnlyTheSymbolsBoundToIt() throws Exception {
        model.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        model.pulse(T0);
        Map<String, Long> before = revisions();
        publish(store, demoStation(1, "press"), "temperature", 61.5, T0.plusMillis(100));
        int shown = model.pulse(T0.plusMillis(116));
        Map<String, Long> after = revisions();
        Set<String> changed = after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id)))
                .collect(Collectors.toSet());
        assertEquals(Set.of("l1-press-temp", "l1-press-trend"), changed);
        assertEquals(2, shown);
        assertEquals("61.5 \u00B0C", symbol("l1-press-temp").valueText());
        assertTrue(symbol("l1-press-temp").abnormal(), "above the high limit 57");
        assertEquals("HI", symbol("l1-press-temp").limitText());
    }

    @Test
    void aRepeatedValueChangesNothingOnScreen() throws Exception {
        model.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        model.pulse(T0);
        Map<String, Long> before = revisions();
        PlanFixture.runningDemo(store, T0.plusSeconds(1)); // same values, newer receive time
        assertEquals(0, model.pulse(T0.plusSeconds(1)));
        assertEquals(before, revisions());
    }

    @Test
    void staleAndBadValuesShowTheirQualityAndAgeAndNeverLookLive() throws Exception {
        model.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        model.pulse(T0);
        assertFalse(symbol("l2-weld-temp").degraded());
        assertEquals("", symbol("l2-weld-temp").ageText());
        store.markStale(null);
        StationId weld = demoStation(2, "weld");
        store.apply(new TagUpdate(weld.signal("speed"), new TagValue(null, T0, T0.plusSeconds(3), Quality.BAD, 2)));
        model.pulse(T0.plusSeconds(4));
        assertTrue(symbol("l2-weld-temp").degraded());
        assertEquals("Stale \u00B7 4.0 s", symbol("l2-weld-temp").ageText());
        assertEquals("Bad \u00B7 1.0 s", symbol("l2-weld-speed").ageText());
        assertEquals("\u2014", symbol("l2-weld-speed").valueText(), "a BAD value is not shown as a number");
        model.pulse(T0.plusSeconds(16));
        assertEquals("Stale \u00B7 16 s", symbol("l2-weld-temp").ageText(), "ages of degraded values keep counting");
    }

    @Test
    void aSymbolWhoseTagNeverArrivedSaysNoData() throws Exception {
        model.show(PlanFixture.demo());
        model.pulse(T0);
        assertTrue(symbol("l3-pack-speed").degraded());
        assertEquals("no data", symbol("l3-pack-speed").ageText());
        assertFalse(symbol("l3-pack-in").degraded(), "a buffer drawn without a tag is a plain drawing");
    }

    @Test
    void lampsAndStationBodiesFollowTheStateWithAWord() throws Exception {
        model.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        publish(store, demoStation(3, "paint"), "state", "fault", T0);
        model.pulse(T0);
        assertEquals(StationState.FAULT, symbol("l3-paint-state").state());
        assertEquals("Fault", symbol("l3-paint-state").valueText());
        assertTrue(symbol("l3-paint").abnormal());
        assertEquals(StationState.RUNNING, symbol("l3-weld").state());
    }

    @Test
    void equipmentAndConnectionsRunWithTheirTags() throws Exception {
        model.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        publish(store, demoStation(1, "press"), "state", "blocked", T0);
        model.pulse(T0);
        assertTrue(symbol("l1-paint-pump").active(), "speed above zero");
        assertTrue(symbol("l1-paint-valve").active(), "state running");
        var fromPress = model.planProperty().get().connections().stream()
                .filter(c -> c.tag().orElseThrow().stationId().equals(demoStation(1, "press"))).toList();
        assertEquals(2, fromPress.size());
        assertTrue(fromPress.stream().noneMatch(ConnectionViewModel::running));
        assertTrue(model.planProperty().get().connections().stream()
                .filter(c -> c.tag().orElseThrow().station().equals("load")).allMatch(ConnectionViewModel::running));
    }

    @Test
    void aLineScopeShowsOnlyThatLineFramed() throws Exception {
        Layout demo = PlanFixture.demo();
        model.showOnly(FloorPlanViewModel.line("assembly", "line-2"));
        model.show(demo);
        var plan = model.planProperty().get();
        assertEquals(Set.of("line-2"), plan.symbols().stream().map(s -> s.station().line()).collect(Collectors.toSet()));
        assertEquals(6 * 5 + 5, plan.symbols().size(), "5 per station and 5 buffers");
        assertEquals(10, plan.connections().size());
        assertTrue(plan.frame().height() < demo.height() / 2, "framed to the line, not the hall");
        assertEquals("Line 2", plan.lines().getFirst().text());
    }

    @Test
    void labelsFollowTheUiLanguage() throws Exception {
        FloorPlanViewModel zh = new FloorPlanViewModel(store, Texts.forLocale(Locale.SIMPLIFIED_CHINESE), Runnable::run);
        zh.show(PlanFixture.demo());
        var plan = zh.planProperty().get();
        assertEquals("\u4E00\u53F7\u7EBF", plan.lines().getFirst().text());
        assertEquals("\u51B2\u538B", plan.symbols().stream().filter(s -> s.id().equals("l1-press")).findFirst()
                .orElseThrow().label());
        zh.dispose();
    }

    @Test
    void aLanguageSwitchRedrawsLabelsAndStateWordsInTheNewLanguage() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        FloorPlanViewModel switching = new FloorPlanViewModel(store, texts, Runnable::run);
        switching.show(PlanFixture.demo());
        PlanFixture.runningDemo(store, T0);
        switching.pulse(T0);
        texts.switchTo(Locale.SIMPLIFIED_CHINESE);
        switching.languageChanged();
        var plan = switching.planProperty().get();
        assertEquals("\u4E00\u53F7\u7EBF", plan.lines().getFirst().text());
        assertEquals("\u8FD0\u884C", plan.symbols().stream().filter(s -> s.id().equals("l1-load-state")).findFirst()
                .orElseThrow().valueText(), "the live state, in Chinese at once");
        switching.dispose();
    }

    @Test
    void aDisposedPlanStopsReadingTheStore() {
        int readers = store.readerCount();
        FloorPlanViewModel other = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
        assertEquals(readers + 1, store.readerCount());
        other.dispose();
        assertEquals(readers, store.readerCount());
    }

    /** 500 stations, one update per numeric signal per second at 60 pulses a second: the pulse stays small. */
    @Test
    void fiveHundredStationsCostLittlePerPulse() throws Exception {
        Layout big = PlanFixture.generated(5, 100);
        model.show(big);
        var stations = big.stations().map(s -> s.id()).toList();
        stations.forEach(st -> publish(store, st, "state", "running", T0));
        model.pulse(T0);
        int warmUp = 1_200;
        int pulses = 600;
        long total = 0;
        long[] each = new long[pulses];
        int cursor = 0;
        for (int p = 1; p <= warmUp + pulses; p++) {
            Instant now = T0.plusMillis(p * 1000L / 60);
            // 500 stations x 2 numeric signals per second = ~17 tags per 60 Hz pulse.
            for (int k = 0; k < 17; k++) {
                StationId st = stations.get(cursor++ % stations.size());
                publish(store, st, cursor % 2 == 0 ? "speed" : "temperature", (double) (p % 90) + k, now);
            }
            long start = System.nanoTime();
            model.pulse(now);
            if (p > warmUp) {
                each[p - warmUp - 1] = System.nanoTime() - start;
                total += each[p - warmUp - 1];
            }
        }
        double micros = total / 1000.0 / pulses;
        java.util.Arrays.sort(each);
        double median = each[pulses / 2] / 1000.0;
        System.out.printf(Locale.ROOT, "floor plan view-model pulse, 500 stations / 2500 symbols, 17 changed tags:"
                + " median %.1f us, mean %.1f us, p90 %.1f us%n", median, micros, each[pulses * 9 / 10] / 1000.0);
        // The median: on a shared build machine the mean includes time the thread was not running.
        assertTrue(median < 1_000, "a pulse took " + median + " us (median)");
    }

    @Test
    void aReloadThatBreaksSaysWhyInsteadOfReloadingForEver() {
        java.util.concurrent.CompletableFuture<LayoutActions.Outcome> broken =
                new java.util.concurrent.CompletableFuture<>();
        model.setActions(() -> broken.thenApply(o -> o));
        model.reload();
        assertEquals("Reloading the layout\u2026", model.messageProperty().get());
        broken.completeExceptionally(new java.io.UncheckedIOException(new java.io.IOException("layout.json: Permission denied")));
        assertEquals("Layout not changed, the previous one stays. java.io.IOException: layout.json: Permission denied",
                model.messageProperty().get());
    }
}
