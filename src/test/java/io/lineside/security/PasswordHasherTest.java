package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(SecurityFixture.TEST_ITERATIONS);

    @Test
    void productionDefaultHasAtLeast600kIterationsAndItsHashVerifies() {
        PasswordHasher production = new PasswordHasher();
        assertTrue(production.iterations() >= 600_000, "OWASP floor for PBKDF2-HMAC-SHA256");
        String encoded = production.hash("correct horse".toCharArray());
        assertEquals("pbkdf2-sha256$" + production.iterations(), encoded.substring(0, encoded.indexOf('$', 14)));
        assertTrue(production.verify("correct horse".toCharArray(), encoded));
        assertFalse(production.needsRehash(encoded));
    }

    @Test
    void encodedFormNamesAlgorithmIterationsA16ByteSaltAnd256BitHash() {
        String[] parts = hasher.hash("secret-pass".toCharArray()).split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(SecurityFixture.TEST_ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void rightPasswordVerifiesWrongOneDoesNotAndSaltsDiffer() {
        String a = hasher.hash("secret-pass".toCharArray());
        String b = hasher.hash("secret-pass".toCharArray());
        assertNotEquals(a, b, "a random salt per hash");
        assertTrue(hasher.verify("secret-pass".toCharArray(), a));
        assertTrue(hasher.verify("secret-pass".toCharArray(), b));
        assertFalse(hasher.verify("secret-pasS".toCharArray(), a));
        assertFalse(hasher.verify(new char[0], a));
    }

    @Test
    void hashMadeWithFewerIterationsStillVerifiesButAsksForRehash() {
        String old = new PasswordHasher(500).hash("secret-pass".toCharArray());
        assertTrue(hasher.verify("secret-pass".toCharArray(), old), "the count is read from the encoded form");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("secret-pass".toCharArray())));
        assertTrue(hasher.needsRehash("md5$1$abc$def"));
        assertTrue(hasher.needsRehash("pbkdf2-sha256$x$AAAA$AAAA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain-text-password", "md5$1$abc$def", "pbkdf2-sha256$x$AAAA$AAAA",
            "pbkdf2-sha256$1000$!!!$AAAA", "pbkdf2-sha256$99999999$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA", "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA"})
    void unreadableOrTamperedEncodedFormNeverVerifies(String encoded) {
        assertFalse(hasher.verify("plain-text-password".toCharArray(), encoded));
    }

    @Test
    void iterationCountOutsideSaneRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(20_000_000));
    }

    @Test
    void policyRequiresEightCharactersAndNotTheUserName() {
        assertEquals(Optional.of("The password must have at least 8 characters; it has 7."),
                PasswordPolicy.problem("anna", "1234567".toCharArray()));
        assertEquals(Optional.of("The password must not be the user name."),
                PasswordPolicy.problem("Operator1", "operator1".toCharArray()));
        assertTrue(PasswordPolicy.problem("anna", new char[257]).orElseThrow().contains("at most 256"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("anna", "12345678".toCharArray()));
    }
}
