package io.lineside.ui.alarms;

import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLeaks;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The banner and the summary let go of their view-models when rebuilt by a language switch or closed. */
class AlarmViewsLeakTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final AlarmSnapshot snapshot = Snapshots.of(false, 0,
            Snapshots.alarm("A-1", "line-1/press", Priority.HIGH, AlarmState.UNACK, 10),
            Snapshots.alarm("A-2", "line-1/weld", Priority.LOW, AlarmState.ACKED, 20));
    private final Texts texts = Texts.forLocale(Locale.ENGLISH);
    private final AlarmHorn horn = new AlarmHorn();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void quiet() {
        horn.close();
    }

    @Test
    void aRebuiltOrClosedBannerIsCollected() throws Exception {
        AlarmBannerViewModel banner = new AlarmBannerViewModel(() -> snapshot, horn, texts, ZONE);
        ViewLeaks.assertReleasedOnSwitchAndClose(texts, AlarmBannerView.class,
                () -> new AlarmBannerView(banner), "summary.title", banner, () -> banner.pulse(Snapshots.T0));
        banner.pulse(Snapshots.T0.plusSeconds(1)); // the view-model lives on
    }

    @Test
    void aRebuiltOrClosedSummaryIsCollected() throws Exception {
        AlarmSummaryViewModel summary = new AlarmSummaryViewModel(() -> snapshot, List.of(), List::of,
                new IdleAlarmActions(), texts, ZONE, Runnable::run);
        ViewLeaks.assertReleasedOnSwitchAndClose(texts, AlarmSummaryView.class,
                () -> new AlarmSummaryView(summary, texts), "summary.title", summary,
                () -> summary.pulse(Snapshots.T0));
        summary.pulse(Snapshots.T0.plusSeconds(1));
    }
}
