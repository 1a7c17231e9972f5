package api.pantheon.payments.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretsTest {

    @TempDir
    Path data;

    private ServerSecrets secrets(Optional<String> adminToken, Optional<String> masterKey) {
        ServerSecrets secrets = new ServerSecrets();
        secrets.dataDir = data.toString();
        secrets.configuredAdminToken = adminToken;
        secrets.configuredMasterKey = masterKey;
        secrets.load();
        return secrets;
    }

    @Test
    void generatesTheAdminTokenOnceKeepsItPrivateAndReadsItBackOnTheNextStart() throws Exception {
        ServerSecrets first = secrets(Optional.empty(), Optional.empty());
        Path file = data.resolve("admin-token");
        String token = Files.readString(file).trim();
        assertTrue(token.length() >= 40);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.isAdminToken(token));
        assertFalse(first.isAdminToken(token + "x"));
        assertFalse(first.isAdminToken(null));

        ServerSecrets restarted = secrets(Optional.empty(), Optional.empty());
        assertTrue(restarted.isAdminToken(token));
        assertEquals(token, Files.readString(file).trim());
    }

    @Test
    void aConfiguredAdminTokenWinsAndNothingIsWritten() {
        ServerSecrets secrets = secrets(Optional.of("configured-token"), Optional.empty());
        assertTrue(secrets.isAdminToken("configured-token"));
        assertFalse(Files.exists(data.resolve("admin-token")));
    }

    @Test
    void sealedSecretsOpenOnlyWithTheSameKeyAndNeverLookTheSame() {
        ServerSecrets secrets = secrets(Optional.of("t"), Optional.empty());
        String sealed = secrets.seal("whsec_example");
        assertNotEquals(sealed, secrets.seal("whsec_example"), "a fresh IV every time");
        assertFalse(sealed.contains("whsec_example"));
        assertEquals("whsec_example", secrets.unseal(sealed));
        assertEquals("whsec_example", secrets(Optional.of("t"), Optional.empty()).unseal(sealed), "key kept across starts");

        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        ServerSecrets other = secrets(Optional.of("t"), Optional.of(otherKey));
        assertThrows(IllegalStateException.class, () -> other.unseal(sealed));
    }
}
