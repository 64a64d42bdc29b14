package io.lineside.alarms;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Evaluates the configured alarms on tag updates and timer ticks, runs each through {@link AlarmStateMachine}, and
 * emits every transition, acknowledgement, shelve and suppression as an {@link AlarmEvent} to the journal and the
 * listeners.
 *
 * <p><b>Threading.</b> {@link #onUpdate}, {@link #tick} and all commands must be called from one evaluator thread
 * (the UI submits commands to that thread's executor); listeners run on it and must not block. {@link #snapshot()},
 * the counters and {@link #addListener}/{@link #removeListener} are safe from any thread.
 *
 * <p>Inputs that are not GOOD never raise or clear an alarm: it holds its state and is flagged uncertain, and any
 * pending on-/off-delay starts again once the input is good. At start-up {@link #restore} brings back the states the
 * journal recorded (active, acknowledged, shelved, suppressed, out of service); the first good evaluation confirms or
 * clears each one.
 */
public final class AlarmEngine {

    /** The longest comment an operator may add (the journal's note column holds it whole). */
    public static final int MAX_COMMENT = 500;

    private static final System.Logger LOG = System.getLogger(AlarmEngine.class.getName());

    private final Clock clock;
    private final AlarmJournal journal;
    private Map<String, AlarmRecord> alarms = new LinkedHashMap<>();
    private Map<TagPath, List<AlarmRecord>> byInput = new HashMap<>();
    private List<AlarmRecord> timed = new ArrayList<>();
    private volatile Set<TagPath> inputs;
    private volatile List<AlarmDefinition> definitions;
    private final TagReadings readings;
    private final FloodDetector flood = new FloodDetector();
    private final List<Consumer<AlarmEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final AtomicLong journalFailures = new AtomicLong();
    private volatile AlarmSnapshot snapshot;
    private volatile int restoredAtStart;
    private boolean dirty;

    /**
     * @param definitions validated definitions with unique ids
     * @param journal     receives every event; it must not lose them (see {@link AlarmJournal#append})
     */
    public AlarmEngine(Collection<AlarmDefinition> definitions, AlarmJournal journal, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        Instant start = clock.instant();
        this.readings = new TagReadings(start);
        Map<String, AlarmRecord> records = new LinkedHashMap<>();
        for (AlarmDefinition d : definitions) {
            if (records.putIfAbsent(d.id(), new AlarmRecord(d, start)) != null) {
                throw new IllegalArgumentException("duplicate alarm id " + d.id());
            }
        }
        install(records);
        this.snapshot = AlarmSnapshot.empty(start);
    }

    /** Makes {@code records} the configured alarms, in their order, with the indexes by input tag rebuilt. */
    private void install(Map<String, AlarmRecord> records) {
        alarms = records;
        byInput = new HashMap<>();
        timed = new ArrayList<>();
        for (AlarmRecord r : records.values()) {
            AlarmDefinition d = r.definition;
            index(d.tag(), r);
            d.condition().otherInputs().forEach(t -> index(t, r));
            d.suppressWhen().ifPresent(s -> index(s.tag(), r));
            if (d.condition() instanceof NoDataCondition) {
                timed.add(r);
            }
        }
        inputs = Set.copyOf(byInput.keySet());
        definitions = records.values().stream().map(r -> r.definition).toList();
    }

    /**
     * Takes new definitions without a restart (an engineer's save, decision 0031). An alarm whose definition is
     * unchanged keeps everything (an acknowledged alarm stays acknowledged); a changed one keeps its state and is
     * evaluated again at once on its tag's latest value under the new condition; a new one starts normal and is
     * evaluated on the latest value when there is one; a removed one that was not normal gets one
     * {@link AlarmTrigger#CLEAR} row to NORMAL by {@code user} with {@code why} in the note, so the journal says
     * why it went. Evaluator thread only.
     *
     * @throws IllegalArgumentException on a duplicate id (nothing changed then)
     */
    public void apply(Collection<AlarmDefinition> newDefinitions, String user, String why) {
        Instant now = clock.instant();
        Map<String, AlarmRecord> records = new LinkedHashMap<>();
        List<AlarmRecord> toEvaluate = new ArrayList<>();
        for (AlarmDefinition d : newDefinitions) {
            AlarmRecord old = alarms.get(d.id());
            AlarmRecord r = old == null ? new AlarmRecord(d, now)
                    : old.definition.equals(d) ? old : old.withDefinition(d);
            if (records.putIfAbsent(d.id(), r) != null) {
                throw new IllegalArgumentException("duplicate alarm id " + d.id());
            }
            if (r != old && readings.latest(d.tag()) != null) {
                toEvaluate.add(r);
            }
        }
        for (AlarmRecord gone : alarms.values()) {
            if (!records.containsKey(gone.definition.id()) && gone.state != AlarmState.NORMAL) {
                AlarmDefinition d = gone.definition;
                Instant at = gone.lastEvent != null && now.isBefore(gone.lastEvent) ? gone.lastEvent : now;
                emit(new AlarmEvent(at, d.id(), AlarmTrigger.CLEAR, gone.state, AlarmState.NORMAL, d.priority(),
                        d.station().area(), d.station().toString(), d.tag().toString(), gone.lastValue, user,
                        "definition removed: " + why, d.message("en")));
            }
        }
        install(records);
        toEvaluate.forEach(r -> evaluate(r, now));
        dirty = true;
        publishIfDirty(now);
    }

    private void index(TagPath tag, AlarmRecord r) {
        List<AlarmRecord> list = byInput.computeIfAbsent(tag, t -> new ArrayList<>());
        if (!list.contains(r)) {
            list.add(r);
        }
    }

    /**
     * Restores each configured alarm's state from the journal's newest rows per alarm and trigger
     * ({@link AlarmJournal#latestPerTrigger()}); rows of alarms no longer configured are ignored, as are alarms whose
     * last state was NORMAL. Each restored alarm is marked restored until its first good evaluation, is journalled
     * once as a {@link AlarmTrigger#RESTORE} row ({@code from == to}, so no annunciation and no KPI count), and keeps
     * its shelve's until (an expired shelve ends at the first {@link #tick}). Nothing goes to the flood window: a
     * restart is not a flood. Call once, before the first update. Evaluator thread only.
     *
     * @return how many alarms were restored
     */
    public int restore(Collection<AlarmEvent> latestPerTrigger) {
        Instant now = clock.instant();
        int count = 0;
        for (Map.Entry<String, JournalRestore.Restored> e : JournalRestore.plan(latestPerTrigger).entrySet()) {
            AlarmRecord r = alarms.get(e.getKey());
            if (r == null) {
                continue; // no longer configured
            }
            JournalRestore.Restored s = e.getValue();
            r.state = s.last().to();
            r.conditionActive = s.conditionActive();
            r.rawActive = s.conditionActive();
            r.rawSince = now;
            r.lastAnnunciation = s.lastAnnunciation();
            r.ackedAt = s.ackedAt();
            r.tripValue = s.tripValue();
            r.lastValue = s.last().value();
            r.shelvedUntil = s.shelvedUntil();
            r.oneShotShelve = s.oneShot();
            r.suppressedByUser = s.suppressedByUser();
            r.suppressedByCondition = r.state == AlarmState.SUPPRESSED && !s.suppressedByUser();
            r.outOfService = r.state == AlarmState.OUT_OF_SERVICE;
            r.restored = true;
            r.lastEvent = s.last().time().isAfter(now) ? s.last().time() : now;
            emit(new AlarmEvent(r.lastEvent, r.definition.id(), AlarmTrigger.RESTORE, r.state, r.state,
                    r.definition.priority(), r.definition.station().area(), r.definition.station().toString(),
                    r.definition.tag().toString(), r.lastValue, AlarmEvent.SYSTEM,
                    "restored from journal (last event " + s.last().trigger() + " at " + s.last().time() + ")",
                    r.definition.message("en")));
            count++;
        }
        restoredAtStart = count;
        dirty = true;
        publishIfDirty(now);
        return count;
    }

    /** How many alarm states {@link #restore} brought back at start-up. Safe from any thread. */
    public int restoredAtStart() {
        return restoredAtStart;
    }

    /** Adds a listener for every event; it runs on the evaluator thread. Safe from any thread. */
    public void addListener(Consumer<AlarmEvent> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Safe from any thread. */
    public void removeListener(Consumer<AlarmEvent> listener) {
        listeners.remove(listener);
    }

    /** Evaluates the alarms that read {@code update}'s tag, now. Evaluator thread only. */
    public void onUpdate(TagUpdate update) {
        onUpdate(update, clock.instant());
    }

    /**
     * Evaluates the alarms that read {@code update}'s tag as of {@code at} (when the value arrived): an evaluator
     * that ran behind still journals a transition at the moment its value came, not when it got to it. An alarm's
     * events never go back in time: one earlier than its last event is journalled at that event's time.
     * Evaluator thread only.
     */
    public void onUpdate(TagUpdate update, Instant at) {
        readings.put(update.path(), update.value());
        for (AlarmRecord r : byInput.getOrDefault(update.path(), List.of())) {
            evaluate(r, at);
        }
        publishIfDirty(at);
    }

    /**
     * Flags the alarms that read {@code tag} uncertain while their evaluation runs behind (some of the tag's updates
     * were coalesced), or takes one such flag away. Unlike a bad input this does not hold them: the values that are
     * evaluated still raise and clear them. Calls for a tag must alternate, starting with {@code true}. Evaluator
     * thread only.
     */
    public void delayed(TagPath tag, boolean behind) {
        for (AlarmRecord r : byInput.getOrDefault(tag, List.of())) {
            r.delayedInputs += behind ? 1 : -1;
            dirty = true;
        }
        publishIfDirty(clock.instant());
    }

    /** Every tag some alarm reads: its own tag, a setpoint, a suppression input (changes with {@link #apply}). Safe from any thread. */
    public Set<TagPath> inputs() {
        return inputs;
    }

    /**
     * Advances the timers to {@code now}: on-/off-delays, no-data, re-alarm, shelve expiry and the flood window.
     * Call about once a second. Evaluator thread only.
     */
    public void tick(Instant now) {
        for (AlarmRecord r : timed) {
            evaluate(r, now);
        }
        for (AlarmRecord r : alarms.values()) {
            applyDelays(r, now);
            Duration realarm = r.definition.realarmAfter();
            if (r.state == AlarmState.ACKED && realarm.isPositive() && !now.isBefore(r.ackedAt.plus(realarm))) {
                fire(r, AlarmTrigger.REALARM, AlarmEvent.SYSTEM, "re-alarm after " + realarm, now);
            }
            if (r.state == AlarmState.SHELVED && !now.isBefore(r.shelvedUntil)) {
                fire(r, AlarmTrigger.UNSHELVE, AlarmEvent.SYSTEM, "shelve expired", now);
            }
        }
        dirty = true; // the flood window and repeat counts move with time
        publishIfDirty(now);
    }

    // ---- Commands (evaluator thread only; each returns false when it does not apply in the current state) ----

    /**
     * Acknowledges (for a latched alarm: resets) it.
     *
     * @throws IllegalArgumentException for an unknown id, a blank user, or an alarm whose priority needs a note
     *                                  ({@link Priority#acknowledgementNeedsNote()}) without one
     */
    public boolean acknowledge(String id, String user, String note) {
        AlarmRecord r = find(id, user);
        Priority priority = r.definition.priority();
        if (priority.acknowledgementNeedsNote() && blank(note)) {
            throw new IllegalArgumentException("acknowledging " + priority.displayName() + " alarm " + id
                    + " needs a note");
        }
        return command(r, AlarmTrigger.ACK, user, note);
    }

    /**
     * Shelves it for {@code duration} (at most the definition's maximum); a one-shot shelve also ends when the
     * condition next returns to normal. Shelving a shelved alarm restarts its shelve.
     *
     * @throws IllegalArgumentException for an unknown id, a blank user or reason, or a duration outside (0, max]
     */
    public boolean shelve(String id, String user, Duration duration, String reason, boolean oneShot) {
        AlarmRecord r = find(id, user);
        Duration max = r.definition.maxShelve();
        if (duration == null || !duration.isPositive() || duration.compareTo(max) > 0) {
            throw new IllegalArgumentException("shelve " + id + ": duration must be more than 0 and at most " + max
                    + ", was " + duration);
        }
        if (blank(reason)) {
            throw new IllegalArgumentException("shelve " + id + ": a reason is required");
        }
        if (r.state == AlarmState.SUPPRESSED || r.state == AlarmState.OUT_OF_SERVICE) {
            return false;
        }
        Instant now = clock.instant();
        r.shelvedUntil = now.plus(duration);
        r.oneShotShelve = oneShot;
        String note = reason + " (" + (oneShot ? "one-shot, " : "") + "until " + r.shelvedUntil + ")";
        return commandAt(r, AlarmTrigger.SHELVE, user, note, now);
    }

    /**
     * Adds an operator's comment to it, in any state (active or returned, acknowledged or not, even hidden or back to
     * normal: a finding after the fact): one {@link AlarmTrigger#COMMENT} row with the text as its note, {@code from
     * == to}, so no transition, no annunciation and no KPI count. Always applies.
     *
     * @throws IllegalArgumentException for an unknown id, a blank user, or a blank or over-long comment
     */
    public boolean comment(String id, String user, String text) {
        AlarmRecord r = find(id, user);
        if (blank(text) || text.strip().length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a comment on " + id + " needs 1-" + MAX_COMMENT + " characters");
        }
        Instant now = clock.instant();
        Instant at = r.lastEvent != null && now.isBefore(r.lastEvent) ? r.lastEvent : now; // after its last row
        r.lastEvent = at; // its events never go back in time: a later transition is not journalled before it
        emit(new AlarmEvent(at, r.definition.id(), AlarmTrigger.COMMENT, r.state, r.state, r.definition.priority(),
                r.definition.station().area(), r.definition.station().toString(), r.definition.tag().toString(),
                r.lastValue, user, text.strip(), r.definition.message("en")));
        return true;
    }

    public boolean unshelve(String id, String user, String note) {
        return command(find(id, user), AlarmTrigger.UNSHELVE, user, note);
    }

    /** Suppresses it by hand (an engineer's decision); it stays so until {@link #unsuppress}. */
    public boolean suppress(String id, String user, String reason) {
        AlarmRecord r = find(id, user);
        r.suppressedByUser = true;
        return command(r, AlarmTrigger.SUPPRESS, user, reason);
    }

    /** Ends a suppression by hand; a suppression-by-design condition that still holds keeps it suppressed. */
    public boolean unsuppress(String id, String user, String reason) {
        AlarmRecord r = find(id, user);
        r.suppressedByUser = false;
        return !r.suppressedByCondition && command(r, AlarmTrigger.UNSUPPRESS, user, reason);
    }

    public boolean removeFromService(String id, String user, String reason) {
        AlarmRecord r = find(id, user);
        r.outOfService = true;
        return command(r, AlarmTrigger.REMOVE_FROM_SERVICE, user, reason);
    }

    /** Returns it to service; it comes back suppressed if a suppression still holds. */
    public boolean returnToService(String id, String user, String reason) {
        AlarmRecord r = find(id, user);
        r.outOfService = false;
        boolean changed = command(r, AlarmTrigger.RETURN_TO_SERVICE, user, reason);
        if (changed && r.suppressed()) {
            command(r, AlarmTrigger.SUPPRESS, AlarmEvent.SYSTEM, "still suppressed");
        }
        return changed;
    }

    // ---- Reading (any thread) ----

    /** The latest published picture of the annunciated alarms. Safe from any thread. */
    public AlarmSnapshot snapshot() {
        return snapshot;
    }

    /** The configured definitions, in config order. */
    public List<AlarmDefinition> definitions() {
        return definitions;
    }

    /** The current state of alarm {@code id}. Evaluator thread (or after it stopped). */
    public AlarmState state(String id) {
        return find(id, AlarmEvent.SYSTEM).state;
    }

    /** Listener calls that threw (each is logged and skipped). Safe from any thread. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** Journal appends that threw despite the contract (each event is logged in full). Safe from any thread. */
    public long journalFailures() {
        return journalFailures.get();
    }

    // ---- Evaluation ----

    private void evaluate(AlarmRecord r, Instant now) {
        AlarmDefinition d = r.definition;
        TagValue latest = readings.latest(d.tag());
        String value = latest == null ? "" : latest.quality() == Quality.GOOD ? latest.text()
                : latest.text() + " (" + latest.quality() + ")";
        dirty |= r.state.annunciated() && !value.equals(r.lastValue); // the summary shows the current value
        r.lastValue = value;
        d.suppressWhen().ifPresent(rule -> suppressByDesign(r, rule, now));
        AlarmCondition.Result result = d.condition().evaluate(d.tag(), readings, r.rawActive, now);
        if (result == AlarmCondition.Result.UNKNOWN) {
            dirty |= !r.uncertain;
            r.uncertain = true;
            r.rawActive = r.conditionActive; // hold, and drop any pending delay
            r.rawSince = now;
            return;
        }
        dirty |= r.uncertain || r.restored;
        r.uncertain = false;
        r.restored = false; // a fresh good value now confirms (or below, clears) the restored state
        boolean raw = result == AlarmCondition.Result.ACTIVE;
        if (raw != r.rawActive) {
            r.rawActive = raw;
            r.rawSince = now;
        }
        applyDelays(r, now);
    }

    private void suppressByDesign(AlarmRecord r, SuppressionRule rule, Instant now) {
        AlarmCondition.Result s = rule.condition().evaluate(rule.tag(), readings, false, now);
        boolean suppress = s == AlarmCondition.Result.ACTIVE;
        if (s == AlarmCondition.Result.UNKNOWN || suppress == r.suppressedByCondition) {
            return; // an unknown input keeps the suppression as it was
        }
        r.suppressedByCondition = suppress;
        String why = "by design: " + rule.tag() + " is " + readings.latest(rule.tag()).text();
        if (suppress) {
            fire(r, AlarmTrigger.SUPPRESS, AlarmEvent.SYSTEM, why, now);
        } else if (!r.suppressedByUser) {
            fire(r, AlarmTrigger.UNSUPPRESS, AlarmEvent.SYSTEM, why, now);
        }
    }

    private void applyDelays(AlarmRecord r, Instant now) {
        if (r.uncertain || r.rawActive == r.conditionActive) {
            return;
        }
        Duration delay = r.rawActive ? r.definition.onDelay() : r.definition.offDelay();
        if (!now.isBefore(r.rawSince.plus(delay))) {
            r.conditionActive = r.rawActive;
            fire(r, r.rawActive ? AlarmTrigger.ACTIVATE : AlarmTrigger.CLEAR, AlarmEvent.SYSTEM, "", now);
        }
    }

    private boolean command(AlarmRecord r, AlarmTrigger trigger, String user, String note) {
        return commandAt(r, trigger, user, note, clock.instant());
    }

    private boolean commandAt(AlarmRecord r, AlarmTrigger trigger, String user, String note, Instant now) {
        boolean changed = fire(r, trigger, user, note, now);
        publishIfDirty(now);
        return changed;
    }

    /** Applies one trigger; returns true if it changed the state (or was worth a journal row). */
    private boolean fire(AlarmRecord r, AlarmTrigger trigger, String user, String note, Instant at) {
        Instant now = r.lastEvent != null && at.isBefore(r.lastEvent) ? r.lastEvent : at; // a late update after a tick
        AlarmState from = r.state;
        AlarmState to = AlarmStateMachine.next(from, trigger, r.context());
        boolean conditionChange = trigger == AlarmTrigger.ACTIVATE || trigger == AlarmTrigger.CLEAR;
        boolean reshelve = trigger == AlarmTrigger.SHELVE && to == AlarmState.SHELVED;
        if (from == to && !reshelve && (!conditionChange || to == AlarmState.OUT_OF_SERVICE)) {
            return false;
        }
        r.state = to;
        if (from == AlarmState.SHELVED && to != AlarmState.SHELVED) {
            r.shelvedUntil = null;
            r.oneShotShelve = false;
        }
        if (to == AlarmState.UNACK && from != AlarmState.UNACK) {
            r.lastAnnunciation = now;
            if (trigger == AlarmTrigger.ACTIVATE || trigger == AlarmTrigger.REALARM) {
                flood.annunciated(now);
                r.annunciations.addLast(now);
            }
        }
        if (to == AlarmState.ACKED) {
            r.ackedAt = now;
        }
        if (trigger == AlarmTrigger.ACTIVATE) {
            r.tripValue = r.lastValue;
        }
        dirty = true;
        r.lastEvent = now;
        emit(new AlarmEvent(now, r.definition.id(), trigger, from, to, r.definition.priority(),
                r.definition.station().area(), r.definition.station().toString(), r.definition.tag().toString(),
                r.lastValue, user, note, r.definition.message("en")));
        return true;
    }

    private void emit(AlarmEvent event) {
        try {
            journal.append(event);
        } catch (RuntimeException e) {
            journalFailures.incrementAndGet();
            LOG.log(Level.ERROR, "alarm journal refused " + event, e);
        }
        for (Consumer<AlarmEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
                LOG.log(Level.WARNING, "alarm listener failed on " + event.alarmId(), e);
            }
        }
    }

    private void publishIfDirty(Instant now) {
        if (dirty) {
            dirty = false;
            snapshot = AlarmRecord.snapshot(alarms.values(), now, flood.inFlood(now));
        }
    }

    private AlarmRecord find(String id, String user) {
        if (blank(user)) {
            throw new IllegalArgumentException("every alarm command needs the user's name");
        }
        AlarmRecord r = alarms.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown alarm id " + id);
        }
        return r;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
