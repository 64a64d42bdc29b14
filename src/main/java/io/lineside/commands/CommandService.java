package io.lineside.commands;

import io.lineside.security.AccessDeniedException;
import io.lineside.security.Actor;
import io.lineside.security.AuditEntry;
import io.lineside.security.AuditResult;
import io.lineside.security.AuditTrail;
import io.lineside.security.AuditUnavailableException;
import io.lineside.security.AuthResult;
import io.lineside.security.Permission;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one write path to the line. Every check is made here, not by the button: the signal is declared writable,
 * the session is logged in, unlocked and of the signal's role, the value is in range, on the step grid or one of
 * the allowed words, the signal was not written too recently, the broker link is up now, and for a critical
 * signal the password was entered again. Then an audit row, then the message (never queued while offline), then
 * the read-back: the signal's telemetry must show the new value within the configured time.
 *
 * <p>Every refusal is an audit row ({@code command.write}, denied or failed, with the reason); every sent command
 * has its {@code command.write} row (ok, before sending) and its {@code command.outcome} row (ok when confirmed,
 * failed when not confirmed or not sent). Safe from any thread: the work runs on one command thread.
 */
public final class CommandService implements AutoCloseable {

    public static final String WRITE = "command.write";
    public static final String OUTCOME = "command.outcome";
    public static final String REAUTHENTICATE = "command.reauthenticate";
    static final Duration POLL = Duration.ofMillis(25);

    private static final System.Logger LOG = System.getLogger(CommandService.class.getName());

    private final WritableSignals writable;
    private final SessionManager session;
    private final UserService users;
    private final AuditTrail audit;
    private final TagStore store;
    private final Map<CommandTarget, CommandRoute> routes;
    private final CommandTransport transport;
    private final String workstation;
    private final Clock clock;
    private final RateLimit rate = new RateLimit();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-commands").daemon().unstarted(r));

    public CommandService(WritableSignals writable, SessionManager session, UserService users, AuditTrail audit,
                          TagStore store, Map<CommandTarget, CommandRoute> routes, CommandTransport transport,
                          String workstation, Clock clock) {
        this.writable = writable;
        this.session = session;
        this.users = users;
        this.audit = audit;
        this.store = store;
        this.routes = Map.copyOf(routes);
        this.transport = transport;
        this.workstation = workstation;
        this.clock = clock;
    }

    /** How {@code path} may be written, or empty: not writable. */
    public Optional<WritableSignal> writable(TagPath path) {
        return writable.find(path);
    }

    /** True if the command link is up now. */
    public boolean connected() {
        return transport.connected();
    }

