package api.pantheon.payments.admin.boundary;

import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.parties.boundary.IssuedKey;
import api.pantheon.payments.parties.entity.Party;
import java.math.BigDecimal;

/** What the provisioning API shows of parties, accounts and keys. */
public final class AdminDocuments {

    private AdminDocuments() {
    }

    public record PartyDocument(String id, String kind, String username, String phone, String displayName, String email,
                                String preferredChannel, long created) {
        static PartyDocument of(Party party) {
            return new PartyDocument(party.id(), party.kind().name(), party.username().orElse(null),
                    party.phone().orElse(null), party.displayName().orElse(null), party.email().orElse(null),
                    party.preferredChannel().orElse(null), party.createdAt().getEpochSecond());
        }
    }

    public record AccountDocument(Long id, String partyId, String currency, String type, BigDecimal balance) {
        static AccountDocument of(Account account) {
            return new AccountDocument(account.id(), account.partyId(), account.currency().getCurrencyCode(),
                    account.kind().name(), account.balance().amount());
        }
    }

    public record KeyDocument(String keyId, String partyId, String token, String signingSecret) {
        static KeyDocument of(IssuedKey key) {
            return new KeyDocument(key.keyId(), key.partyId(), key.token(), key.signingSecret());
        }
    }
}
