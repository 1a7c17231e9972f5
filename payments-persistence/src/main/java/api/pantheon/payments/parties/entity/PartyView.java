package api.pantheon.payments.parties.entity;

import java.time.Instant;
import java.util.Optional;

/** A party as read: who it is and how it is reached. */
public record PartyView(String id, PartyKind kind, Optional<String> username, Optional<String> phone,
                        Optional<String> displayName, Optional<String> email, Optional<String> preferredChannel,
                        Instant createdAt) {

    public static PartyView of(Party party) {
        return new PartyView(party.id(), party.kind(), party.username(), party.phone(), party.displayName(),
                party.email(), party.preferredChannel(), party.createdAt());
    }
}
