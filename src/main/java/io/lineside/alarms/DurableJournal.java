package io.lineside.alarms;

import java.time.Instant;

/**
 * The journal an {@link AlarmService} owns and closes: the {@link AlarmJournal} port on storage that can fail, so it
 * keeps what failed for a retry, plus the heartbeat of the workstation's recording periods and a revision readers
 * poll. The H2 implementation is {@code io.lineside.history.AlarmJournalStore}. Safe from any thread.
 */
public interface DurableJournal extends AlarmJournal, AutoCloseable {

    /** How many events were ever appended (stored or waiting): goes up with each, so readers know to read again. */
    long appended();

    /** Writes the events kept after a failure, oldest first; returns how many are still waiting. */
    int retryPending();

    /** Records that the workstation runs from {@code start} until at least {@code now}. Never throws. */
    void recording(Instant start, Instant now);

    /** Tries once more to write what is pending, then releases the storage. */
    @Override
    void close();
}
