package api.pantheon.payments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomTokensAreUrlSafeAndDistinct() {
        String a = Secrets.random(32);
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
        assertNotEquals(a, Secrets.random(32));
    }

    @Test
    void digestsMatchTheKnownSha256AndCompareOnlyEqualSecrets() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256Hex("abc"));
        assertTrue(Secrets.sameSecret("abc", Secrets.sha256Hex("abc")));
        assertFalse(Secrets.sameSecret("abd", Secrets.sha256Hex("abc")));
    }
}
