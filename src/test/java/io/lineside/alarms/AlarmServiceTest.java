package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.AuditTrail;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.security.SecuredActions;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SecurityStoreException;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import io.lineside.alarms.AlarmActions.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm service on a real H2 history file and a real security database: updates raise an alarm, commands go
 * through the permission check and audit before the engine, and the journal records who and why.
 */
class AlarmServiceTest {

    private static final String FAULT_ALARM = "L1-LOAD-FAULT"; // High, demo config
    private static final TagPath LOAD_STATE = TagPath.parse("demo/assembly/line-1/load/state");

    @TempDir
    Path dir;

    private HistoryDatabase db;
    private AlarmService alarms;
    private Security security;
    private AlarmCommands commands;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        db = HistoryDatabase.open(dir.resolve("db"));
        alarms = new AlarmService(new AlarmDefinitionsLoader().loadDemo(), new AlarmJournalStore(db), clock);
        security = new Security(dir, clock);
        security.users().createFirstAdmin("admin", "admin-secret-1".toCharArray());
        login("admin", "admin-secret-1");
        security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
        security.users().createUser(security.session(), "vera", null, Role.VIEWER, "vera-pass-1".toCharArray());
        commands = new AlarmCommands(alarms, security.actions(), security.session());
    }

    @AfterEach
    void stop() {
        alarms.close();
        db.close();
        security.close();
    }

    private void login(String user, String password) throws Exception {
        security.session().login(user, password.toCharArray());
        assertEquals(user, security.session().actor().userName());
    }

    private void raiseLoadFault() {
        Instant now = Instant.now();
        alarms.accept(new TagUpdate(LOAD_STATE, new TagValue("fault", now, now, Quality.GOOD, 1)));
        Eventually.await("the load fault alarm is annunciated", Duration.ofSeconds(5),
                () -> alarms.snapshot().alarms().stream().anyMatch(a -> a.id().equals(FAULT_ALARM)));
    }

    @Test
    void anOperatorsAcknowledgementIsAuditedThenJournalledWithUserAndNote() throws Exception {
        raiseLoadFault();
        login("olga", "olga-pass-1");
        Outcome outcome = commands.acknowledge(List.of(FAULT_ALARM), "jam cleared at the infeed")
                .get(5, TimeUnit.SECONDS);
        assertEquals(new Outcome(1, List.of()), outcome);

        List<AlarmEvent> journal = alarms.journal().query(JournalFilter.between(Instant.EPOCH, Instant.now()
                .plusSeconds(1)).withText(FAULT_ALARM));
        AlarmEvent ack = journal.getLast();
        assertEquals(AlarmTrigger.ACK, ack.trigger());
        assertEquals(AlarmState.UNACK, ack.from());
        assertEquals(AlarmState.ACKED, ack.to());
        assertEquals("olga", ack.user());
        assertEquals("jam cleared at the infeed", ack.note());

        AuditRecord row = security.audit().latest(1).getFirst();
        assertEquals(AlarmCommands.ACKNOWLEDGE, row.entry().action());
        assertEquals(FAULT_ALARM, row.entry().target());
        assertEquals("olga", row.entry().actor().userName());
        assertEquals(Role.OPERATOR, row.entry().actor().role());
        assertEquals("state UNACK, value fault", row.entry().oldValue());
        assertEquals("jam cleared at the infeed", row.entry().note());
        assertEquals(AuditResult.OK, row.entry().result());
    }

    private List<AlarmEvent> comments(io.lineside.alarms.AlarmJournal journal) throws Exception {
        return journal.query(JournalFilter.between(Instant.EPOCH, Instant.now().plusSeconds(1)).withText(FAULT_ALARM))
                .stream().filter(e -> e.trigger() == AlarmTrigger.COMMENT).toList();
    }

    @Test
    void anOperatorCommentsAfterAcknowledgingAuditedAndJournalledAsItsOwnRowThroughTheH2File() throws Exception {
        raiseLoadFault();
        login("olga", "olga-pass-1");
        assertEquals(1, commands.acknowledge(List.of(FAULT_ALARM), "jam cleared").get(5, TimeUnit.SECONDS).done());
        Instant before = Instant.now();
        Outcome outcome = commands.comment(FAULT_ALARM, " infeed sensor dirty, cleaned ").get(5, TimeUnit.SECONDS);
        assertEquals(new Outcome(1, List.of()), outcome);
        AuditRecord audit = security.audit().latest(1).getFirst();
        assertEquals(AlarmCommands.COMMENT, audit.entry().action());
        assertEquals(FAULT_ALARM, audit.entry().target());
        assertEquals("olga", audit.entry().actor().userName());
        assertEquals("infeed sensor dirty, cleaned", audit.entry().note());
        assertEquals(AuditResult.OK, audit.entry().result());
        assertEquals(AlarmState.ACKED, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS),
                "a comment changes no state");
        Eventually.await("journalled", Duration.ofSeconds(5), () -> {
            try {
                return comments(alarms.journal()).size() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        AlarmEvent written = comments(alarms.journal()).getFirst();

        // the round trip through the file: closed, opened again, read by a fresh store, restored by a fresh service
        alarms.close();
        db.close();
        db = HistoryDatabase.open(dir.resolve("db"));
        List<AlarmEvent> read = comments(new io.lineside.history.AlarmJournalStore(db));
        assertEquals(List.of(written), read);
        AlarmEvent row = read.getFirst();
        assertEquals(AlarmState.ACKED, row.from());
        assertEquals(AlarmState.ACKED, row.to());
        assertEquals("olga", row.user());
        assertEquals("infeed sensor dirty, cleaned", row.note());
        assertTrue(!row.time().isBefore(before.minusMillis(1)) && !row.time().isAfter(Instant.now()), row.toString());
        alarms = new AlarmService(new AlarmDefinitionsLoader().loadDemo(), new AlarmJournalStore(db),
                Clock.systemUTC());
        assertEquals(AlarmState.ACKED, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS),
                "restored as acknowledged, the comment after the ack notwithstanding");
    }

    @Test
    void aViewerOrALockedSessionCannotCommentAndSaysWhy() throws Exception {
        raiseLoadFault();
        login("vera", "vera-pass-1");
        Outcome viewer = commands.comment(FAULT_ALARM, "trying").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("'vera' is VIEWER: ACKNOWLEDGE_ALARM needs OPERATOR or higher."), viewer.problems());
        assertEquals(AuditResult.DENIED, security.audit().latest(1).getFirst().entry().result());
        assertEquals(AlarmCommands.COMMENT, security.audit().latest(1).getFirst().entry().action());
        login("olga", "olga-pass-1");
        security.session().lock();
        Outcome locked = commands.comment(FAULT_ALARM, "typed while locked").get(5, TimeUnit.SECONDS);
        assertEquals(0, locked.done());
        assertTrue(locked.problems().getFirst().startsWith("The session of 'olga' is locked"), locked.toString());
        Outcome blank = commands.comment(FAULT_ALARM, "  ").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT: a comment needs its text."), blank.problems());
        Thread.sleep(200); // the journal writes behind: give a wrongly accepted comment time to show
        assertEquals(List.of(), comments(alarms.journal()));
    }

    @Test
    void aViewerIsRefusedWithTheReasonAndTheRefusalIsAudited() throws Exception {
        raiseLoadFault();
        login("vera", "vera-pass-1");
        Outcome outcome = commands.acknowledge(List.of(FAULT_ALARM), "trying").get(5, TimeUnit.SECONDS);
        assertEquals(0, outcome.done());
        assertEquals(List.of("'vera' is VIEWER: ACKNOWLEDGE_ALARM needs OPERATOR or higher."), outcome.problems());
        AuditRecord row = security.audit().latest(1).getFirst();
        assertEquals(AuditResult.DENIED, row.entry().result());
        assertEquals("vera", row.entry().actor().userName());
        assertEquals(AlarmCommands.ACKNOWLEDGE, row.entry().action());
        assertEquals(AlarmState.UNACK, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aHighAlarmWithoutANoteIsRefusedBeforeTheAuditAndTheEngine() throws Exception {
        raiseLoadFault();
        login("olga", "olga-pass-1");
        long auditRows = security.audit().latest(1).getFirst().id();
        Outcome outcome = commands.acknowledge(List.of(FAULT_ALARM), "  ").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT is High: acknowledging it needs a note."), outcome.problems());
        assertEquals(auditRows, security.audit().latest(1).getFirst().id(), "nothing was audited as done");
        assertEquals(AlarmState.UNACK, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aLockedSessionCannotShelveAndSaysWhy() throws Exception {
        raiseLoadFault();
        security.session().lock();
        Outcome outcome = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Maintenance").get(5, TimeUnit.SECONDS);
        assertEquals(0, outcome.done());
        assertTrue(outcome.problems().getFirst().startsWith("The session of 'admin' is locked"), outcome.toString());
        assertEquals(1, alarms.snapshot().alarms().size(), "the alarm stays visible while locked");
    }

    @Test
    void aOneShotShelveEndsWhenTheConditionClearsSoTheNextFaultAlarmsAgain() throws Exception {
        raiseLoadFault();
        Outcome ok = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), true, "Other (note required): jam, fitter on the way")
                .get(5, TimeUnit.SECONDS);
        assertEquals(1, ok.done(), ok.toString());
        assertTrue(security.audit().latest(1).getFirst().entry().newValue().startsWith("shelved once"));
        Eventually.await("shelved", Duration.ofSeconds(3), () -> alarms.snapshot().shelved() == 1);

        Instant now = Instant.now();
        alarms.accept(new TagUpdate(LOAD_STATE, new TagValue("running", now, now, Quality.GOOD, 2)));
        Eventually.await("the clear ends a one-shot shelve", Duration.ofSeconds(3),
                () -> alarms.snapshot().shelved() == 0 && alarms.shelved().isEmpty());
        assertEquals(AlarmState.NORMAL, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS));
        alarms.accept(new TagUpdate(LOAD_STATE, new TagValue("fault", now.plusSeconds(1), now.plusSeconds(1),
                Quality.GOOD, 3)));
        Eventually.await("the next fault is annunciated again", Duration.ofSeconds(5),
                () -> alarms.snapshot().alarms().stream().anyMatch(a -> a.id().equals(FAULT_ALARM)
                        && a.state() == AlarmState.UNACK));
    }

    @Test
    void theServiceAcceptsOnlyAListedShelveReasonAndOtherNeedsANote() throws Exception {
        raiseLoadFault();
        Outcome free = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "because").get(5, TimeUnit.SECONDS);
        assertEquals(0, free.done());
        assertTrue(free.problems().getFirst().contains("must be one of Maintenance, Nuisance / chattering,"
                + " Instrument fault, Other (note required)"), free.toString());
        Outcome bare = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Other (note required)")
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT not shelved: the reason \"Other (note required)\" needs a note."),
                bare.problems());
        assertEquals(AlarmState.UNACK, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS));
        Outcome ok = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Nuisance / chattering")
                .get(5, TimeUnit.SECONDS);
        assertEquals(1, ok.done(), ok.toString());
        Eventually.await("shelved", Duration.ofSeconds(3), () -> alarms.shelved().size() == 1);
        assertTrue(alarms.shelved().getFirst().note().startsWith("Nuisance / chattering (until "),
                alarms.shelved().getFirst().note());
    }

    @Test
    void theServiceChecksTheAlarmConfigsShelveReasonsNotTheDefaultList() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("plant-alarms.yaml"), """
                alarms:
                  - id: L1-LOAD-FAULT
                    tag: demo/assembly/line-1/load/state
                    kind: discrete
                    equals: fault
                    priority: High
                    message: {en: Line 1 load station fault}
                shelveReasons: [Changeover, Trial run, Other reason]
                """);
        io.lineside.alarms.AlarmConfig config = new AlarmDefinitionsLoader().loadConfig(file);
        alarms.close();
        alarms = new AlarmService(config.definitions(), config.shelveReasons(), new AlarmJournalStore(db),
                Clock.systemUTC());
        commands = new AlarmCommands(alarms, security.actions(), security.session());
        raiseLoadFault();
        Outcome defaultReason = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Maintenance")
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT not shelved: the reason must be one of Changeover, Trial run,"
                + " Other reason, was \"Maintenance\"."), defaultReason.problems());
        Outcome bare = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Other reason")
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT not shelved: the reason \"Other reason\" needs a note."),
                bare.problems());
        assertEquals(AlarmState.UNACK, alarms.submit(e -> e.state(FAULT_ALARM)).get(5, TimeUnit.SECONDS));
        Outcome ok = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Trial run: new fixture")
                .get(5, TimeUnit.SECONDS);
        assertEquals(1, ok.done(), ok.toString());
        Eventually.await("shelved", Duration.ofSeconds(3), () -> alarms.shelved().size() == 1);
        assertTrue(alarms.shelved().getFirst().note().startsWith("Trial run: new fixture (until "),
                alarms.shelved().getFirst().note());
    }

    @Test
    void aSupervisorShelvesForAtMostTheDefinitionsMaximum() throws Exception {
        raiseLoadFault();
        Outcome tooLong = commands.shelve(FAULT_ALARM, Duration.ofHours(9), false, "Maintenance: all shift").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("Alarm L1-LOAD-FAULT: shelve L1-LOAD-FAULT: duration must be more than 0 and at most"
                + " PT8H, was PT9H"), tooLong.problems());
        Outcome ok = commands.shelve(FAULT_ALARM, Duration.ofMinutes(30), false, "Instrument fault: sensor swap").get(5, TimeUnit.SECONDS);
        assertEquals(1, ok.done());
        Eventually.await("shelved alarms leave the list", Duration.ofSeconds(3),
                () -> alarms.snapshot().alarms().isEmpty() && alarms.snapshot().shelved() == 1);
        assertEquals(AuditResult.OK, security.audit().latest(1).getFirst().entry().result());
        AlarmEvent shelve = alarms.shelved().getFirst();
        assertEquals("admin", shelve.user());
        assertTrue(shelve.note().startsWith("Instrument fault: sensor swap (until "), shelve.note());

        Outcome back = commands.unshelve(FAULT_ALARM, "swap done").get(5, TimeUnit.SECONDS);
        assertEquals(1, back.done());
        assertTrue(alarms.shelved().isEmpty());
        Eventually.await("unshelved while still active: annunciated again, unacknowledged", Duration.ofSeconds(3),
                () -> alarms.snapshot().alarms().stream().anyMatch(a -> a.id().equals(FAULT_ALARM)
                        && a.state() == AlarmState.UNACK));
        assertEquals(AlarmCommands.UNSHELVE, security.audit().latest(1).getFirst().entry().action());
    }

    @Test
    void updatesBeyondTheBudgetAreCoalescedNotDroppedAndNeverBlockTheDecoder() throws Exception {
        // Hold the evaluator so the backlog fills: the decoder must never wait for it.
        var gate = new java.util.concurrent.CountDownLatch(1);
        alarms.submit(e -> {
            try {
                gate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Instant now = Instant.now();
        long start = System.nanoTime();
        int total = AlarmService.MAX_PENDING_UPDATES + 500;
        for (int i = 0; i < total; i++) {
            alarms.accept(new TagUpdate(LOAD_STATE, new TagValue(i == total - 300 ? "fault" : "running", now, now,
                    Quality.GOOD, i)));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "offering took " + millis + " ms");
        AlarmService.Stats behind = alarms.stats();
        assertEquals(500, behind.coalesced());
        assertTrue(behind.delayed(), "evaluation is delayed while updates are coalesced");
        gate.countDown();
        // The single updates one by one, then of the 500 coalesced: first and last "running", the "fault" between.
        Eventually.await("everything waiting is evaluated", Duration.ofSeconds(5),
                () -> alarms.stats().evaluated() == AlarmService.MAX_PENDING_UPDATES + 3);
        assertEquals(0, alarms.droppedUpdates());
        assertTrue(!alarms.stats().delayed(), "caught up");
        List<AlarmEvent> journal = alarms.journal().query(JournalFilter.between(Instant.EPOCH, Instant.now()
                .plusSeconds(1)).withText(FAULT_ALARM));
        assertEquals(AlarmTrigger.ACTIVATE, journal.getFirst().trigger(), "the fault hidden in the coalesced run");
        assertEquals("fault", journal.getFirst().value());
    }

    @Test
    void updatesOfTagsNoAlarmReadsAreNotQueuedAtAll() {
        Instant now = Instant.now();
        TagPath unread = TagPath.parse("demo/assembly/line-1/load/nothing-reads-this");
        for (int i = 0; i < 50_000; i++) {
            alarms.accept(new TagUpdate(unread, TagValue.good(i, now, now, i)));
        }
        alarms.accept(new TagUpdate(LOAD_STATE, new TagValue("running", now, now, Quality.GOOD, 1)));
        Eventually.await("the one read update is evaluated", Duration.ofSeconds(5),
                () -> alarms.stats().evaluated() == 1);
        assertEquals(0, alarms.stats().coalesced());
    }

    /** The security parts a workstation wires (users, session, audit, secured actions) on a real database file. */
    private static final class Security implements AutoCloseable {
        private final SecurityDatabase database;
        private final AuditTrail audit;
        private final UserService users;
        private final SessionManager session;
        private final SecuredActions actions;

        Security(Path dir, Clock clock) throws SecurityStoreException {
            database = SecurityDatabase.open(dir.resolve("security"));
            audit = new AuditTrail(database, "ws-test", clock);
            users = new UserService(database, audit, new PasswordHasher(1_000), clock);
            session = new SessionManager(users, audit, clock, IdlePolicy.DEFAULT);
            actions = new SecuredActions(session, audit);
        }

        AuditTrail audit() {
            return audit;
        }

        UserService users() {
            return users;
        }

        SessionManager session() {
            return session;
        }

        SecuredActions actions() {
            return actions;
        }

        @Override
        public void close() {
            session.logout();
            database.close();
        }
    }
}
