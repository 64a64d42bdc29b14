package io.lineside.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.ConnectionStatus;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final AtomicReference<ConnectionStatus> connection = new AtomicReference<>(
            new ConnectionStatus(ConnectionState.ONLINE, T0, "tcp://b:1883", 2, ""));
    private final AtomicReference<MainViewModel.HistoryStatus> history = new AtomicReference<>(
            new MainViewModel.HistoryStatus(1234, 0, null));
    private final IngestDiagnostics diagnostics = new IngestDiagnostics();
    private final MainViewModel model = new MainViewModel(new MainViewModel.Sources(connection::get,
            diagnostics::snapshot, history::get, "/data", true), Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC);

    @Test
    void showsConnectionSinceAndReconnects() {
        model.pulse(T0);
        assertEquals(ConnectionState.ONLINE, model.connectionStateProperty().get());
        assertEquals("Online \u00B7 since 08:00:00 \u00B7 reconnects: 2", model.connectionTextProperty().get());
        assertEquals("Lineside HMI \u2014 DEMO PLANT", model.title());
        assertEquals("History: 1,234 samples", model.historyTextProperty().get());
    }

    @Test
    void noReconnectYetSaysOnlyTheStateAndSince() {
        connection.set(new ConnectionStatus(ConnectionState.ONLINE, T0, "tcp://b:1883", 0, ""));
        model.pulse(T0);
        assertEquals("Online \u00B7 since 08:00:00", model.connectionTextProperty().get());
    }

    @Test
    void offlineCarriesTheOperatorMessageAfterTheNextRefresh() {
        model.pulse(T0);
        connection.set(new ConnectionStatus(ConnectionState.OFFLINE, T0.plusSeconds(5), "tcp://b:1883", 2,
                "connection refused by tcp://b:1883 (is the broker running?)"));
        model.pulse(T0.plusMillis(100));
        assertEquals(ConnectionState.ONLINE, model.connectionStateProperty().get(), "refreshes at most 4 times a second");
        model.pulse(T0.plusMillis(300));
        assertEquals(ConnectionState.OFFLINE, model.connectionStateProperty().get());
        assertEquals("connection refused by tcp://b:1883 (is the broker running?)", model.connectionDetailProperty().get());
    }

    @Test
    void samplesHistoryCouldNotStoreStayFlaggedAfterItCaughtUp() {
        history.set(new MainViewModel.HistoryStatus(10, 7, null));
        model.pulse(T0);
        assertTrue(model.historyDelayedProperty().get());
        assertEquals("History: 10 samples \u00B7 7 not stored (gaps in history)", model.historyTextProperty().get());
    }

    @Test
    void aLaggingWriterIsSaidSoWithHowFarBehindAndWhatItCouldNotStore() {
        AtomicReference<MainViewModel.HistoryStatus> history = new AtomicReference<>(
                new MainViewModel.HistoryStatus(500, 40, null, true, 12, 40));
        MainViewModel model = new MainViewModel(new MainViewModel.Sources(
                () -> new ConnectionStatus(ConnectionState.ONLINE, Instant.EPOCH, "tcp://b:1883", 0, ""),
                () -> new IngestDiagnostics().snapshot(), history::get, "/data", false),
                Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC);
        model.pulse(Instant.EPOCH.plusSeconds(10));
        assertEquals("History delayed (12 s behind, 40 samples not stored)", model.historyTextProperty().get());
        assertTrue(model.historyDelayedProperty().get());
    }

    @Test
    void aCoalescingAlarmEvaluatorIsShownDelayedAndTheNoticeOutlastsAShortBurst() {
        AtomicReference<MainViewModel.AlarmStatus> alarms = new AtomicReference<>(MainViewModel.AlarmStatus.ON_TIME);
        MainViewModel model = new MainViewModel(new MainViewModel.Sources(connection::get, diagnostics::snapshot,
                history::get, "/data", false, alarms::get), Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC);
        model.pulse(T0);
        assertEquals("", model.alarmDelayedTextProperty().get());
        alarms.set(new MainViewModel.AlarmStatus(true, 1500));
        model.pulse(T0.plusSeconds(1));
        assertEquals("Alarm evaluation delayed: 1,500 updates coalesced", model.alarmDelayedTextProperty().get());
        alarms.set(new MainViewModel.AlarmStatus(false, 1500)); // caught up between two refreshes
        model.pulse(T0.plusSeconds(3));
        assertEquals("Alarm evaluation delayed: 1,500 updates coalesced", model.alarmDelayedTextProperty().get());
        model.pulse(T0.plusSeconds(7));
        assertEquals("", model.alarmDelayedTextProperty().get());
        alarms.set(new MainViewModel.AlarmStatus(false, 1500, 40)); // a restart restored 40 alarm states
        model.pulse(T0.plusSeconds(9));
        assertEquals("40 alarm states restored from the journal, awaiting fresh values",
                model.alarmDelayedTextProperty().get());
        alarms.set(new MainViewModel.AlarmStatus(true, 1600, 2));
        model.pulse(T0.plusSeconds(11));
        assertEquals("Alarm evaluation delayed: 1,600 updates coalesced \u00B7 2 alarm states restored from the journal,"
                + " awaiting fresh values", model.alarmDelayedTextProperty().get());
        MainViewModel chinese = new MainViewModel(new MainViewModel.Sources(connection::get, diagnostics::snapshot,
                history::get, "/data", false, () -> new MainViewModel.AlarmStatus(true, 3)),
                Texts.forLocale(Locale.SIMPLIFIED_CHINESE), ZoneOffset.UTC);
        chinese.pulse(T0);
        assertEquals("\u62A5\u8B66\u8BC4\u4F30\u5EF6\u8FDF\uFF1A\u5DF2\u5408\u5E76 3 \u6761\u66F4\u65B0",
                chinese.alarmDelayedTextProperty().get());
    }
}
