package io.lineside.security;

import java.time.Instant;

/**
 * One stored audit row.
 *
 * @param id          consecutive from 1: a gap means a deleted row
 * @param timestamp   UTC time of the workstation clock, microsecond precision
 * @param workstation where it happened
 * @param entry       who did what, with which result
 * @param prevHash    the previous row's {@code hash} ({@link AuditTrail#GENESIS_HASH} for row 1), hex
 * @param hash        SHA-256 over {@code prevHash} and every other field, hex (see {@link AuditChain})
 */
public record AuditRecord(long id, Instant timestamp, String workstation, AuditEntry entry, String prevHash,
                          String hash) {
}
