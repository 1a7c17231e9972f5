package api.pantheon.payments.parties.boundary;

/** Whom a valid API token belongs to, and which of the party's keys it is (the audit trail names the key). */
public record KeyHolder(String partyId, String keyId) {
}
