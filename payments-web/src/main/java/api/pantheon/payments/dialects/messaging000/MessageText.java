package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.requests.entity.RequestView;

/** What a recipient reads, through any channel: who asks for how much, and where to pay before when. */
final class MessageText {

    private MessageText() {
    }

    static String of(RequestView request, PartyView requester, String payLink) {
        String who = requester.displayName().or(requester::username).orElse("Someone");
        return who + " requests " + request.amount() + request.description().map(d -> " for " + d).orElse("")
                + ". Pay before " + request.expiresAt() + ": " + payLink;
    }
}
