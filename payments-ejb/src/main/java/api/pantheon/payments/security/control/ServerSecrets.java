package api.pantheon.payments.security.control;

import api.pantheon.payments.security.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's own secrets: the operators' admin token and the key that seals client signing
 * secrets in the database. Both come from configuration; where none is set, they are generated on
 * first start and kept in the data directory (mode 600), so a restart keeps them. In a cluster,
 * configure both, so that every instance has the same.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerSecrets {

    private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());
    private static final String SEALED_PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "payments.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "payments.admin.token")
    Optional<String> configuredAdminToken;

    @Inject
    @ConfigProperty(name = "payments.secrets.master-key")
    Optional<String> configuredMasterKey;

    @Inject
    @ConfigProperty(name = "payments.console.admin-password")
    Optional<String> configuredConsolePassword;

    private String adminTokenHash;
    private SecretKey sealingKey;

    @PostConstruct
    void load() {
        Path dir = Path.of(dataDir);
        String adminToken = configuredAdminToken.filter(token -> !token.isBlank())
                .orElseGet(() -> readOrCreate(dir.resolve("admin-token"), () -> Secrets.random(32),
                        "the operator admin token", "Use it as 'Authorization: Bearer <token>' on /payments/admin/v1."));
        adminTokenHash = Secrets.sha256Hex(adminToken.trim());
        String masterKey = configuredMasterKey.filter(key -> !key.isBlank())
                .orElseGet(() -> readOrCreate(dir.resolve("master.key"),
                        () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(32)), null, null));
        sealingKey = new SecretKeySpec(Base64.getDecoder().decode(masterKey.trim()), "AES");
    }

    /**
     * The first console ADMIN's password: configured, else generated once and kept beside the admin
     * token. Only read when that operator is created.
     */
    public String consoleAdminPassword() {
        return configuredConsolePassword.filter(password -> !password.isBlank())
                .orElseGet(() -> readOrCreate(Path.of(dataDir).resolve("console-admin-password"), () -> Secrets.random(18),
                        "the console password of operator 'admin'", "Log in at /payments/console/ as admin."));
    }

    public boolean isAdminToken(String presented) {
        return presented != null && Secrets.sameSecret(presented, adminTokenHash);
    }

    /** Encrypts a secret the server must be able to use again (AES-256-GCM, random IV). */
    public String seal(String secret) {
        try {
            byte[] iv = Secrets.randomBytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return SEALED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String unseal(String sealed) {
        if (!sealed.startsWith(SEALED_PREFIX)) {
            throw new IllegalStateException("unknown sealing format");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unseal a secret: wrong master key?", e);
        }
    }

    /** {@code what} and {@code use}, when given, announce a generated secret once. */
    private static String readOrCreate(Path file, java.util.function.Supplier<String> generator, String what, String use) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String value = generator.get();
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            restrictToOwner(temporary);
            Files.writeString(temporary, value + "\n");
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                Files.delete(temporary);
                return Files.readString(file).trim();
            }
            if (what != null) {
                // Printed once, on the start that creates it; later starts read the file silently.
                LOG.warning(() -> "\n\n    Generated " + what + " (kept in " + file.toAbsolutePath()
                        + "):\n\n        " + value + "\n\n    " + use + "\n");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a server secret in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions have to do.
        }
    }
}
