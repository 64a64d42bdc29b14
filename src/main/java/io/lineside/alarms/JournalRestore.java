package io.lineside.alarms;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds each alarm's state at start-up from the journal's newest row per alarm and trigger
 * ({@link AlarmJournal#latestPerTrigger()}): the state after its last event, whether its condition was active, and
 * for a shelve who, why and until when (from the SHELVE row's note, which {@link AlarmEngine#shelve} writes as
 * {@code reason (one-shot, until T)}). Pure; safe from any thread.
 */
final class JournalRestore {

    /** The suffix {@link AlarmEngine#shelve} appends to the reason. */
    private static final Pattern SHELVE_NOTE = Pattern.compile("(?s)(.*) \\((one-shot, )?until (\\S+)\\)");

    /** What one alarm was when the workstation stopped. */
    record Restored(AlarmEvent last, boolean conditionActive, Instant lastAnnunciation, Instant ackedAt,
                    String tripValue, AlarmEvent shelve, Instant shelvedUntil, boolean oneShot,
                    boolean suppressedByUser) {
    }

    private JournalRestore() {
    }

    /** Per alarm id: its restored state, for the alarms whose last state is not NORMAL. */
    static Map<String, Restored> plan(Collection<AlarmEvent> latestPerTrigger) {
        Map<String, Map<AlarmTrigger, AlarmEvent>> byAlarm = new HashMap<>();
        for (AlarmEvent e : latestPerTrigger) {
            if (e.trigger() == AlarmTrigger.COMMENT) {
                continue; // a comment records what the operator wrote, never a state (and must not win a tie)
            }
            byAlarm.computeIfAbsent(e.alarmId(), id -> new EnumMap<>(AlarmTrigger.class)).merge(e.trigger(), e,
                    (a, b) -> b.time().isAfter(a.time()) ? b : a);
        }
        Map<String, Restored> out = new HashMap<>();
        byAlarm.forEach((id, rows) -> {
            AlarmEvent last = rows.values().stream().reduce((a, b) -> b.time().isBefore(a.time()) ? a : b)
                    .orElseThrow(); // a tie in time (same millisecond) goes to the later trigger constant
            if (last.to() == AlarmState.NORMAL) {
                return;
            }
            out.put(id, restored(last, rows));
        });
        return out;
    }

    private static Restored restored(AlarmEvent last, Map<AlarmTrigger, AlarmEvent> rows) {
        AlarmEvent activate = rows.get(AlarmTrigger.ACTIVATE);
        AlarmEvent clear = rows.get(AlarmTrigger.CLEAR);
        boolean condition = switch (last.to()) {
            case UNACK, ACKED -> true;
            case RTN_UNACK, LATCHED, NORMAL -> false;
            // hidden: condition changes are journalled while shelved or suppressed (from == to)
            default -> activate != null && (clear == null || clear.time().isBefore(activate.time()));
        };
        Instant annunciated = rows.values().stream()
                .filter(e -> e.to() == AlarmState.UNACK && e.from() != AlarmState.UNACK)
                .map(AlarmEvent::time).max(Comparator.naturalOrder()).orElse(last.time());
        AlarmEvent ack = rows.get(AlarmTrigger.ACK);
        Instant ackedAt = last.to() == AlarmState.ACKED ? (ack == null ? last.time() : ack.time()) : null;
        AlarmEvent shelve = last.to() == AlarmState.SHELVED ? rows.get(AlarmTrigger.SHELVE) : null;
        Instant until = null;
        boolean oneShot = false;
        if (last.to() == AlarmState.SHELVED) {
            Matcher m = shelve == null ? null : SHELVE_NOTE.matcher(shelve.note());
            if (m != null && m.matches()) {
                oneShot = m.group(2) != null;
                until = parse(m.group(3));
            }
            if (until == null) {
                until = last.time(); // unknown: it expires at the first tick rather than hide the alarm for ever
            }
        }
        AlarmEvent suppress = rows.get(AlarmTrigger.SUPPRESS);
        boolean byUser = last.to() == AlarmState.SUPPRESSED && suppress != null
                && !AlarmEvent.SYSTEM.equals(suppress.user());
        return new Restored(last, condition, annunciated, ackedAt, activate == null ? "" : activate.value(), shelve,
                until, oneShot, byUser);
    }

    /** The reason an operator gave for a shelve, without the "(until …)" the engine appended. */
    static String shelveReason(String note) {
        Matcher m = SHELVE_NOTE.matcher(note);
        return m.matches() ? m.group(1) : note;
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
