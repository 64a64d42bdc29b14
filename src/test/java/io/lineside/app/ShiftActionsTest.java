package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmKpis;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.ShiftBook;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.Oee;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ReasonTree;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.StateSpan;
import io.lineside.tags.StationState;
import io.lineside.testsupport.MutableClock;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reasons, handover notes and sign-offs as the signed-in user: permission, lock, password and a signed shift. */
class ShiftActionsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String LINE = "demo/assembly/line-1";
    private static final ShiftPeriod EARLY = new ShiftCalendar(List.of(new ShiftDefinition("early",
            LocalTime.of(6, 0), LocalTime.of(14, 0), "A")), BERLIN).period(LocalDate.of(2026, 11, 26), "early");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(EARLY.end().plusSeconds(600));
    private SecurityServices security;
    private HistoryDatabase db;
    private ShiftBook book;
    private ShiftActions actions;
    private ShiftReport report;
    private Downtime jam;

    @BeforeEach
    void setUp() throws Exception {
        security = new SecurityServices(dir.resolve("data"), "ws-1", clock, new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
        security.session().login("admin", "admin-pass-1".toCharArray());
        security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
        security.users().createUser(security.session(), "sam", null, Role.SUPERVISOR, "sam-pass-1".toCharArray());
        security.session().logout();
        db = HistoryDatabase.open(dir.resolve("db"));
        book = new ShiftBook(db);
        actions = new ShiftActions(security.actions(), security.session(), security.users(), book, ReasonTree.DEFAULT,
                Texts.forLocale(Locale.ENGLISH), clock);
        List<StateSpan> timeline = List.of(new StateSpan(StationState.RUNNING, EARLY.start(),
                EARLY.start().plus(Duration.ofHours(7)), ""), new StateSpan(StationState.FAULT,
                EARLY.start().plus(Duration.ofHours(7)), EARLY.end(), ""));
        OeeFigures oee = Oee.compute(timeline, 100, 1, Duration.ofSeconds(30), false);
        List<Downtime> stops = Downtime.of("pack", timeline);
        jam = stops.getFirst();
        report = new ShiftReport(EARLY, List.of(new ShiftReport.Line(LINE, "pack", oee,
                List.of(new ShiftReport.Station("pack", oee, timeline)), stops, Downtime.pareto(stops), List.of())),
                List.of(), AlarmKpis.compute(List.of(), EARLY.start(), EARLY.end()), clock.instant());
    }

    @AfterEach
    void tearDown() {
        db.close();
        security.close();
    }

    private AuditRecord lastAudit() throws Exception {
        return security.audit().latest(1).getFirst();
    }

    @Test
    void anOperatorClassifiesAStopAndItIsAudited() throws Exception {
        security.session().login("olga", "olga-pass-1".toCharArray());
        String done = actions.classify(report, LINE, jam, "jam", "  film on the roller ");
        assertTrue(done.contains("Mechanical \u203A Jam"), done);
        ShiftBook.Classification c = book.classifications(LINE, EARLY.start(), EARLY.end()).getFirst();
        assertEquals(LINE + "/pack", c.station());
        assertEquals(jam.from(), c.spanStart());
        assertEquals("film on the roller", c.note());
        assertEquals("olga", c.user());
        AuditRecord row = lastAudit();
        assertEquals(ShiftActions.CLASSIFY, row.entry().action());
        assertEquals(AuditResult.OK, row.entry().result());
        assertEquals("jam", row.entry().newValue());
        assertEquals(Downtime.UNSPECIFIED, row.entry().oldValue());
    }

    @Test
    void nobodyAndALockedSessionAreRefusedAndAudited() throws Exception {
        assertThrows(AccessDeniedException.class, () -> actions.classify(report, LINE, jam, "jam", ""));
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());
        security.session().login("olga", "olga-pass-1".toCharArray());
        security.session().lock();
        AccessDeniedException locked = assertThrows(AccessDeniedException.class,
                () -> actions.handover(report, LINE, "all good"));
        assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());
        assertTrue(book.classifications(LINE, EARLY.start(), EARLY.end()).isEmpty());
        assertTrue(book.handover(LINE, EARLY.key()).isEmpty());
    }

    @Test
    void anOperatorMayNotSignOffAndASupervisorNeedsThePasswordAgain() throws Exception {
        security.session().login("olga", "olga-pass-1".toCharArray());
        assertThrows(AccessDeniedException.class, () -> actions.signOff(report, LINE, "olga-pass-1".toCharArray()));
        assertEquals(ShiftActions.SIGN_OFF, lastAudit().entry().action());
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());

        security.session().login("sam", "sam-pass-1".toCharArray());
        Exception wrong = assertThrows(ShiftActions.Refused.class,
                () -> actions.signOff(report, LINE, "not-it".toCharArray()));
        assertTrue(wrong.getMessage().contains("password"), wrong.getMessage());
        assertEquals(AuditResult.FAILED, lastAudit().entry().result());
        assertTrue(book.signOff(LINE, EARLY.key()).isEmpty());

        assertEquals("Shift of " + LINE + " signed off; its figures are frozen.",
                actions.signOff(report, LINE, "sam-pass-1".toCharArray()));
        ShiftBook.SignOff s = book.signOff(LINE, EARLY.key()).orElseThrow();
        assertEquals("sam", s.user());
        assertEquals(clock.instant(), s.at());
        assertEquals(AuditResult.OK, lastAudit().entry().result());
        Exception twice = assertThrows(ShiftActions.Refused.class,
                () -> actions.signOff(report, LINE, "sam-pass-1".toCharArray()));
        assertTrue(twice.getMessage().startsWith("Already signed off by sam"), twice.getMessage());
    }

    @Test
    void aSignedShiftsDowntimeCannotBeReclassified() throws Exception {
        security.session().login("sam", "sam-pass-1".toCharArray());
        actions.signOff(report, LINE, "sam-pass-1".toCharArray());
        security.session().login("olga", "olga-pass-1".toCharArray());
        Exception refused = assertThrows(ShiftActions.Refused.class,
                () -> actions.classify(report, LINE, jam, "jam", ""));
        assertTrue(refused.getMessage().startsWith("Refused: shift " + EARLY.key() + " was signed off by sam"),
                refused.getMessage());
        assertEquals(AuditResult.FAILED, lastAudit().entry().result());
        assertTrue(lastAudit().entry().note().contains("signed off"), lastAudit().entry().note());
        assertTrue(book.classifications(LINE, EARLY.start(), EARLY.end()).isEmpty());
    }

    @Test
    void aRunningShiftCannotBeSignedAndAReasonMustBeInTheTree() throws Exception {
        clock.advance(Duration.ofHours(-1));
        security.session().login("sam", "sam-pass-1".toCharArray());
        Exception running = assertThrows(ShiftActions.Refused.class,
                () -> actions.signOff(report, LINE, "sam-pass-1".toCharArray()));
        assertTrue(running.getMessage().contains("still running"), running.getMessage());
        Exception unknown = assertThrows(ShiftActions.Refused.class,
                () -> actions.classify(report, LINE, jam, "coffee", ""));
        assertTrue(unknown.getMessage().contains("coffee"), unknown.getMessage());
    }
}
