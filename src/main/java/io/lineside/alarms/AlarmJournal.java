package io.lineside.alarms;

import java.util.List;

/**
 * Where every {@link AlarmEvent} is recorded (the port; the H2 implementation lives in {@code io.lineside.history}).
 * Implementations are safe from any thread.
 */
public interface AlarmJournal {

    /**
     * Records {@code event}. Must not throw for a storage failure: the implementation keeps the event for a retry and
     * counts the failure ({@link #failures()}), so a transition is never lost silently.
     */
    void append(AlarmEvent event);

    /** Rows matching {@code filter}, oldest first. */
    List<AlarmEvent> query(JournalFilter filter) throws JournalException;

    /**
     * For each alarm id and trigger, its newest row, oldest first: what a restart restores the alarm states from
     * ({@link AlarmEngine#restore}). This default reads the rows one query returns; a store should override it with
     * one that reads the whole journal.
     */
    default List<AlarmEvent> latestPerTrigger() throws JournalException {
        java.util.Map<String, AlarmEvent> latest = new java.util.LinkedHashMap<>();
        for (AlarmEvent e : query(JournalFilter.between(java.time.Instant.EPOCH, java.time.Instant.now().plus(
                java.time.Duration.ofDays(3650))))) {
            latest.remove(e.alarmId() + '\u0000' + e.trigger());
            latest.put(e.alarmId() + '\u0000' + e.trigger(), e);
        }
        return List.copyOf(latest.values());
    }

    /**
     * The periods {@code [start, end)} the workstation was running that overlap {@code [from, to)}, oldest first
     * (KPI rates average over these only). This default knows none: callers then take the whole range.
     */
    default List<Recording> recordings(java.time.Instant from, java.time.Instant to) throws JournalException {
        return List.of();
    }

    /** One period the workstation was running: from its start to its last heartbeat. */
    record Recording(java.time.Instant start, java.time.Instant end) {
    }

    /** How many appends failed at least once (each is retried); 0 when storage is healthy. */
    long failures();

    /** Events waiting for a retry because storage failed. */
    int pending();

    /** Events dropped because the retry buffer overflowed; each is also logged. */
    long lost();

    /** A journal that cannot be read or written. */
    final class JournalException extends Exception {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
