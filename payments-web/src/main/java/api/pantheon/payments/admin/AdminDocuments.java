package api.pantheon.payments.admin;

import api.pantheon.payments.audit.entity.AuditView;
import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.edge.idempotency.ShownOnce;
import api.pantheon.payments.ledger.entity.AccountView;
import api.pantheon.payments.operators.entity.OperatorView;
import api.pantheon.payments.parties.boundary.IssuedKey;
import api.pantheon.payments.parties.entity.KeyView;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.payments.entity.PaymentView;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the provisioning API shows of parties, accounts, keys and payments. */
public final class AdminDocuments {

    private AdminDocuments() {
    }

    public record PartyDocument(String id, String kind, String username, String phone, String displayName, String email,
                                String preferredChannel, long created) {
        static PartyDocument of(PartyView party) {
            return new PartyDocument(party.id(), party.kind().name(), party.username().orElse(null),
                    party.phone().orElse(null), party.displayName().orElse(null), party.email().orElse(null),
                    party.preferredChannel().orElse(null), party.createdAt().getEpochSecond());
        }
    }

    public record AccountDocument(Long id, String partyId, String currency, String type, BigDecimal balance) {
        static AccountDocument of(AccountView account) {
            return new AccountDocument(account.id(), account.partyId(), account.balance().currencyCode(),
                    account.kind().name(), account.balance().amount());
        }
    }

    @Schema(name = "AdminPayment")
    public record PaymentDocument(String id, String status, String requestId, Long payerAccountId, Long payeeAccountId,
                                  BigDecimal amount, String currency, String answer, String ledgerTransactionId,
                                  String created, String updated) {
        static PaymentDocument of(PaymentView payment) {
            return new PaymentDocument(payment.id(), payment.status().name(), payment.requestId().orElse(null),
                    payment.payerAccountId(), payment.payeeAccountId(), payment.amount().amount(),
                    payment.amount().currencyCode(), payment.answer().orElse(null),
                    payment.ledgerTransactionId().orElse(null), Rfc3339.format(payment.createdAt()),
                    Rfc3339.format(payment.updatedAt()));
        }
    }

    /** A key as it stands, without its secrets. */
    public record KeyStatus(String keyId, String partyId, String created, String revoked) {
        static KeyStatus of(KeyView key) {
            return new KeyStatus(key.keyId(), key.partyId(), Rfc3339.format(key.createdAt()),
                    key.revokedAt().map(Rfc3339::format).orElse(null));
        }
    }

    /** A new key with its secrets: the only answer that ever shows them. */
    public record KeyDocument(String keyId, String partyId, String token, String signingSecret) implements ShownOnce {
        static KeyDocument of(IssuedKey key) {
            return new KeyDocument(key.keyId(), key.partyId(), key.token(), key.signingSecret());
        }
    }

    /** An operator of the console, never a password or its hash. */
    public record OperatorDocument(String username, String role, String created, String lockedUntil) {
        static OperatorDocument of(OperatorView operator) {
            return new OperatorDocument(operator.username(), operator.role().name(), Rfc3339.format(operator.createdAt()),
                    operator.lockedUntil().map(Rfc3339::format).orElse(null));
        }
    }

    /** A line of the audit trail: who, when, from where, what, and why. */
    public record AuditLine(long id, String at, String actorKind, String actor, String address, String action,
                            String targetKind, String targetId, String reason, String outcome) {
        static AuditLine of(AuditView line) {
            return new AuditLine(line.id(), Rfc3339.format(line.occurredAt()), line.actor().kind().name(),
                    line.actor().name(), line.actor().address(), line.action(), line.targetKind(), line.targetId(),
                    line.reason().orElse(null), line.outcome().name());
        }
    }

    /** A page of the audit trail, newest first; {@code next} reads the page after it. */
    public record AuditPage(List<AuditLine> entries, String next) {
    }
}
