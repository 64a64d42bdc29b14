package io.lineside.ui.review;

import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLeaks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The KPI tab lets go of its view-model when rebuilt by a language switch or closed (a real H2 journal). */
class KpiViewLeakTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRebuiltOrClosedKpiViewIsCollected() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        try (HistoryDatabase db = HistoryDatabase.open(dir); AlarmJournalStore journal = new AlarmJournalStore(db)) {
            KpiViewModel kpis = new KpiViewModel(journal, Runnable::run, Runnable::run, texts,
                    Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
            ViewLeaks.assertReleasedOnSwitchAndClose(texts, KpiView.class,
                    () -> new KpiView(kpis, texts), "review.title", kpis, () -> kpis.compute(ReviewRange.LAST_HOUR));
            kpis.compute(ReviewRange.LAST_HOUR); // the view-model lives on
        }
    }
}
