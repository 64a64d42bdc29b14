package io.lineside.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in a self-describing form, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (Base64), so the iteration count can rise later while old hashes still verify ({@link #needsRehash}).
 *
 * <p>The caller owns the {@code char[]} it passes and should clear it; this class clears its own copies.
 * Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final String ALGORITHM = "pbkdf2-sha256";
    private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** A stored count above this is damage or an attempt to stall logins, not a real setting. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** Production hasher with {@link #DEFAULT_ITERATIONS}. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher with another count; tests use a low one to stay fast. */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** A new random salt and the encoded hash of {@code password}. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * True if {@code password} matches {@code encoded}; false for a wrong password and for an encoded form this
     * class cannot read (a damaged row must not let anyone in). Compares in constant time.
     */
    public boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        try {
            int count = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (count < 1 || count > MAX_ITERATIONS || salt.length == 0 || expected.length * 8 != HASH_BITS) {
                return false;
            }
            byte[] actual = derive(password, salt, count);
            boolean same = MessageDigest.isEqual(expected, actual);
            Arrays.fill(actual, (byte) 0);
            return same;
        } catch (IllegalArgumentException e) { // bad number or Base64
            return false;
        }
    }

    /** Spends the same time as a real verification, so an unknown user name does not answer faster. */
    void verifyNothing(char[] password) {
        Arrays.fill(derive(password, new byte[SALT_BYTES], iterations), (byte) 0);
    }

    /** True if {@code encoded} uses fewer iterations than this hasher (or is unreadable). */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        try {
            return parts.length != 4 || !parts[0].equals(ALGORITHM) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int count) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, count, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JCA_NAME + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
