package io.lineside.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.lineside.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandServiceTest {

    static final TagPath SPEED = TagPath.parse("s1/a1/l1/press/speed");
    static final TagPath MODE = TagPath.parse("s1/a1/l1/press/mode");
    static final TagPath STATE = TagPath.parse("s1/a1/l1/press/state");
    static final TagPath RUN = TagPath.parse("s1/a1/l1/press/run");
    static final TagPath TEMP = TagPath.parse("s1/a1/l1/press/temperature");
    static final String TOPIC = "lineside/{site}/{area}/{line}/{station}/{signal}";

    /** Records what was published; {@code up} says whether the link is connected. */
    static final class RecordingTransport implements CommandTransport {
        volatile boolean up = true;
        final List<Wire> sent = new CopyOnWriteArrayList<>();
        volatile Consumer<Wire> edge = w -> { };

        @Override
        public boolean connected() {
            return up;
        }

        @Override
        public void publish(Wire wire) throws CommandNotSentException {
            if (!up) {
                throw new CommandNotSentException("offline");
            }
            sent.add(wire);
            edge.accept(wire);
        }
    }

    @TempDir
    Path dir;
    CommandFixture fx;
    RecordingTransport transport = new RecordingTransport();
    CommandService service;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CommandFixture(dir);
        CommandSpec speed = new CommandSpec(CommandKind.SETPOINT, 0, 40, 0.5, List.of(), Role.OPERATOR, false,
                Duration.ofMillis(400), Duration.ofSeconds(10), null, null, Map.of());
        CommandSpec mode = new CommandSpec(CommandKind.MODE, Double.NaN, Double.NaN, Double.NaN,
                List.of("auto", "manual"), Role.SUPERVISOR, false, Duration.ofMillis(400), Duration.ZERO, null, null,
                Map.of());
        CommandSpec run = new CommandSpec(CommandKind.ACTION, Double.NaN, Double.NaN, Double.NaN,
                CommandSpec.ACTIONS, Role.OPERATOR, true, Duration.ofMillis(400), Duration.ZERO, null, "state",
                Map.of("start", "RUNNING", "stop", "IDLE"));
        service = fx.service(new WritableSignals(List.of(
                WritableSignal.mqtt(Map.of(), "speed", speed, TOPIC),
                WritableSignal.mqtt(Map.of("station", "press"), "mode", mode, TOPIC),
                WritableSignal.mqtt(Map.of(), "run", run, TOPIC))), transport);
        fx.store.apply(update(SPEED, 20.0));
    }

    @AfterEach
    void tearDown() {
        service.close();
        fx.close();
    }

    static TagUpdate update(TagPath path, Object value) {
        Instant now = Instant.now();
        return new TagUpdate(path, new TagValue(value, now, now, io.lineside.tags.Quality.GOOD, -1));
    }

    private CommandOutcome send(TagPath path, String value) throws Exception {
        return send(new CommandRequest(path, value));
    }

    private CommandOutcome send(CommandRequest request) throws Exception {
        return service.send(request, o -> { }).get(5, TimeUnit.SECONDS);
    }

    private void assertRefused(CommandOutcome o, String reasonPart, AuditResult audited) throws Exception {
        assertEquals(CommandOutcome.State.REFUSED, o.state(), o.toString());
        assertTrue(o.reason().contains(reasonPart), o.reason());
        assertEquals(List.of(), transport.sent, "a refused command never reaches the transport");
        AuditRecord row = fx.lastAudit(1).getFirst();
        assertEquals(CommandService.WRITE, row.entry().action());
        assertEquals(audited, row.entry().result());
        assertEquals(o.reason(), row.entry().note());
        assertEquals(o.target().toString(), row.entry().target());
    }

    @Test
    void aSignalWithoutCommandIsNotWritable() throws Exception {
        fx.login("admin");
        assertRefused(send(TEMP, "50"), "not writable", AuditResult.DENIED);
    }

    @Test
    void nobodyLoggedInIsRefused() throws Exception {
        assertRefused(send(SPEED, "25"), "Nobody is logged in", AuditResult.DENIED);
    }

    @Test
    void aViewerIsRefused() throws Exception {
        fx.login("viewer");
        assertRefused(send(SPEED, "25"), "OPERATE_LINE needs OPERATOR", AuditResult.DENIED);
    }

    @Test
    void aLockedSessionIsRefused() throws Exception {
        fx.login("admin");
        fx.session.lock();
        assertRefused(send(SPEED, "25"), "is locked", AuditResult.DENIED);
    }

    @Test
    void theSignalsOwnRoleIsEnforced() throws Exception {
        fx.login("operator");
        assertRefused(send(MODE, "manual"), "'operator' is OPERATOR: writing mode needs SUPERVISOR", AuditResult.DENIED);
        assertEquals(false, service.permitted(MODE));
        assertEquals(true, service.permitted(SPEED));
    }

    @Test
    void outOfRangeOffStepAndUnknownWordsAreRefused() throws Exception {
        fx.login("supervisor");
        assertRefused(send(SPEED, "41"), "invalid value: 41 is outside 0 to 40", AuditResult.FAILED);
        assertRefused(send(SPEED, "20.2"), "not on the step 0.5", AuditResult.FAILED);
        assertRefused(send(MODE, "turbo"), "\"turbo\" is not one of auto, manual", AuditResult.FAILED);
    }

    @Test
    void offlineFailsAtOnceAndSendsNothing() throws Exception {
        fx.login("operator");
        transport.up = false;
        long t0 = System.nanoTime();
        assertRefused(send(SPEED, "25"), "offline", AuditResult.FAILED);
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500), "fails at once");
    }

    @Test
    void aCriticalSignalNeedsThePasswordAgain() throws Exception {
        fx.login("operator");
        assertRefused(send(RUN, "start"), "critical signal", AuditResult.DENIED);
        assertRefused(send(new CommandRequest(RUN, "start", "wrong".toCharArray())), "critical signal",
                AuditResult.DENIED);
        AuditRecord reauth = fx.lastAudit(2).getFirst();
        assertEquals(CommandService.REAUTHENTICATE, reauth.entry().action());
        assertEquals(AuditResult.DENIED, reauth.entry().result());
        transport.edge = w -> fx.store.apply(update(STATE, "RUNNING"));
        CommandOutcome ok = send(new CommandRequest(RUN, "start", CommandFixture.password("operator")));
        assertEquals(CommandOutcome.State.CONFIRMED, ok.state(), ok.toString());
    }

    @Test
    void aSecondWriteWithinTheIntervalIsRefused() throws Exception {
        fx.login("operator");
        transport.edge = w -> fx.store.apply(update(SPEED, 25.0));
        assertEquals(CommandOutcome.State.CONFIRMED, send(SPEED, "25").state());
        transport.sent.clear();
        assertRefused(send(SPEED, "26"), "too soon: one write per 10 s", AuditResult.FAILED);
    }

    @Test
    void readBackConfirmsWhenTheTelemetryShowsTheValueInTime() throws Exception {
        fx.login("operator");
        transport.edge = w -> Thread.ofVirtual().start(() -> {
            sleep(150);
            fx.store.apply(update(SPEED, 24.5));
        });
        List<CommandOutcome> progress = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        CommandOutcome o = service.send(new CommandRequest(SPEED, "24.5"), progress::add).get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CommandOutcome.State.CONFIRMED, o.state(), o.toString());
        assertTrue(ms >= 150 && ms < 400, "confirmed when the value came, after " + ms + " ms");
        assertEquals(List.of(CommandOutcome.State.SENT), progress.stream().map(CommandOutcome::state).toList());
        assertEquals("20", o.oldValue());
        assertEquals("24.5", o.newValue());
        String json = new String(transport.sent.getFirst().payload(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("lineside/s1/a1/l1/press/speed/set", transport.sent.getFirst().topic());
        assertTrue(json.contains("\"value\":24.5") && json.contains("\"user\":\"operator\"")
                && json.contains("\"workstation\":\"ws-test\"") && json.contains("\"correlationId\":\"" + o.correlationId()
                + "\""), json);
        List<AuditRecord> rows = fx.lastAudit(2);
        assertEquals(CommandService.WRITE, rows.get(0).entry().action());
        assertEquals(AuditResult.OK, rows.get(0).entry().result());
        assertEquals(CommandService.OUTCOME, rows.get(1).entry().action());
        assertEquals(AuditResult.OK, rows.get(1).entry().result());
        assertTrue(rows.get(1).entry().note().startsWith("CONFIRMED " + o.correlationId()), rows.get(1).entry().note());
    }

    @Test
    void readBackGivesUpAfterTheConfirmTimeout() throws Exception {
        fx.login("operator");
        transport.edge = w -> fx.store.apply(update(SPEED, 22.0)); // the edge answers, with another value
        long t0 = System.nanoTime();
        CommandOutcome o = send(SPEED, "25");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CommandOutcome.State.NOT_CONFIRMED, o.state(), o.toString());
        assertTrue(ms >= 400 && ms < 1_000, "gave up at the 400 ms timeout, after " + ms + " ms");
        assertTrue(o.reason().contains("did not show it within 0.4 s (last 22)"), o.reason());
        AuditRecord row = fx.lastAudit(1).getFirst();
        assertEquals(CommandService.OUTCOME, row.entry().action());
        assertEquals(AuditResult.FAILED, row.entry().result());
    }

    @Test
    void aValueThatWasAlreadyThereBeforeTheSendDoesNotConfirm() throws Exception {
        fx.login("operator");
        fx.store.apply(update(SPEED, 25.0)); // received before the command: old news
        CommandOutcome o = send(SPEED, "25");
        assertEquals(CommandOutcome.State.NOT_CONFIRMED, o.state(), o.toString());
        assertTrue(o.reason().contains("(last nothing new)"), o.reason());
    }

    @Test
    void anActionIsConfirmedByItsConfirmSignal() throws Exception {
        fx.login("operator");
        transport.edge = w -> fx.store.apply(update(STATE, "IDLE"));
        CommandOutcome o = send(new CommandRequest(RUN, "stop", CommandFixture.password("operator")));
        assertEquals(CommandOutcome.State.CONFIRMED, o.state(), o.toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
