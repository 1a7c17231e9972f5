package api.pantheon.payments.parties.boundary;

/** A new API key as shown once to whoever asked for it; only digests and sealed copies are kept. */
public record IssuedKey(String keyId, String partyId, String token, String signingSecret) {
}
