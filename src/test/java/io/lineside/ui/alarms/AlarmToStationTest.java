package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmActions;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alarm → station in one step, from the summary's row and from the banner's alarm. */
class AlarmToStationTest {

    private static final StationId WELD = new StationId("demo", "assembly", "line-2", "weld");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");

    private final ActiveAlarm weldHigh = Snapshots.alarm("WELD-H", "line-2/weld", Priority.HIGH, AlarmState.UNACK, 40);
    private final ActiveAlarm pressLow = Snapshots.alarm("PRESS-L", "line-1/press", Priority.LOW, AlarmState.UNACK, 50);
    private final AlarmHorn horn = new AlarmHorn();
    private final List<StationId> opened = new ArrayList<>();

    @AfterEach
    void closeHorn() {
        horn.close();
    }

    @Test
    void aSummaryRowOpensItsStation() {
        AlarmSummaryViewModel model = new AlarmSummaryViewModel(() -> Snapshots.of(false, 0, weldHigh, pressLow),
                List.of(weldHigh.definition(), pressLow.definition()), List::of, new Refusing(),
                Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC, Runnable::run);
        model.setOnOpenStation(opened::add);
        model.pulse(Snapshots.T0.plusSeconds(60));
        model.openStation(model.rows().get(1));
        model.openStation(null); // nothing selected: nowhere to go
        assertEquals(List.of(PRESS), opened);
    }

    @Test
    void theBannersAlarmOpensItsStationAndAQuietBannerGoesNowhere() {
        java.util.concurrent.atomic.AtomicReference<io.lineside.alarms.AlarmSnapshot> snapshot =
                new java.util.concurrent.atomic.AtomicReference<>(Snapshots.of(false, 0));
        AlarmBannerViewModel banner = new AlarmBannerViewModel(snapshot::get, horn, Texts.forLocale(Locale.ENGLISH),
                ZoneOffset.UTC);
        banner.setOnOpenStation(opened::add);
        banner.pulse(Snapshots.T0);
        banner.openShownStation();
        assertEquals(List.of(), opened);
        snapshot.set(Snapshots.of(false, 0, weldHigh, pressLow));
        banner.pulse(Snapshots.T0.plusSeconds(60));
        banner.openShownStation();
        assertEquals(List.of(WELD), opened, "the banner shows the highest-priority unacknowledged alarm");
    }

    /** The commands are not what these tests are about. */
    private static final class Refusing implements AlarmActions {
        @Override
        public CompletableFuture<Outcome> acknowledge(List<String> ids, String note) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Outcome> shelve(String id, Duration duration, boolean oneShot, String reason) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Outcome> unshelve(String id, String note) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }
    }
}
