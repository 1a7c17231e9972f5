package api.pantheon.payments.console;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.entity.AttemptView;
import api.pantheon.payments.events.entity.DeliveryView;
import api.pantheon.payments.events.entity.EventView;
import api.pantheon.payments.payments.entity.PaymentKind;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.requests.boundary.RequestSearch;
import api.pantheon.payments.requests.entity.RequestStatus;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One request and its whole story in one timeline, in time order: its events, the payments and the
 * business system's answers, the ledger postings, and every callback attempt.
 */
@Named
@RequestScoped
public class RequestDetailPage {

    /** One line of the timeline. */
    public record Entry(Instant at, String kind, String title, String detail) {
    }

    @Inject
    RequestSearch search;

    @Inject
    BackOffice backOffice;

    @Inject
    Events events;

    @Inject
    HttpServletRequest request;

    private RequestView view;
    private List<Entry> timeline = List.of();
    private List<PaymentView> payments = List.of();
    private List<DeliveryView> deliveries = List.of();

    @PostConstruct
    void load() {
        String id = new Params(request).text("id");
        view = id == null ? null : search.find(id).orElse(null);
        if (view == null) {
            return;
        }
        payments = backOffice.paymentsOf(view.id());
        deliveries = events.allDeliveriesOf(view.id());
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(view.createdAt(), "created", "Created", view.amount().amount().toPlainString() + " "
                + view.amount().currencyCode() + view.description().map(d -> ", " + d).orElse("")));
        for (EventView event : events.eventsOf(view.id())) {
            entries.add(new Entry(event.occurredAt(), "event", "Event " + event.type(), event.refundAmount()
                    .map(amount -> "refunded " + amount.stripTrailingZeros().toPlainString()).orElse("status " + event.status())));
        }
        for (PaymentView payment : payments) {
            String what = payment.kind() == PaymentKind.REFUND ? "Refund " : "Payment ";
            entries.add(new Entry(payment.createdAt(), payment.kind() == PaymentKind.REFUND ? "refund" : "payment",
                    what + payment.status(), payment.amount().amount().toPlainString() + " from account "
                    + payment.payerAccountId() + " to " + payment.payeeAccountId()
                    + payment.answer().map(answer -> "; business system answered " + answer).orElse("")
                    + payment.reason().map(reason -> "; reason: " + reason).orElse("")));
        }
        for (BackOffice.StatementLine posting : backOffice.postingsOf(view.id())) {
            entries.add(new Entry(posting.at(), "posting", "Posting " + posting.kind(),
                    posting.amount().toPlainString() + " " + posting.currency() + " on " + posting.reference()));
        }
        for (DeliveryView delivery : deliveries) {
            entries.add(new Entry(delivery.createdAt(), "callback", "Callback owed to " + delivery.host().orElse("a channel"),
                    delivery.state() + " after " + delivery.attempts() + " attempt(s)"));
        }
        for (AttemptView attempt : events.allAttemptsOf(view.id())) {
            entries.add(new Entry(attempt.attemptedAt(), "attempt", attempt.succeeded() ? "Callback delivered" : "Callback failed",
                    attempt.httpStatus().map(status -> "HTTP " + status).orElse(attempt.error().orElse("no answer"))
                            + " in " + attempt.durationMillis() + " ms" + attempt.url().map(url -> " to " + url).orElse("")));
        }
        entries.sort(Comparator.comparing(Entry::at));
        timeline = entries;
    }

    public RequestView getRequest() {
        return view;
    }

    public List<Entry> getTimeline() {
        return timeline;
    }

    public List<PaymentView> getPayments() {
        return payments;
    }

    public List<DeliveryView> getDeliveries() {
        return deliveries;
    }

    public boolean isPending() {
        return view != null && view.status() == RequestStatus.PENDING;
    }

    public boolean isRefundable() {
        return view != null && view.status() == RequestStatus.PAID
                && view.refundedAmount().amount().compareTo(view.amount().amount()) < 0;
    }

    public String getRefundable() {
        return view == null ? "" : view.amount().amount().subtract(view.refundedAmount().amount()).toPlainString();
    }

    public List<PaymentView> getUnknownPayments() {
        return payments.stream().filter(p -> p.status() == PaymentStatus.UNKNOWN).toList();
    }
}
