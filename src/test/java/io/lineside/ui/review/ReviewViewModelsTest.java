package io.lineside.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournalCsv;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.Permission;
import io.lineside.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal and KPI models on a real H2 journal, with same-thread executors instead of the toolkit. */
class ReviewViewModelsTest {

    private static final Executor SAME_THREAD = Runnable::run;
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Texts EN = Texts.forLocale(Locale.ENGLISH);

    @TempDir
    Path dir;
    private HistoryDatabase db;
    private AlarmJournalStore journal;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
        journal = new AlarmJournalStore(db);
        // Two press faults 30 and 20 minutes ago, one acknowledged by ana after 2 minutes; one old weld alarm.
        journal.append(event(-1800, "P-FAULT", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, "system", ""));
        journal.append(event(-1680, "P-FAULT", AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, "ana", "jam, cleared"));
        journal.append(event(-1200, "P-TEMP-H", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, "system", ""));
        journal.append(event(-3 * 86_400, "W-TEMP-L", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK,
                "system", ""));
    }

    @AfterEach
    void close() {
        journal.close();
        db.close();
    }

    @Test
    void aLanguageSwitchReWordsTheJournalRowsAndKpisWithoutAskingAgain() {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        JournalViewModel journalModel = new JournalViewModel(journal, (events, file) -> "", SAME_THREAD, SAME_THREAD,
                texts, CLOCK);
        KpiViewModel kpis = new KpiViewModel(journal, SAME_THREAD, SAME_THREAD, texts, CLOCK);
        journalModel.search(ReviewRange.LAST_HOUR, null, null, "", "");
        kpis.compute(ReviewRange.LAST_HOUR);
        List<JournalViewModel.Row> english = List.copyOf(journalModel.rows());
        List<KpiViewModel.Line> englishLines = kpis.linesProperty().get();
        journal.append(event(-60, "P-LATE", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, "system", ""));

        texts.switchTo(Locale.SIMPLIFIED_CHINESE);
        journalModel.relocalize();
        kpis.relocalize();

        Texts zh = Texts.forLocale(Locale.SIMPLIFIED_CHINESE);
        JournalViewModel chineseJournal = new JournalViewModel(journal, (events, file) -> "", SAME_THREAD,
                SAME_THREAD, zh, CLOCK);
        chineseJournal.search(ReviewRange.LAST_HOUR, null, null, "", "");
        List<JournalViewModel.Row> chinese = chineseJournal.rows().stream()
                .filter(r -> !r.alarm().equals("P-LATE")).toList();
        assertEquals(english.size(), journalModel.rows().size(), "the rows found before, not a new query");
        assertNotEquals(english, List.copyOf(journalModel.rows()));
        assertEquals(chinese, List.copyOf(journalModel.rows()));
        assertEquals(zh.get("review.rows", english.size()), journalModel.messageProperty().get());
        KpiViewModel chineseKpis = new KpiViewModel(journal, SAME_THREAD, SAME_THREAD, zh, CLOCK);
        chineseKpis.compute(ReviewRange.LAST_HOUR);
        assertNotEquals(englishLines, kpis.linesProperty().get());
        assertEquals(chineseKpis.lines(kpis.reportProperty().get()), kpis.linesProperty().get());
    }

    @Test
    void theJournalFiltersByRangeStateAndTextAndShowsWhoAndWhy() {
        JournalViewModel model = new JournalViewModel(journal, (events, file) -> "", SAME_THREAD, SAME_THREAD, EN, CLOCK);
        model.search(ReviewRange.LAST_HOUR, null, null, "", "");
        assertEquals(List.of("P-FAULT", "P-FAULT", "P-TEMP-H"), model.rows().stream().map(JournalViewModel.Row::alarm).toList());
        assertEquals("3 rows.", model.messageProperty().get());
        JournalViewModel.Row ack = model.rows().get(1);
        assertEquals("2026-11-26 11:32:00", ack.time());
        assertEquals("Unacknowledged \u2192 Acknowledged", ack.transition());
        assertEquals("ana", ack.user());
        assertEquals("jam, cleared", ack.note());

        model.search(ReviewRange.LAST_HOUR, null, AlarmState.ACKED, "", "");
        assertEquals(1, model.rows().size());
        model.search(ReviewRange.LAST_7_DAYS, null, null, "", "weld");
        assertEquals(List.of("W-TEMP-L"), model.rows().stream().map(JournalViewModel.Row::alarm).toList());
        model.search(ReviewRange.LAST_7_DAYS, Priority.CRITICAL, null, "", "");
        assertTrue(model.rows().isEmpty());
    }

    @Test
    void exportHandsTheLastSearchToTheExporterAndShowsWhatItSaid() {
        AtomicReference<List<AlarmEvent>> exported = new AtomicReference<>();
        JournalViewModel model = new JournalViewModel(journal, (events, file) -> {
            exported.set(events);
            return "done " + file.getFileName();
        }, SAME_THREAD, SAME_THREAD, EN, CLOCK);
        model.search(ReviewRange.LAST_HOUR, null, AlarmState.UNACK, "", "");
        model.export(dir.resolve("out.csv"));
        assertEquals(2, exported.get().size());
        assertEquals("done out.csv", model.messageProperty().get());

        JournalViewModel refusing = new JournalViewModel(journal, (events, file) -> {
            throw new AccessDeniedException("Operator may not export reports", Permission.EXPORT_REPORT);
        }, SAME_THREAD, SAME_THREAD, EN, CLOCK);
        refusing.export(dir.resolve("x.csv"));
        assertEquals("Refused: Operator may not export reports", refusing.messageProperty().get());
        assertFalse(refusing.busyProperty().get());

        // An Error (issue 18: NoClassDefFoundError) ends the export too, shown, not a busy tab for ever.
        JournalViewModel broken = new JournalViewModel(journal, (events, file) -> {
            throw new NoClassDefFoundError("org/apache/commons/logging/LogFactory");
        }, SAME_THREAD, SAME_THREAD, EN, CLOCK);
        broken.export(dir.resolve("y.csv"));
        assertEquals("Export failed: NoClassDefFoundError: org/apache/commons/logging/LogFactory",
                broken.messageProperty().get(), "a failure is not worded as a refusal (issue 20)");
        assertFalse(broken.busyProperty().get());
    }

    @Test
    void anExportThatCannotWriteItsFileShowsTheFileSystemsReasonNotARefusal() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path target = blocker.resolve("journal.csv");
        AtomicReference<Exception> thrown = new AtomicReference<>();
        JournalViewModel model = new JournalViewModel(journal, (events, file) -> {
            try (var out = Files.newBufferedWriter(file)) {
                AlarmJournalCsv.write(events, out);
            } catch (java.io.IOException e) {
                thrown.set(e);
                throw e;
            }
            return "written";
        }, SAME_THREAD, SAME_THREAD, EN, CLOCK);
        model.search(ReviewRange.LAST_HOUR, null, null, "", "");
        model.export(target);
        assertTrue(thrown.get() instanceof java.nio.file.FileSystemException, String.valueOf(thrown.get()));
        String shown = model.messageProperty().get();
        assertEquals("Export failed: " + thrown.get().getMessage(), shown);
        assertTrue(shown.contains(target.toString()), "says which file: " + shown);
        assertFalse(model.busyProperty().get());

        JournalViewModel chinese = new JournalViewModel(journal, (events, file) -> {
            throw new java.io.IOException("No space left on device");
        }, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.SIMPLIFIED_CHINESE), CLOCK);
        chinese.export(target);
        assertEquals("\u5BFC\u51FA\u5931\u8D25\uFF1ANo space left on device", chinese.messageProperty().get());
    }

    @Test
    void kpisOfTheLastHourComeFromTheJournal() {
        KpiViewModel model = new KpiViewModel(journal, SAME_THREAD, SAME_THREAD, EN, CLOCK);
        model.compute(ReviewRange.LAST_HOUR);
        List<String> lines = model.linesProperty().get().stream().map(KpiViewModel.Line::text).toList();
        // 2 annunciations in 6 ten-minute periods: 0.3 on average, peak 1; one acknowledgement after 120 s.
        assertEquals("Alarms annunciated: 2", lines.get(0));
        assertEquals("Alarms per 10 minutes: 0.3 on average (target \u2264 1), peak 1", lines.get(1));
        assertTrue(model.linesProperty().get().get(1).meetsTarget());
        assertEquals("Acknowledgements: 1, average time to acknowledge 2 min, longest 2 min", lines.get(6));
        assertEquals(List.of("P-FAULT", "P-TEMP-H"), model.reportProperty().get().badActors().stream()
                .map(a -> a.alarmId()).sorted().toList());
    }

    private static AlarmEvent event(int secondsFromNow, String id, AlarmTrigger trigger, AlarmState from,
                                    AlarmState to, String user, String note) {
        String station = id.startsWith("W") ? "weld" : "press";
        return new AlarmEvent(NOW.plusSeconds(secondsFromNow), id, trigger, from, to, Priority.HIGH, "assembly",
                "demo/assembly/line-1/" + station, "demo/assembly/line-1/" + station + "/temperature", "61.5", user,
                note, id.startsWith("W") ? "Weld temperature low" : "Press alarm");
    }
}
