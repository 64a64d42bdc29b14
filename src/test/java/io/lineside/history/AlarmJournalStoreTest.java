package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournalCsv;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.Priority;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmJournalStoreTest {

    static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @TempDir
    Path dir;
    HistoryDatabase db;
    AlarmJournalStore store;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
        store = new AlarmJournalStore(db);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    static AlarmEvent event(int second, String id, AlarmTrigger trigger, AlarmState from, AlarmState to,
                            Priority priority, String area, String user, String note, String message) {
        return new AlarmEvent(T0.plusSeconds(second), id, trigger, from, to, priority, area, "demo/" + area + "/line-1/press",
                "demo/" + area + "/line-1/press/temperature", "61.5", user, note, message);
    }

    private void appendSample() {
        store.append(event(0, "P-FAULT", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.HIGH,
                "assembly", AlarmEvent.SYSTEM, "", "Press fault"));
        store.append(event(10, "P-TEMP-H", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW,
                "assembly", AlarmEvent.SYSTEM, "", "Press temperature high"));
        store.append(event(20, "P-FAULT", AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH,
                "assembly", "ana", "jam cleared, 50% done", "Press fault"));
        store.append(event(30, "W-TEMP-L", AlarmTrigger.SHELVE, AlarmState.NORMAL, AlarmState.SHELVED, Priority.LOW,
                "welding", "ben", "heater swap", "Weld temperature low"));
        store.append(event(40, "P-FAULT", AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, Priority.HIGH,
                "assembly", AlarmEvent.SYSTEM, "", "Press fault"));
    }

    private List<String> ids(JournalFilter filter) throws Exception {
        return store.query(filter).stream().map(e -> e.alarmId() + "@" + (e.time().getEpochSecond() - T0.getEpochSecond()))
                .toList();
    }

    @Test
    void appendedEventsReadBackWithEveryFieldInTimeOrder() throws Exception {
        appendSample();
        List<AlarmEvent> all = store.query(JournalFilter.between(T0, T0.plusSeconds(3600)));
        assertEquals(5, all.size());
        assertEquals(event(20, "P-FAULT", AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH,
                "assembly", "ana", "jam cleared, 50% done", "Press fault"), all.get(2));
        assertEquals(0, store.failures());
        assertEquals(0, store.pending());
    }

    @Test
    void theJournalFiltersByTimePriorityStateAreaAndText() throws Exception {
        appendSample();
        JournalFilter all = JournalFilter.between(T0, T0.plusSeconds(3600));
        assertEquals(List.of("P-TEMP-H@10", "P-FAULT@20"), ids(JournalFilter.between(T0.plusSeconds(10), T0.plusSeconds(30))),
                "from is inclusive, to exclusive");
        assertEquals(List.of("P-TEMP-H@10", "W-TEMP-L@30"), ids(all.withPriorities(Set.of(Priority.LOW))));
        assertEquals(List.of("P-FAULT@0", "P-TEMP-H@10"), ids(all.withStates(Set.of(AlarmState.UNACK))));
        assertEquals(List.of("W-TEMP-L@30"), ids(all.withArea("welding")));
        assertEquals(List.of("P-TEMP-H@10", "W-TEMP-L@30"), ids(all.withText("temp-")), "text is case-insensitive");
        assertEquals(List.of("P-FAULT@20"), ids(all.withText("ana")), "text matches the user");
        assertEquals(List.of("P-FAULT@20"), ids(all.withText("50%")), "% in the text is literal, not a wildcard");
        assertEquals(List.of(), ids(all.withText("_")), "so is _");
        assertEquals(List.of(), ids(all.withText("' OR 1=1 --")));
        assertEquals(List.of("P-FAULT@0", "P-FAULT@40"), ids(all.withPriorities(Set.of(Priority.HIGH))
                .withStates(Set.of(AlarmState.UNACK, AlarmState.NORMAL)).withArea("assembly").withText("press")));
        assertEquals(List.of("P-FAULT@0", "P-TEMP-H@10"), ids(all.withLimit(2)));
    }

    @Test
    void csvExportQuotesEveryCellKeepsNewlinesAndDefusesFormulas() throws Exception {
        store.append(new AlarmEvent(T0, "X-1", AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.CRITICAL,
                "assembly", "demo/assembly/line-1/press", "demo/assembly/line-1/press/temperature", "-3.5", "@ana",
                "said \"ok\",\nthen left", "=cmd|' /C calc'!A0"));
        StringWriter out = new StringWriter();
        AlarmJournalCsv.write(store.query(JournalFilter.between(T0, T0.plusSeconds(1))), out);
        assertEquals("time,alarm_id,trigger,from,to,priority,area,station,tag,value,user,note,message\r\n"
                + "\"2026-11-23T06:00:00Z\",\"X-1\",\"ACK\",\"UNACK\",\"ACKED\",\"Critical\",\"assembly\","
                + "\"demo/assembly/line-1/press\",\"demo/assembly/line-1/press/temperature\",\"'-3.5\",\"'@ana\","
                + "\"said \"\"ok\"\",\nthen left\",\"'=cmd|' /C calc'!A0\"\r\n", out.toString());
    }

    @Test
    void failedWritesAreCountedKeptAndWrittenInOrderOnceStorageWorksAgain() throws Exception {
        store.append(event(0, "A", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW, "a", "s", "", "m"));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE alarm_event RENAME TO alarm_event_away"); // storage "breaks"
        }
        store.append(event(1, "B", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW, "a", "s", "", "m"));
        store.append(event(2, "C", AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW, "a", "s", "", "m"));
        assertEquals(2, store.pending());
        assertEquals(2, store.failures());
        assertTrue(store.lastError().toUpperCase().contains("ALARM_EVENT"), store.lastError());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE alarm_event_away RENAME TO alarm_event");
        }
        assertEquals(0, store.retryPending());
        assertEquals(List.of("A@0", "B@1", "C@2"), ids(JournalFilter.between(T0, T0.plusSeconds(60))));
        assertEquals(0, store.lost());
    }

    @Test
    void anOverflowingRetryBufferDropsTheOldestAndCountsIt() throws Exception {
        store.close();
        store = new AlarmJournalStore(db, 50);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE alarm_event RENAME TO alarm_event_away");
        }
        for (int i = 0; i < 50 + 3; i++) {
            store.append(event(i, "A" + i, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW,
                    "a", "s", "", "m"));
        }
        assertEquals(3, store.lost());
        assertEquals(50, store.pending());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE alarm_event_away RENAME TO alarm_event");
        }
        store.retryPending();
        List<AlarmEvent> stored = store.query(JournalFilter.between(T0, T0.plusSeconds(100_000)));
        assertEquals(50, stored.size());
        assertEquals("A3", stored.getFirst().alarmId(), "the three oldest were dropped");
    }

    @Test
    void aVersionOneFileIsMigratedToTheJournalSchemaNotQuarantined() throws Exception {
        Path old = dir.resolve("v1");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + old.resolve("history") + ";FILE_LOCK=FILE", "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String sql : HistorySchema.MIGRATIONS.getFirst()) {
                st.execute(sql);
            }
            st.execute("INSERT INTO schema_version VALUES (1, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO tag (path) VALUES ('s/a/l/st/t')");
        }
        try (HistoryDatabase migrated = HistoryDatabase.open(old);
             Connection c = migrated.connect(); Statement st = c.createStatement()) {
            assertTrue(migrated.quarantined().isEmpty());
            assertEquals(HistorySchema.MIGRATIONS.size(), migrated.schemaVersion(), "migrated to the latest version");
            var rs = st.executeQuery("SELECT COUNT(*) FROM tag");
            rs.next();
            assertEquals(1, rs.getInt(1), "the old data is kept");
            rs = st.executeQuery("SELECT COUNT(*) FROM gap"); // V3 arrived with the journal's V2
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
