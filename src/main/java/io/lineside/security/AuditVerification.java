package io.lineside.security;

import java.util.Optional;

/**
 * What {@link AuditTrail#verify()} found.
 *
 * @param rowsChecked rows found intact before the first break (all rows if intact)
 * @param headHash    the hash of the last intact row; write it down elsewhere (shift report) to detect later
 *                    truncation or a rewritten chain, which the chain alone cannot
 * @param firstBreak  the first broken row, or empty if the chain is intact
 */
public record AuditVerification(long rowsChecked, String headHash, Optional<Break> firstBreak) {

    /** How a row breaks the chain. */
    public enum Problem {
        /** The row's fields do not give its stored hash: the row was edited. */
        HASH_MISMATCH,
        /** The row's prev_hash is not the previous row's hash: a row was replaced or re-hashed. */
        BROKEN_LINK,
        /** Ids are not consecutive: rows before this one were deleted. */
        MISSING_ROWS
    }

    /**
     * @param rowId   the first row that does not fit (for {@link Problem#MISSING_ROWS} the row after the gap)
     * @param problem what is wrong with it
     * @param detail  a sentence for the verify screen
     */
    public record Break(long rowId, Problem problem, String detail) {
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** One line for the verify command and screen. */
    public String summary() {
        return firstBreak.map(b -> "Audit trail BROKEN at row " + b.rowId() + " (" + b.problem() + "): " + b.detail())
                .orElse("Audit trail intact: " + rowsChecked + " rows, head hash " + headHash);
    }
}
