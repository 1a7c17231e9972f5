package api.pantheon.payments.parties.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.errors.Conflicts;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.parties.control.PhoneNumbers;
import api.pantheon.payments.parties.entity.ApiKey;
import api.pantheon.payments.parties.entity.KeyView;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.parties.entity.PartyKind;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.security.Secrets;
import api.pantheon.payments.security.control.ServerSecrets;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers parties, issues their API keys, and tells who a presented token belongs to. */
@Stateless
public class Parties {

    /** Starts with a letter, so that a username can never be mistaken for a phone number. */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{2,63}");
    private static final int DISPLAY_NAME_MAX = 128;
    /** Deliberately loose: the mail server is the judge; this only stops what is plainly not an address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    ServerSecrets serverSecrets;

    @Inject
    Channels channels;

    @Inject
    Audit audit;

    private static final String ISSUE_KEY = "key.issue";
    private static final String REVOKE_KEY = "key.revoke";

    public PartyView register(PartyKind kind, String username, String phone, String displayName, String email,
                          String preferredChannel) {
        if (kind != PartyKind.MERCHANT && kind != PartyKind.PERSON) {
            throw ErrorCode.INVALID_DATA.exception("kind: must be MERCHANT or PERSON");
        }
        String normalizedUsername = username == null ? null : username.trim().toLowerCase(Locale.ROOT);
        if (normalizedUsername != null && !USERNAME.matcher(normalizedUsername).matches()) {
            throw ErrorCode.INVALID_DATA.exception(
                    "username: 3 to 64 letters, digits, '.', '_' or '-', starting with a letter");
        }
        String e164 = phone == null ? null : phoneNumbers.toE164(phone)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("phone: not a valid phone number"));
        if (normalizedUsername == null && e164 == null) {
            throw ErrorCode.INVALID_DATA.exception("username: a username or a phone number is required");
        }
        if (displayName != null && displayName.length() > DISPLAY_NAME_MAX) {
            throw ErrorCode.INVALID_DATA.exception("display_name: at most " + DISPLAY_NAME_MAX + " characters");
        }
        if (normalizedUsername != null && byUsername(normalizedUsername).isPresent()
                || e164 != null && byPhone(e164).isPresent()) {
            throw ErrorCode.PARTY_EXISTS.exception();
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ErrorCode.INVALID_DATA.exception("email: not an email address");
        }
        String channel = preferredChannel == null ? null : channels.require("preferred_channel", preferredChannel);
        Party party = new Party(kind, normalizedUsername, e164, displayName, clock.instant());
        party.reachableBy(email, channel);
        try {
            em.persist(party);
            em.flush();
        } catch (PersistenceException e) {
            if (Conflicts.isDuplicateKey(e)) {
                throw ErrorCode.PARTY_EXISTS.exception(); // an identical registration raced this one and won
            }
            throw e;
        }
        audit.done("party.register", Audit.Target.party(party.id()), null, party.createdAt());
        return PartyView.of(party);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PartyView view(String partyId) {
        return PartyView.of(find(partyId));
    }

    /** The party, for the core's own use; a system party reads as missing. */
    public Party find(String partyId) {
        return Optional.ofNullable(partyId == null ? null : em.find(Party.class, partyId))
                .filter(party -> party.kind() != PartyKind.SYSTEM)
                .orElseThrow(ErrorCode.PARTY_NOT_FOUND::exception);
    }

    /** A recipient named by username or by phone number, written with or without country code. */
    public Optional<Party> findByUsernameOrPhone(String recipient) {
        String text = recipient == null ? "" : recipient.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isLetter(text.charAt(0))) {
            return byUsername(text.toLowerCase(Locale.ROOT));
        }
        return phoneNumbers.toE164(text).flatMap(this::byPhone);
    }

    public IssuedKey issueKey(String partyId, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(ISSUE_KEY, Audit.Target.party(partyId), reason);
        Party party = find(partyId);
        String keyId = "key_" + Secrets.random(12);
        String token = "pt_" + Secrets.random(32);
        String signingSecret = "whsec_" + Secrets.random(32);
        em.persist(new ApiKey(keyId, party.id(), Secrets.sha256Hex(token), serverSecrets.seal(signingSecret), now));
        audit.done(ISSUE_KEY, Audit.Target.key(keyId), why, now);
        return new IssuedKey(keyId, party.id(), token, signingSecret);
    }

    /** The party's keys, newest first, live and revoked: never their secrets, which are not kept. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<KeyView> keysOf(String partyId) {
        return em.createNamedQuery(ApiKey.OF_PARTY, ApiKey.class).setParameter("party", find(partyId).id())
                .getResultStream().map(KeyView::of).toList();
    }

    /**
     * Stops a key authenticating and signing. Instances remember valid tokens for under a second, so
     * the key is refused everywhere within a second of this commit. Revoking a revoked key is a no-op.
     */
    public KeyView revokeKey(String partyId, String keyId, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(REVOKE_KEY, Audit.Target.key(String.valueOf(keyId)), reason);
        ApiKey key = Optional.ofNullable(keyId == null ? null : em.find(ApiKey.class, keyId))
                .filter(found -> found.partyId().equals(find(partyId).id()))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such key of this party"));
        key.revoke(now);
        audit.done(REVOKE_KEY, Audit.Target.key(keyId), why, now);
        return KeyView.of(key);
    }

    /** Whose live key a bearer token is. Runs on every call: no transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<KeyHolder> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiKey.BY_TOKEN_HASH, ApiKey.class)
                .setParameter("hash", Secrets.sha256Hex(token))
                .getResultStream().findFirst().map(key -> new KeyHolder(key.partyId(), key.keyId()));
    }

    /** The secret that signs the party's callbacks: that of its newest live key. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> signingSecretOf(String partyId) {
        return em.createNamedQuery(ApiKey.NEWEST_OF_PARTY, ApiKey.class).setParameter("party", partyId)
                .getResultList().stream().findFirst().map(key -> serverSecrets.unseal(key.signingSecretSealed()));
    }

    private Optional<Party> byUsername(String username) {
        return em.createNamedQuery(Party.BY_USERNAME, Party.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private Optional<Party> byPhone(String e164) {
        return em.createNamedQuery(Party.BY_PHONE, Party.class).setParameter("phone", e164)
                .getResultStream().findFirst();
    }
}
