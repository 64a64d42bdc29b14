package io.lineside.security;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code lineside audit-verify} command: opens the security database of a data directory, checks the hash
 * chain and prints one line. Needs the HMI stopped (the database admits one process); the in-app screen uses
 * {@link AuditTrail#verify()} under {@link Permission#VERIFY_AUDIT} instead.
 */
public final class AuditVerifier {

    /** Exit code: the chain is intact. */
    public static final int INTACT = 0;
    /** Exit code: the chain is broken (a row was changed or deleted). */
    public static final int BROKEN = 1;
    /** Exit code: the database is missing or cannot be opened. */
    public static final int UNREADABLE = 2;

    private AuditVerifier() {
    }

    /**
     * Verifies the audit trail in {@code securityDir} (e.g. {@code <data>/security}) and prints the result.
     *
     * @return {@link #INTACT}, {@link #BROKEN} or {@link #UNREADABLE}
     */
    public static int run(Path securityDir, PrintStream out) {
        if (!Files.exists(securityDir.resolve(SecurityDatabase.NAME + ".mv.db"))) {
            out.println("No security database in " + securityDir + ".");
            return UNREADABLE; // opening would create an empty one and report it intact
        }
        try (SecurityDatabase db = SecurityDatabase.open(securityDir)) {
            if (db.quarantined().isPresent()) {
                out.println("The security database was damaged and moved to " + db.quarantined().get() + ".");
                return UNREADABLE;
            }
            AuditVerification result = new AuditTrail(db, "audit-verify", java.time.Clock.systemUTC()).verify();
            out.println(result.summary());
            return result.intact() ? INTACT : BROKEN;
        } catch (SecurityStoreException e) {
            out.println(e.getMessage());
            return UNREADABLE;
        }
    }
}
