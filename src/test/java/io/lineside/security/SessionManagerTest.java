package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionManagerTest {

    @TempDir
    Path dir;
    private SecurityFixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = new SecurityFixture(dir).withAdmin();
        fx.addUser("op", Role.OPERATOR);
        fx.addUser("sup", Role.SUPERVISOR);
        fx.addUser("eng", Role.ENGINEER);
        fx.addUser("viewer", Role.VIEWER);
        fx.session.logout();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void idleSessionLocksAfterItsRolesDefaultTimeoutAndNotBefore(Role role) throws Exception {
        String name = switch (role) {
            case VIEWER -> "viewer";
            case OPERATOR -> "op";
            case SUPERVISOR -> "sup";
            case ENGINEER -> "eng";
            case ADMIN -> SecurityFixture.ADMIN;
        };
        fx.login(name, name.equals(SecurityFixture.ADMIN) ? SecurityFixture.ADMIN_PASSWORD : SecurityFixture.password(name));
        Map<Role, Duration> expected = Map.of(Role.OPERATOR, Duration.ofMinutes(15), Role.SUPERVISOR,
                Duration.ofMinutes(10), Role.ENGINEER, Duration.ofMinutes(5), Role.ADMIN, Duration.ofMinutes(2));
        if (!expected.containsKey(role)) {
            assertFalse(fx.session.checkIdle(fx.clock.instant().plus(Duration.ofDays(7))), "a viewer never locks");
            return;
        }
        Duration timeout = expected.get(role);
        assertFalse(fx.session.checkIdle(fx.clock.instant().plus(timeout).minusSeconds(1)));
        assertFalse(fx.session.state().locked());
        assertTrue(fx.session.checkIdle(fx.clock.instant().plus(timeout)));
        assertTrue(fx.session.state().locked());
        AuditRecord row = fx.lastAudit();
        assertEquals(AuditActions.LOCK, row.entry().action());
        assertTrue(row.entry().note().startsWith("idle for " + timeout.toMinutes() + " min"), row.entry().note());
    }

    @Test
    void touchPostponesTheIdleLockAndTimeoutsAreConfigurable() throws Exception {
        fx.close();
        fx = new SecurityFixture(dir, new IdlePolicy(Map.of(Role.OPERATOR, Duration.ofSeconds(30))));
        fx.login("op", SecurityFixture.password("op"));
        fx.clock.advance(Duration.ofSeconds(20));
        fx.session.touch();
        assertFalse(fx.session.checkIdle(fx.clock.instant().plusSeconds(29)));
        assertTrue(fx.session.checkIdle(fx.clock.instant().plusSeconds(30)));
    }

    @Test
    void unlockWithAWrongPasswordStaysLockedAndCountsTowardLockout() throws Exception {
        fx.login("op", SecurityFixture.password("op"));
        assertTrue(fx.session.lock());
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.session.unlock("wrong-pass-1".toCharArray()));
        assertTrue(fx.session.state().locked());
        assertThrows(AccessDeniedException.class, () -> fx.session.require(Permission.ACKNOWLEDGE_ALARM));
        assertEquals(Permission.VIEW.minimumRole(), Role.VIEWER);
        fx.session.require(Permission.VIEW); // alarms stay visible
        for (int i = 2; i <= UserService.MAX_FAILURES; i++) {
            fx.session.unlock("wrong-pass-1".toCharArray());
        }
        assertInstanceOf(AuthResult.LockedOut.class, fx.session.unlock(SecurityFixture.password("op")));
        assertTrue(fx.session.state().locked());
        AuditRecord row = fx.lastAudit();
        assertEquals(AuditActions.UNLOCK, row.entry().action());
        assertEquals(AuditResult.DENIED, row.entry().result());
    }

    @Test
    void unlockWithTheRightPasswordRestoresTheSessionAndIsAudited() throws Exception {
        fx.login("op", SecurityFixture.password("op"));
        fx.session.lock();
        assertInstanceOf(AuthResult.Success.class, fx.session.unlock(SecurityFixture.password("op")));
        assertFalse(fx.session.state().locked());
        assertEquals("op", fx.session.require(Permission.ACKNOWLEDGE_ALARM).userName());
        List<String> actions = fx.audit.latest(3).reversed().stream()
                .map(r -> r.entry().action() + ":" + r.entry().result().code()).toList();
        assertEquals(List.of("session.login:ok", "session.lock:ok", "session.unlock:ok"), actions);
    }

    @Test
    void switchUserAtShiftChangeReplacesALockedSessionInOneCallAndAFailedSwitchKeepsIt() throws Exception {
        fx.login("op", SecurityFixture.password("op"));
        fx.session.lock();
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.session.switchUser("sup", "wrong-pass-1".toCharArray()));
        assertEquals("op", fx.session.state().user().orElseThrow().name());
        assertTrue(fx.session.state().locked());

        assertInstanceOf(AuthResult.Success.class, fx.session.switchUser("sup", SecurityFixture.password("sup")));
        assertEquals(Role.SUPERVISOR, fx.session.state().role());
        assertFalse(fx.session.state().locked());
        AuditRecord row = fx.lastAudit();
        assertEquals(AuditActions.SWITCH_USER, row.entry().action());
        assertEquals("op", row.entry().oldValue());
        assertEquals("sup", row.entry().newValue());
    }

    @Test
    void logoutReturnsToViewOnlyAndListenersSeeEveryChangeOnTheCallersThread() throws Exception {
        fx.session.logout();
        List<String> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Runnable remove = fx.session.addListener(s -> {
            assertEquals(caller, Thread.currentThread());
            seen.add(s.user().map(User::name).orElse("-") + (s.locked() ? "/locked" : ""));
        });
        fx.login("op", SecurityFixture.password("op"));
        fx.session.lock();
        fx.session.unlock(SecurityFixture.password("op"));
        fx.session.logout();
        remove.run();
        fx.login("op", SecurityFixture.password("op"));
        assertEquals(List.of("op", "op/locked", "op", "-"), seen);
    }

    @Test
    void lockAndLogoutHappenEvenWhenTheAuditCannotBeWrittenButLoginIsRefused() throws Exception {
        fx.login("op", SecurityFixture.password("op"));
        fx.db.close();
        assertTrue(fx.session.lock(), "locking only reduces what the workstation can do");
        assertTrue(fx.session.state().locked());
        assertThrows(AuditUnavailableException.class, () -> fx.session.unlock(SecurityFixture.password("op")));
        assertTrue(fx.session.state().locked());
        fx.session.logout();
        assertEquals(Optional.empty(), fx.session.state().user());
        assertThrows(AuditUnavailableException.class, () -> fx.session.login("op", SecurityFixture.password("op")));
        assertEquals(Optional.empty(), fx.session.state().user());
    }

    @Test
    void deniedMessageSaysWhoWhichPermissionAndWhichRoleIsNeeded() throws Exception {
        fx.login("op", SecurityFixture.password("op"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> fx.session.require(Permission.SHELVE_ALARM));
        assertEquals("'op' is OPERATOR: SHELVE_ALARM needs SUPERVISOR or higher.", e.getMessage());
        fx.session.lock();
        e = assertThrows(AccessDeniedException.class, () -> fx.session.require(Permission.ACKNOWLEDGE_ALARM));
        assertEquals("The session of 'op' is locked: unlock it with the password first"
                + " (ACKNOWLEDGE_ALARM needs OPERATOR or higher).", e.getMessage());
    }
}
