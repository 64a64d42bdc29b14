package io.lineside.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A saved window arrangement is put back only where there is a screen to show it. */
class WindowPlacementTest {

    private static final ScreenArea PRIMARY = new ScreenArea(0, 0, 1920, 1040);
    private static final ScreenArea RIGHT = new ScreenArea(1920, 0, 1280, 984);

    @Test
    void aWindowOnAScreenThatStillExistsStaysWhereItWas() {
        WindowPlacement trend = new WindowPlacement("trend", 2000, 50, 900, 600, false, 1);
        assertEquals(trend, trend.clampTo(List.of(PRIMARY, RIGHT)));
    }

    @Test
    void aWindowOnAMissingSecondMonitorMovesOntoThePrimaryScreen() {
        WindowPlacement trend = new WindowPlacement("trend", 2000, 50, 900, 600, true, 1);
        assertEquals(new WindowPlacement("trend", 1020, 50, 900, 600, true, 0), trend.clampTo(List.of(PRIMARY)));
    }

    @Test
    void aWindowLargerThanItsScreenShrinksToFitAndIsShiftedOntoIt() {
        WindowPlacement main = new WindowPlacement(WindowPlacement.MAIN, -300, -40, 2560, 1400, false, 0);
        assertEquals(new WindowPlacement(WindowPlacement.MAIN, 0, 0, 1920, 1040, false, 0),
                main.clampTo(List.of(PRIMARY, RIGHT)));
    }

    @Test
    void aWindowPartlyOffItsScreenIsPulledBackWhole() {
        WindowPlacement alarms = new WindowPlacement("alarms", 3000, 900, 400, 300, false, 1);
        assertEquals(new WindowPlacement("alarms", 2800, 684, 400, 300, false, 1), alarms.clampTo(List.of(PRIMARY, RIGHT)));
    }

    @Test
    void aTinyOrNegativeIndexPlacementBecomesAUsableWindowOnThePrimary() {
        WindowPlacement odd = new WindowPlacement("review", 10, 10, 20, 5, false, -1);
        assertEquals(new WindowPlacement("review", 10, 10, 320, 240, false, 0), odd.clampTo(List.of(PRIMARY)));
        assertThrows(IllegalArgumentException.class, () -> odd.clampTo(List.of()));
    }

    private static final ScreenArea BANNER = new ScreenArea(0, 70, 1920, 120); // the main window's, maximized

    @Test
    void aWindowOverTheAlarmBannerMovesBelowItAndEndsOnTheScreen() {
        WindowPlacement review = new WindowPlacement("review", 300, 100, 1100, 1000, false, 0);
        assertEquals(new WindowPlacement("review", 300, 190, 1100, 850, false, 0), review.clearOf(BANNER, PRIMARY));
    }

    @Test
    void aMaximizedWindowIsRestoredToTheAreaBelowTheBanner() {
        WindowPlacement diagnostics = new WindowPlacement("diagnostics", 0, 0, 800, 600, true, 0);
        assertEquals(new WindowPlacement("diagnostics", 0, 190, 1920, 850, false, 0),
                diagnostics.clearOf(BANNER, PRIMARY));
    }

    @Test
    void aWindowAwayFromTheBannerStaysWhereItIs() {
        WindowPlacement below = new WindowPlacement("review", 300, 400, 800, 600, false, 0);
        WindowPlacement otherScreen = new WindowPlacement("review", 2000, 0, 800, 600, false, 1);
        assertEquals(below, below.clearOf(BANNER, PRIMARY));
        assertEquals(otherScreen, otherScreen.clearOf(BANNER, RIGHT));
    }
}
