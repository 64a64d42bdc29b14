package io.lineside.alarms;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which journal rows to read. Empty sets and a blank area or text mean "any".
 *
 * @param from   inclusive
 * @param to     exclusive
 * @param states rows whose state after the event is one of these
 * @param text   case-insensitive substring of the alarm id, message, tag, user or note
 * @param limit  at most this many rows, oldest first
 */
public record JournalFilter(Instant from, Instant to, Set<Priority> priorities, Set<AlarmState> states, String area,
                            String text, int limit) {

    /** The most rows one query returns, whatever the caller asks for. */
    public static final int MAX_LIMIT = 100_000;

    public JournalFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        priorities = Set.copyOf(priorities);
        states = Set.copyOf(states);
        area = area == null ? "" : area.strip();
        text = text == null ? "" : text.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every row in {@code [from, to)}, up to {@link #MAX_LIMIT}. */
    public static JournalFilter between(Instant from, Instant to) {
        return new JournalFilter(from, to, Set.of(), Set.of(), "", "", MAX_LIMIT);
    }

    public JournalFilter withPriorities(Set<Priority> p) {
        return new JournalFilter(from, to, p, states, area, text, limit);
    }

    public JournalFilter withStates(Set<AlarmState> s) {
        return new JournalFilter(from, to, priorities, s, area, text, limit);
    }

    public JournalFilter withArea(String a) {
        return new JournalFilter(from, to, priorities, states, a, text, limit);
    }

    public JournalFilter withText(String t) {
        return new JournalFilter(from, to, priorities, states, area, t, limit);
    }

    public JournalFilter withLimit(int l) {
        return new JournalFilter(from, to, priorities, states, area, text, l);
    }
}
