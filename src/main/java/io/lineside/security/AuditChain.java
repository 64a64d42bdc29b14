package io.lineside.security;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit row: SHA-256 over a version tag, the previous row's hash and every field, each field
 * length-prefixed (−1 for null) so that text cannot be moved from one field to the next without changing the hash.
 * Changing this encoding is a new version tag, never an edit.
 */
final class AuditChain {

    private static final String VERSION = "lineside-audit-v1";

    private AuditChain() {
    }

    static String hash(long id, Instant ts, String workstation, AuditEntry e, String prevHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : new String[] {VERSION, prevHash, Long.toString(id), ts.toString(), e.actor().userName(),
                    e.actor().role().name(), workstation, e.action(), e.target(), e.oldValue(), e.newValue(), e.note(),
                    e.result().code()}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e2);
        }
    }
}
