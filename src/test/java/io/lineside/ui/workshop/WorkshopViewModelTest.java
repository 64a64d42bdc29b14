package io.lineside.ui.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The overview's behaviour without the toolkit: the pulse is called directly. */
class WorkshopViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");

    private final TagStore store = new TagStore();
    /** No pulse budget: these tests are about what is shown, not when (see the budget test for that). */
    private final WorkshopViewModel model = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH),
            java.time.Duration.ofDays(1));

    private void publish(StationId station, String signal, Object value, Instant at) {
        store.apply(new TagUpdate(station.signal(signal), new TagValue(value, at, at, Quality.GOOD, 1)));
    }

    @Test
    void tilesAppearPerStationGroupedByLineInTheOrderSeen() {
        publish(PRESS, "state", "running", T0);
        publish(new StationId("demo", "assembly", "line-1", "weld"), "speed", 30.0, T0);
        publish(new StationId("demo", "assembly", "line-2", "load"), "speed", 10.0, T0);
        model.pulse(T0);
        assertEquals(List.of("assembly / line-1", "assembly / line-2"), model.lines().stream().map(LineViewModel::name).toList());
        assertEquals(List.of("press", "weld"), model.lines().get(0).stations().stream().map(StationTileViewModel::name).toList());
    }

    @Test
    void aStationShowsOnlyTheAreasAndLinesItIsConfiguredFor() {
        model.showOnly(id -> id.line().equals("line-2"));
        publish(PRESS, "state", "running", T0);
        publish(new StationId("demo", "assembly", "line-2", "load"), "speed", 10.0, T0);
        model.pulse(T0);
        assertEquals(List.of("assembly / line-2"), model.lines().stream().map(LineViewModel::name).toList());
        assertEquals(null, model.tile(PRESS), "line-1 is not this station's");
    }

    @Test
    void aViewOpenedLateStillListsStationsInPublishingOrder() {
        for (String station : new String[] {"load", "press", "weld", "paint", "inspect", "pack"}) {
            publish(new StationId("demo", "assembly", "line-1", station), "state", "running", T0);
        }
        WorkshopViewModel late = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH));
        late.pulse(T0);
        assertEquals(List.of("load", "press", "weld", "paint", "inspect", "pack"),
                late.lines().get(0).stations().stream().map(StationTileViewModel::name).toList());
        late.dispose();
    }

    @Test
    void tileShowsStateValuesQualityAndAge() {
        publish(PRESS, "state", "fault", T0);
        publish(PRESS, "speed", 58.04, T0);
        publish(PRESS, "temperature", 45.26, T0.plusMillis(300));
        publish(PRESS, "cycles", 1204.0, T0.plusMillis(300));
        model.pulse(T0.plusMillis(700));
        StationTileViewModel tile = model.tile(PRESS);
        assertEquals(StationState.FAULT, tile.stateProperty().get());
        assertEquals("Fault", tile.stateTextProperty().get());
        assertEquals("58.0", tile.firstTextProperty().get());
        assertEquals("45.3", tile.secondTextProperty().get());
        assertEquals("1204", tile.countTextProperty().get());
        assertEquals(Quality.GOOD, tile.qualityProperty().get());
        assertEquals("Good \u00B7 0.7 s", tile.qualityTextProperty().get());
    }

    @Test
    void ageKeepsGrowingWithoutNewDataAndStaleMarksTheTile() {
        publish(PRESS, "state", "running", T0);
        publish(PRESS, "speed", 1.0, T0);
        publish(PRESS, "temperature", 1.0, T0);
        model.pulse(T0);
        model.pulse(T0.plusSeconds(12));
        StationTileViewModel tile = model.tile(PRESS);
        assertEquals("Good \u00B7 12 s", tile.qualityTextProperty().get());
        store.markStale(null);
        model.pulse(T0.plusSeconds(12));
        assertEquals(Quality.STALE, tile.qualityProperty().get());
        assertEquals("Stale \u00B7 12 s", tile.qualityTextProperty().get());
    }

    @Test
    void aBadValueIsNotShownAsTheLastGoodOne() {
        publish(PRESS, "speed", 40.0, T0);
        model.pulse(T0);
        store.apply(new TagUpdate(PRESS.signal("speed"), new TagValue(null, T0, T0.plusSeconds(1), Quality.BAD, -1)));
        model.pulse(T0.plusSeconds(1));
        StationTileViewModel tile = model.tile(PRESS);
        assertEquals("\u2014", tile.firstTextProperty().get());
        assertEquals(Quality.BAD, tile.qualityProperty().get());
    }

    @Test
    void aPulseDrainsEachChangedTagOnceHoweverOftenItChanged() {
        for (int i = 0; i < 1_000; i++) {
            publish(PRESS, "speed", (double) i, T0);
        }
        assertEquals(1, model.pulse(T0));
        assertEquals("999.0", model.tile(PRESS).firstTextProperty().get());
        assertEquals(0, model.pulse(T0.plusMillis(16)));
    }

    /** Counts every change of every property of the tiles seen so far, and of the lists: what a view would be told. */
    private AtomicInteger watchAllTiles(WorkshopViewModel overview) {
        AtomicInteger touched = new AtomicInteger();
        ChangeListener<Object> count = (obs, old, now) -> touched.incrementAndGet();
        ListChangeListener<Object> listCount = change -> touched.incrementAndGet();
        for (LineViewModel line : overview.lines()) {
            for (StationTileViewModel tile : line.stations()) {
                for (ObservableValue<?> p : List.<ObservableValue<?>>of(tile.stateProperty(), tile.stateTextProperty(), tile.firstTextProperty(),
                        tile.secondTextProperty(), tile.countTextProperty(), tile.qualityProperty(),
                        tile.qualityTextProperty())) {
                    p.addListener(count);
                }
            }
            line.stations().addListener(listCount);
        }
        overview.lines().addListener(listCount);
        return touched;
    }

    private void publishStations(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            StationId st = new StationId("demo", "assembly", "line-" + i / 25, "st-" + i);
            publish(st, "state", "running", at);
            publish(st, "speed", 10.0 + i, at);
            publish(st, "temperature", 40.0, at);
            publish(st, "cycles", 7.0, at);
        }
    }

    @Test
    void aPulseWithNothingNewTouchesNoProperty() {
        publishStations(100, T0);
        model.pulse(T0);
        AtomicInteger touched = watchAllTiles(model);
        assertEquals(0, model.pulse(T0));
        assertEquals(0, model.pulse(T0.plusMillis(16)), "16 ms later: ages refreshed for a slice, still 0.0 s");
        assertEquals(0, touched.get(), "a pulse with no changes must not invalidate anything a view listens to");
    }

    @Test
    void aRepeatedEqualValueIsNotShownAgain() {
        publishStations(100, T0);
        model.pulse(T0);
        AtomicInteger touched = watchAllTiles(model);
        publishStations(100, T0); // same values, same receive time: e.g. a redelivered retained message
        assertEquals(400, model.pulse(T0));
        assertEquals(0, touched.get(), "equal values must not re-set texts");
        publish(new StationId("demo", "assembly", "line-0", "st-3"), "cycles", 8.0, T0);
        model.pulse(T0);
        assertEquals(1, touched.get(), "one new counter value changes exactly one text");
    }

    @Test
    void agesAreRefreshedASliceAtATimeAndAllWithinTheRefreshPeriod() {
        publishStations(100, T0);
        model.pulse(T0);
        StationTileViewModel first = model.tile(new StationId("demo", "assembly", "line-0", "st-0"));
        StationTileViewModel last = model.tile(new StationId("demo", "assembly", "line-3", "st-99"));
        AtomicInteger touched = watchAllTiles(model);
        model.pulse(T0.plusMillis(125)); // half the period: half of the tiles, each now "0.1 s"
        assertEquals(50, touched.get());
        assertEquals("Good \u00B7 0.1 s", first.qualityTextProperty().get());
        assertEquals("Good \u00B7 0.0 s", last.qualityTextProperty().get());
        model.pulse(T0.plusMillis(250)); // the other half
        assertEquals(100, touched.get());
        assertEquals("Good \u00B7 0.3 s", last.qualityTextProperty().get());
    }

    private static List<String> speeds(WorkshopViewModel overview, List<StationId> ids) {
        return ids.stream().map(id -> overview.tile(id).firstTextProperty().get()).toList();
    }

    @Test
    void aPulseOverItsBudgetLeavesTheRestToTheNextPulseWithTheirLatestValues() {
        WorkshopViewModel slow = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH), java.time.Duration.ZERO);
        List<StationId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(new StationId("demo", "assembly", "line-1", "st-" + i));
            publish(ids.get(i), "speed", 1.0, T0);
        }
        assertEquals(6, slow.pulse(T0));
        assertEquals(List.of("1.0", "1.0", "\u2014", "\u2014", "\u2014", "\u2014"), speeds(slow, ids),
                "over budget, a pulse shows a third of the waiting tiles, oldest first");
        publish(ids.get(5), "speed", 3.0, T0); // superseded before it was shown: only the latest is formatted
        assertEquals(1, slow.pulse(T0.plusMillis(16)));
        assertEquals(List.of("1.0", "1.0", "1.0", "1.0", "\u2014", "\u2014"), speeds(slow, ids));
        slow.pulse(T0.plusMillis(32));
        slow.pulse(T0.plusMillis(48));
        assertEquals(List.of("1.0", "1.0", "1.0", "1.0", "1.0", "3.0"), speeds(slow, ids));
        slow.dispose();
    }

    @Test
    void clickingATileOpensThatStation() {
        List<StationId> opened = new ArrayList<>();
        model.setOnOpenStation(opened::add);
        publish(PRESS, "state", "idle", T0);
        model.pulse(T0);
        model.tile(PRESS).openRequested();
        assertEquals(List.of(PRESS), opened);
        assertNull(model.tile(new StationId("demo", "assembly", "line-9", "x")));
    }

    @Test
    void chineseTextsComeFromTheZhCnBundle() {
        WorkshopViewModel zh = new WorkshopViewModel(store, Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        publish(PRESS, "state", "starved", T0);
        zh.pulse(T0);
        assertEquals("\u7F3A\u6599", zh.tile(PRESS).stateTextProperty().get());
        zh.dispose();
    }

    @Test
    void aDisposedOverviewIsForgottenByTheStore() {
        int readers = store.readerCount();
        WorkshopViewModel closed = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH));
        assertEquals(readers + 1, store.readerCount());
        closed.dispose();
        assertEquals(readers, store.readerCount(), "a closed overview would keep collecting dirty tags forever");
        publish(PRESS, "speed", 1.0, T0);
        assertEquals(1, model.pulse(T0), "the live overview still gets updates");
    }

    @Test
    void unknownStateTextIsShownAsNoState() {
        publish(PRESS, "state", "exploded", T0);
        model.pulse(T0);
        assertEquals(StationState.UNKNOWN, model.tile(PRESS).stateProperty().get());
        TagPath path = PRESS.signal("state");
        assertEquals("exploded", store.get(path).value());
    }
}
