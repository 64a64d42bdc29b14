package io.lineside.security;

import java.util.Locale;

/** The outcome recorded in an audit row. Stored as {@link #code()}; never rename one. */
public enum AuditResult {
    /** Permitted and carried out (for {@link SecuredActions}: permitted and started, see there). */
    OK,
    /** Refused for lack of a permission, a locked session or bad credentials. */
    DENIED,
    /** Permitted, but it failed or was invalid (e.g. demoting the last administrator). */
    FAILED;

    /** The lower-case text stored in the {@code result} column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuditResult ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
