package io.lineside.ui.alarms;

import static io.lineside.ui.alarms.Snapshots.T0;
import static io.lineside.ui.alarms.Snapshots.alarm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The banner from constructed snapshots, with the real horn (this machine has no audio device). */
class AlarmBannerViewModelTest {

    private final AtomicReference<AlarmSnapshot> snapshot = new AtomicReference<>(AlarmSnapshot.empty(T0));
    private final AlarmHorn horn = new AlarmHorn();

    @AfterEach
    void closeHorn() {
        horn.close();
    }

    private AlarmBannerViewModel banner(Locale locale) {
        return new AlarmBannerViewModel(snapshot::get, horn, Texts.forLocale(locale), ZoneOffset.UTC);
    }

    @Test
    void showsTheNewestHighestPriorityAlarmNeedingAcknowledgement() {
        AlarmBannerViewModel banner = banner(Locale.ENGLISH);
        snapshot.set(Snapshots.of(false, 0,
                alarm("PRESS-CRIT", "line-1/press", Priority.CRITICAL, AlarmState.ACKED, 50),
                alarm("WELD-OLD", "line-1/weld", Priority.HIGH, AlarmState.UNACK, 10),
                alarm("WELD-NEW", "line-2/weld", Priority.HIGH, AlarmState.UNACK, 20),
                alarm("PAINT-LOW", "line-2/paint", Priority.LOW, AlarmState.UNACK, 90)));
        banner.pulse(T0.plusSeconds(600));
        assertEquals(Priority.HIGH, banner.priorityProperty().get(), "an acknowledged Critical is not the top");
        assertEquals("High", banner.priorityTextProperty().get());
        assertEquals("08:00:20  line-2 / weld  WELD-NEW fault  fault  Unacknowledged",
                banner.textProperty().get());
        assertEquals("Critical 0/1   High 2/2   Medium 0/0   Low 1/1", banner.countsTextProperty().get());
        assertFalse(banner.floodProperty().get());
        assertEquals("", banner.uncertainTextProperty().get());
    }

    @Test
    void floodAndUncertainAreShownAndChineseUsesTheChineseMessage() {
        AlarmBannerViewModel banner = banner(Locale.SIMPLIFIED_CHINESE);
        snapshot.set(Snapshots.of(true, 3, alarm("PRESS", "line-1/press", Priority.MEDIUM, AlarmState.UNACK, 5)));
        banner.pulse(T0.plusSeconds(600));
        assertTrue(banner.floodProperty().get());
        assertEquals("3 \u4E2A\u62A5\u8B66\u4FDD\u6301\uFF08\u8F93\u5165\u4E0D\u53EF\u9760\uFF09",
                banner.uncertainTextProperty().get());
        assertEquals("\u4E2D", banner.priorityTextProperty().get());
        assertTrue(banner.textProperty().get().contains("PRESS \u6545\u969C"), banner.textProperty().get());
    }

    @Test
    void aNewUnacknowledgedAlarmSoundsUntilSilencedAndTheNextOneSoundsAgain() {
        AlarmBannerViewModel banner = banner(Locale.ENGLISH);
        var press = alarm("PRESS", "line-1/press", Priority.MEDIUM, AlarmState.UNACK, 5);
        snapshot.set(Snapshots.of(false, 0, press));
        banner.pulse(T0.plusSeconds(600));
        assertTrue(banner.annunciatingProperty().get());
        assertEquals(Priority.MEDIUM, horn.sounding());
        assertTrue(banner.flashOnProperty().get() || bannerFlashesWithin(banner));

        banner.silence();
        snapshot.set(Snapshots.of(false, 0, press)); // the engine republishes: the same alarm stays silenced
        banner.pulse(T0.plusSeconds(601));
        assertFalse(banner.annunciatingProperty().get());
        assertNull(horn.sounding());

        snapshot.set(Snapshots.of(false, 0, press, alarm("WELD", "line-1/weld", Priority.CRITICAL, AlarmState.UNACK, 30)));
        banner.pulse(T0.plusSeconds(602));
        assertTrue(banner.annunciatingProperty().get());
        assertEquals(Priority.CRITICAL, horn.sounding());
    }

    @Test
    void whenNothingNeedsAcknowledgingTheBannerSaysSoAndFallsSilent() {
        AlarmBannerViewModel banner = banner(Locale.ENGLISH);
        snapshot.set(Snapshots.of(false, 0, alarm("PRESS", "line-1/press", Priority.HIGH, AlarmState.UNACK, 5)));
        banner.pulse(T0.plusSeconds(600));
        snapshot.set(Snapshots.of(false, 0, alarm("PRESS", "line-1/press", Priority.HIGH, AlarmState.ACKED, 5)));
        banner.pulse(T0.plusSeconds(601));
        assertEquals("No unacknowledged alarms", banner.textProperty().get());
        assertNull(banner.priorityProperty().get());
        assertFalse(banner.annunciatingProperty().get());
        assertNull(horn.sounding());
    }

    @Test
    void withoutAnAudioDeviceTheHornSaysSoAndNeverThrows() throws Exception {
        AlarmBannerViewModel banner = banner(Locale.ENGLISH);
        horn.sound(Priority.CRITICAL);
        long deadline = System.currentTimeMillis() + 5_000;
        while (horn.audible() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // the player thread finds out when it first tries to open a line
        }
        banner.pulse(T0);
        boolean hasAudio = horn.audible();
        assertEquals(hasAudio ? "" : "No audio device: visual alarm only", banner.audioTextProperty().get());
    }

    private static boolean bannerFlashesWithin(AlarmBannerViewModel banner) {
        banner.pulse(T0.plusMillis(500)); // the other flash phase
        return banner.flashOnProperty().get();
    }
}