    /** True if the session may write {@code path} now: for enabling controls only, {@link #send} checks again. */
    public boolean permitted(TagPath path) {
        Optional<WritableSignal> s = writable.find(path);
        if (s.isEmpty()) {
            return false;
        }
        try {
            return session.require(Permission.OPERATE_LINE).role().compareTo(s.get().spec().role()) >= 0;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Checks, audits and sends one write, then waits for its read-back.
     *
     * @param progress told {@link CommandOutcome.State#SENT} once handed to the broker (on the command thread)
     * @return the final outcome: refused, confirmed or not confirmed; never completes exceptionally
     */
    public CompletableFuture<CommandOutcome> send(CommandRequest request, Consumer<CommandOutcome> progress) {
        CompletableFuture<CommandOutcome> done = new CompletableFuture<>();
        char[] password = request.password() == null ? null : request.password().clone();
        try {
            thread.execute(() -> {
                try {
                    run(request, password, progress, done);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "command to " + request.target() + " failed", e);
                    done.complete(CommandOutcome.refused(request.target(), "", request.value(),
                            "failed: " + e.getMessage()));
                } finally {
                    if (password != null) {
                        java.util.Arrays.fill(password, '\0');
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(CommandOutcome.refused(request.target(), "", request.value(), "the command service is closed"));
        }
        return done;
    }

    private void run(CommandRequest request, char[] password, Consumer<CommandOutcome> progress,
                     CompletableFuture<CommandOutcome> done) {
        TagPath path = request.target();
        String newText = request.value() == null ? "" : request.value().strip();
        String oldText = text(store.get(path));
        Actor actor = session.actor();
        Optional<WritableSignal> found = writable.find(path);
        if (found.isEmpty()) {
            refuse(done, actor, path, oldText, newText, AuditResult.DENIED, "not writable: the station config declares "
                    + "no command for " + path);
            return;
        }
        WritableSignal signal = found.get();
        CommandSpec spec = signal.spec();
        oldText = text(store.get(signal.confirmPath(path))); // an action's "before" is its confirming signal's value
        try {
            actor = session.require(Permission.OPERATE_LINE);
        } catch (AccessDeniedException e) {
            refuse(done, actor, path, oldText, newText, AuditResult.DENIED, e.getMessage());
            return;
        }
        if (actor.role().compareTo(spec.role()) < 0) {
            refuse(done, actor, path, oldText, newText, AuditResult.DENIED, actor.display() + " is " + actor.role()
                    + ": writing " + path.signal() + " needs " + spec.role() + " or higher");
            return;
        }
        Object value;
        try {
            value = spec.accept(newText);
        } catch (IllegalArgumentException e) {
            refuse(done, actor, path, oldText, newText, AuditResult.FAILED, "invalid value: " + e.getMessage());
            return;
        }
        Instant now = clock.instant();
        Optional<String> soon = rate.tooSoon(path, spec.minInterval(), now);
        if (soon.isPresent()) {
            refuse(done, actor, path, oldText, newText, AuditResult.FAILED, soon.get());
            return;
        }
        if (!transport.connected()) {
            refuse(done, actor, path, oldText, newText, AuditResult.FAILED, "offline: the broker link is down, "
                    + "nothing was sent (commands are never queued)");
            return;
        }
        if (spec.critical() && !reauthenticated(actor, path, password)) {
            refuse(done, actor, path, oldText, newText, AuditResult.DENIED, "critical signal: the password was not "
                    + "confirmed, nothing was sent");
            return;
        }
        String id = UUID.randomUUID().toString();
        CommandMessage message = new CommandMessage(id, path, signal, value, actor.userName(), workstation, now);
        CommandRoute route = routes.get(signal.target());
        Optional<Wire> wire = route == null ? Optional.empty() : route.wire(message);
        if (wire.isEmpty()) {
            refuse(done, actor, path, oldText, newText, AuditResult.FAILED, "no route: " + signal.target()
                    + (signal.target() == CommandTarget.SPARKPLUG ? " metric not in the current births" : " target")
                    + " for " + path);
            return;
        }
        try {
            audit.append(new AuditEntry(actor, WRITE, path.toString(), oldText, newText, "sending " + id + " via "
                    + wire.get().describe(), AuditResult.OK));
        } catch (AuditUnavailableException e) {
            done.complete(CommandOutcome.refused(path, oldText, newText, "the audit trail is unavailable, nothing "
                    + "was sent: " + e.getMessage()));
            return;
        }
        session.touch();
        Instant sentAt = clock.instant();
        try {
            transport.publish(wire.get());
        } catch (CommandNotSentException e) {
            finish(done, actor, path, oldText, newText, id, CommandOutcome.State.REFUSED, "not sent: " + e.getMessage());
            return;
        }
        rate.sent(path, sentAt);
        progress.accept(new CommandOutcome(CommandOutcome.State.SENT, "", id, path, oldText, newText));
        long deadline = System.nanoTime() + spec.confirmTimeout().toNanos();
        watch(new Pending(actor, path, signal.confirmPath(path), spec, value, oldText, newText, id, sentAt,
                System.nanoTime(), deadline, done));
    }

    private record Pending(Actor actor, TagPath path, TagPath confirm, CommandSpec spec, Object value, String oldText,
                           String newText, String id, Instant sentAt, long sentNanos, long deadline,
                           CompletableFuture<CommandOutcome> done) {
    }

    /** On the command thread: confirmed, timed out, or look again after {@link #POLL}. */
    private void watch(Pending p) {
        TagValue seen = store.get(p.confirm());
        boolean fresh = seen != null && !seen.receiveTime().isBefore(p.sentAt());
        if (fresh && p.spec().confirms(seen, p.value())) {
            long ms = (System.nanoTime() - p.sentNanos()) / 1_000_000;
            finish(p.done(), p.actor(), p.path(), p.oldText(), p.newText(), p.id(), CommandOutcome.State.CONFIRMED,
                    "confirmed by " + p.confirm().signal() + " = " + text(seen) + " after " + ms + " ms");
            return;
        }
        if (System.nanoTime() - p.deadline() >= 0) {
            finish(p.done(), p.actor(), p.path(), p.oldText(), p.newText(), p.id(), CommandOutcome.State.NOT_CONFIRMED,
                    "not confirmed: " + p.confirm().signal() + " did not show it within "
                            + CommandSpec.format(p.spec().confirmTimeout().toMillis() / 1000.0) + " s (last "
                            + (fresh ? text(seen) : "nothing new") + ")");
            return;
        }
        try {
            thread.schedule(() -> watch(p), POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            p.done().complete(new CommandOutcome(CommandOutcome.State.NOT_CONFIRMED, "closed before the read-back",
                    p.id(), p.path(), p.oldText(), p.newText()));
        }
    }

    private boolean reauthenticated(Actor actor, TagPath path, char[] password) {
        if (password == null || password.length == 0 || actor.userName() == null) {
            return false;
        }
        try {
            return users.authenticate(actor.userName(), password, REAUTHENTICATE, path.toString())
                    instanceof AuthResult.Success;
        } catch (AuditUnavailableException e) {
            return false;
        }
    }

    private void refuse(CompletableFuture<CommandOutcome> done, Actor actor, TagPath path, String oldText,
                        String newText, AuditResult result, String reason) {
        try {
            audit.append(new AuditEntry(actor, WRITE, path.toString(), oldText, newText, reason, result));
        } catch (AuditUnavailableException e) {
            LOG.log(System.Logger.Level.ERROR, "refused command to " + path + " not audited: " + reason, e);
        }
        done.complete(CommandOutcome.refused(path, oldText, newText, reason));
    }

    private void finish(CompletableFuture<CommandOutcome> done, Actor actor, TagPath path, String oldText,
                        String newText, String id, CommandOutcome.State state, String reason) {
        try {
            audit.append(new AuditEntry(actor, OUTCOME, path.toString(), oldText, newText, state + " " + id + ": "
                    + reason, state == CommandOutcome.State.CONFIRMED ? AuditResult.OK : AuditResult.FAILED));
        } catch (AuditUnavailableException e) {
            LOG.log(System.Logger.Level.ERROR, "outcome of command " + id + " not audited: " + reason, e);
        }
        done.complete(new CommandOutcome(state, state == CommandOutcome.State.CONFIRMED ? "" : reason, id, path,
                oldText, newText));
    }

    private static String text(TagValue v) {
        if (v == null || v.value() == null) {
            return "";
        }
        return v.value() instanceof Double d ? CommandSpec.format(d) : String.valueOf(v.value());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
