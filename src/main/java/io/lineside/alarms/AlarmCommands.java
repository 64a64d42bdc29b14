package io.lineside.alarms;

import io.lineside.security.ActionRefusedException;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.security.SessionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operator's alarm commands: each alarm's command goes through {@link SecuredActions} (permission check, then
 * the audit row) on the alarm evaluator thread, and only then does the engine run it. A refusal (no permission,
 * locked session, audit unavailable) or a failure comes back as a precise message in the {@link Outcome}.
 *
 * <p>A note is required to acknowledge High and Critical alarms ({@link Priority#acknowledgementNeedsNote()}, which
 * the engine enforces); it is checked here first so the refusal is a precise message and no audit row. Safe from any
 * thread.
 */
public final class AlarmCommands implements AlarmActions {

    public static final String ACKNOWLEDGE = "alarm.acknowledge";
    public static final String SHELVE = "alarm.shelve";
    public static final String UNSHELVE = "alarm.unshelve";
    public static final String COMMENT = "alarm.comment";

    private final AlarmService alarms;
    private final SecuredActions secured;
    private final SessionManager session;
    private final Map<String, AlarmDefinition> definitions;
    private final ShelveReasons reasons;

    public AlarmCommands(AlarmService alarms, SecuredActions secured, SessionManager session) {
        this.alarms = alarms;
        this.secured = secured;
        this.session = session;
        this.reasons = alarms.shelveReasons(); // the alarm config's list: the panel offers the same one
        this.definitions = alarms.definitions().stream()
                .collect(Collectors.toUnmodifiableMap(AlarmDefinition::id, Function.identity()));
    }

    @Override
    public CompletableFuture<Outcome> acknowledge(List<String> alarmIds, String note) {
        List<String> ids = List.copyOf(alarmIds);
        return run(engine -> {
            int done = 0;
            List<String> problems = new ArrayList<>();
            for (String id : ids) {
                AlarmDefinition d = definitions.get(id);
                if (d == null) {
                    problems.add("Alarm " + id + " is not configured.");
                } else if (d.priority().acknowledgementNeedsNote() && (note == null || note.isBlank())) {
                    problems.add("Alarm " + id + " is " + d.priority().displayName()
                            + ": acknowledging it needs a note.");
                } else {
                    String before = describe(engine, id);
                    done += apply(problems, id, new SecuredActions.Command(Permission.ACKNOWLEDGE_ALARM, ACKNOWLEDGE,
                            id, before, "acknowledged", note), () -> engine.acknowledge(id, user(), note),
                            "Alarm " + id + " needed no acknowledgement (" + before + ").");
                }
            }
            return new Outcome(done, problems);
        });
    }

    @Override
    public CompletableFuture<Outcome> shelve(String alarmId, Duration duration, boolean oneShot, String reason) {
        return run(engine -> {
            List<String> problems = new ArrayList<>();
            if (!definitions.containsKey(alarmId)) {
                return new Outcome(0, List.of("Alarm " + alarmId + " is not configured."));
            }
            java.util.Optional<String> wrongReason = reasons.problem(reason);
            if (wrongReason.isPresent()) {
                return new Outcome(0, List.of("Alarm " + alarmId + " not shelved: " + wrongReason.get() + "."));
            }
            String before = describe(engine, alarmId);
            int done = apply(problems, alarmId, new SecuredActions.Command(Permission.SHELVE_ALARM, SHELVE, alarmId,
                    before, (oneShot ? "shelved once (until it clears), at most " : "shelved for ")
                            + duration.toMinutes() + " min", reason),
                    () -> engine.shelve(alarmId, user(), duration, reason, oneShot),
                    "Alarm " + alarmId + " cannot be shelved now (" + before + ").");
            return new Outcome(done, problems);
        });
    }

    @Override
    public CompletableFuture<Outcome> unshelve(String alarmId, String note) {
        return run(engine -> {
            if (!definitions.containsKey(alarmId)) {
                return new Outcome(0, List.of("Alarm " + alarmId + " is not configured."));
            }
            List<String> problems = new ArrayList<>();
            String before = describe(engine, alarmId);
            int done = apply(problems, alarmId, new SecuredActions.Command(Permission.SHELVE_ALARM, UNSHELVE, alarmId,
                    before, "unshelved", note), () -> engine.unshelve(alarmId, user(), note),
                    "Alarm " + alarmId + " is not shelved (" + before + ").");
            return new Outcome(done, problems);
        });
    }

    /**
     * Comments need the acknowledge permission (the operator's, who owns the alarm's response) and are audited with
     * their text as the note, like an acknowledgement.
     */
    @Override
    public CompletableFuture<Outcome> comment(String alarmId, String text) {
        return run(engine -> {
            if (!definitions.containsKey(alarmId)) {
                return new Outcome(0, List.of("Alarm " + alarmId + " is not configured."));
            }
            if (text == null || text.isBlank()) {
                return new Outcome(0, List.of("Alarm " + alarmId + ": a comment needs its text."));
            }
            List<String> problems = new ArrayList<>();
            String before = describe(engine, alarmId);
            int done = apply(problems, alarmId, new SecuredActions.Command(Permission.ACKNOWLEDGE_ALARM, COMMENT,
                    alarmId, before, "commented", text.strip()), () -> engine.comment(alarmId, user(), text),
                    "Alarm " + alarmId + ": the comment was not added.");
            return new Outcome(done, problems);
        });
    }

    /** Runs one alarm's secured command; returns 1 if it changed the alarm, else adds the reason to problems. */
    private int apply(List<String> problems, String id, SecuredActions.Command command,
                      SecuredActions.Action<Boolean, RuntimeException> action, String notApplicable) {
        try {
            if (secured.run(command, action)) {
                return 1;
            }
            problems.add(notApplicable);
        } catch (ActionRefusedException refused) {
            problems.add(refused.getMessage());
        } catch (RuntimeException failed) {
            problems.add("Alarm " + id + ": " + failed.getMessage());
        }
        return 0;
    }

    private String user() {
        return session.actor().userName();
    }

    /** The state and value before the command, for the audit row's old value. */
    private static String describe(AlarmEngine engine, String id) {
        String value = engine.snapshot().alarms().stream().filter(a -> a.id().equals(id)).findFirst()
                .map(a -> ", value " + a.value()).orElse("");
        return "state " + engine.state(id) + value;
    }

    private CompletableFuture<Outcome> run(Function<AlarmEngine, Outcome> command) {
        return alarms.submit(command).exceptionally(e -> new Outcome(0,
                List.of("The alarm service could not run the command: " + (e.getCause() == null ? e : e.getCause())
                        .getMessage())));
    }
}
