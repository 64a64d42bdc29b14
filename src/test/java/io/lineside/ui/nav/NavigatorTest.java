package io.lineside.ui.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Where the operator goes and how the trail and history follow, without the toolkit. */
class NavigatorTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final LineId LINE_1 = LineId.of(PRESS);

    private final Navigator nav = new Navigator(Texts.forLocale(Locale.ENGLISH));

    @Test
    void startsOnThePlantWithNoHistory() {
        assertEquals(Place.plant(), nav.place());
        assertFalse(nav.canGoBackProperty().get());
        assertFalse(nav.canGoForwardProperty().get());
        assertEquals(List.of("Plant"), texts());
    }

    @Test
    void drillingDownBuildsTheBreadcrumbTrailWithOnlyTheLastCrumbCurrent() {
        nav.go(Place.line(LINE_1));
        nav.go(Place.station(PRESS));
        nav.go(Place.diagnostics(PRESS));
        assertEquals(List.of("Plant", "assembly / line-1", "press", "Diagnostics"), texts());
        assertEquals(List.of(false, false, false, true), nav.crumbs().stream().map(Crumb::current).toList());
        assertEquals(Place.station(PRESS), nav.crumbs().get(2).place());
    }

    @Test
    void backAndForwardRetraceTheWayAndANewPlaceClearsForward() {
        nav.go(Place.line(LINE_1));
        nav.openStation(PRESS);
        nav.back();
        assertEquals(Place.line(LINE_1), nav.place());
        assertTrue(nav.canGoForwardProperty().get());
        nav.forward();
        assertEquals(Place.station(PRESS), nav.place());
        nav.back();
        nav.back();
        assertEquals(Place.plant(), nav.place());
        assertFalse(nav.canGoBackProperty().get());
        nav.go(Place.diagnostics(PRESS));
        assertFalse(nav.canGoForwardProperty().get(), "a new way forgets the old forward history");
        nav.back();
        assertEquals(Place.plant(), nav.place());
    }

    @Test
    void anAlarmJumpsStraightToTheStationAndHomeReturnsToThePlant() {
        nav.openStation(PRESS);
        assertEquals(List.of("Plant", "assembly / line-1", "press"), texts());
        nav.home();
        assertEquals(Place.plant(), nav.place());
        nav.back();
        assertEquals(Place.station(PRESS), nav.place());
    }

    @Test
    void goingWhereTheOperatorAlreadyIsAddsNoHistoryAndFiresNoChange() {
        List<Place> seen = new ArrayList<>();
        nav.placeProperty().addListener((o, old, now) -> seen.add(now));
        nav.openStation(PRESS);
        nav.openStation(PRESS);
        nav.back();
        assertEquals(List.of(Place.station(PRESS), Place.plant()), seen);
    }

    @Test
    void historyIsBoundedDroppingTheOldestPlaces() {
        Navigator small = new Navigator(Texts.forLocale(Locale.ENGLISH), 3);
        for (int i = 1; i <= 6; i++) {
            small.openStation(new StationId("demo", "assembly", "line-1", "s" + i));
        }
        int steps = 0;
        while (small.canGoBackProperty().get()) {
            small.back();
            steps++;
        }
        assertEquals(3, steps);
        assertEquals("s3", small.place().station().station());
    }

    @Test
    void upClimbsOneLevel() {
        nav.go(Place.diagnostics(PRESS));
        nav.up();
        assertEquals(Place.station(PRESS), nav.place());
        nav.up();
        assertEquals(Place.line(LINE_1), nav.place());
    }

    @Test
    void aPlaceMustBeConsistentWithItsLevel() {
        StationId other = new StationId("demo", "assembly", "line-2", "press");
        assertThrows(IllegalArgumentException.class, () -> new Place(Place.Level.STATION, LINE_1, other));
        assertThrows(IllegalArgumentException.class, () -> new Place(Place.Level.LINE, LINE_1, PRESS));
        assertThrows(IllegalArgumentException.class, () -> new Place(Place.Level.PLANT, LINE_1, null));
    }

    @Test
    void theTrailIsInChinese() {
        Navigator zh = new Navigator(Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        zh.go(Place.diagnostics(PRESS));
        assertEquals("\u5DE5\u5382", zh.crumbs().getFirst().text());
        assertEquals("\u8BCA\u65AD", zh.crumbs().getLast().text());
    }

    private List<String> texts() {
        return nav.crumbs().stream().map(Crumb::text).toList();
    }
}
