package io.lineside.security;

import java.util.Objects;

/**
 * One audit row as the caller describes it; {@link AuditTrail} adds the id, UTC time, workstation and hashes.
 * Text longer than its column is cut (and says so) rather than making the audit, and so the action, fail.
 *
 * @param actor    who acted, in which role
 * @param action   what was done, e.g. {@code "alarm.acknowledge"} (see {@link AuditActions})
 * @param target   what it was done to (alarm id, user name, layout), or {@code null}
 * @param oldValue the value before, or {@code null}
 * @param newValue the value after, or {@code null}
 * @param note     the operator's comment or the reason for a refusal, or {@code null}
 * @param result   the outcome
 */
public record AuditEntry(Actor actor, String action, String target, String oldValue, String newValue, String note,
                         AuditResult result) {

    static final int MAX_ACTION = 100;
    static final int MAX_TARGET = 1000;
    static final int MAX_TEXT = 4000;
    static final int MAX_USER = 200;

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(result, "result");
        if (Objects.requireNonNull(action, "action").isBlank()) {
            throw new IllegalArgumentException("an audit action must not be blank");
        }
        action = cut(action, MAX_ACTION);
        target = cut(target, MAX_TARGET);
        oldValue = cut(oldValue, MAX_TEXT);
        newValue = cut(newValue, MAX_TEXT);
        note = cut(note, MAX_TEXT);
        if (actor.userName() != null && actor.userName().length() > MAX_USER) {
            actor = new Actor(cut(actor.userName(), MAX_USER), actor.role());
        }
    }

    /** An entry with only action, target and result. */
    public static AuditEntry of(Actor actor, String action, String target, AuditResult result) {
        return new AuditEntry(actor, action, target, null, null, null, result);
    }

    /** This entry with another result and note (the reason it was refused or failed). */
    public AuditEntry with(AuditResult newResult, String newNote) {
        return new AuditEntry(actor, action, target, oldValue, newValue, newNote, newResult);
    }

    private static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        String marker = "...[cut " + s.length() + " chars]";
        int end = max - marker.length();
        if (Character.isLowSurrogate(s.charAt(end))) {
            end--; // never split a surrogate pair
        }
        return s.substring(0, end) + marker;
    }
}
