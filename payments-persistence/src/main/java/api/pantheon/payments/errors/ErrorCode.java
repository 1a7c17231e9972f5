package api.pantheon.payments.errors;

/**
 * The one error catalogue. Codes and keys are a public contract: clients branch on them, so an
 * entry is never renumbered or renamed. The 1xx-5xx ranges and the first entries of each come from
 * the payment requests dialect (seed 001); the others extend those ranges for what it left out.
 */
public enum ErrorCode {
    MERCHANT_NOT_FOUND(100, "merchant_not_found", 401, "Missing or invalid API credentials"),
    OPERATOR_ONLY(101, "operator_only", 401, "Missing or invalid operator credentials"),

    RECIPIENT_NOT_FOUND(200, "recipient_not_found", 422, "Recipient not found"),
    MERCHANT_CANNOT_BE_RECIPIENT(201, "merchant_cannot_be_recipient", 422, "Merchant cannot be the recipient"),
    PARTY_EXISTS(202, "party_exists", 409, "A party with this username or phone already exists"),
    PARTY_NOT_FOUND(203, "party_not_found", 404, "Party not found"),
    ACCOUNT_NOT_FOUND(204, "account_not_found", 404, "Account not found"),
    OPERATOR_EXISTS(205, "operator_exists", 409, "An operator with this username already exists"),

    PAYMENT_NOT_FOUND(300, "payment_not_found", 404, "Payment request not found"),
    PAYMENT_EXCEEDS_LIMITS(301, "payment_exceeds_limits", 422, "Amount exceeds the limit"),
    INSUFFICIENT_FUNDS(302, "insufficient_funds", 422, "Insufficient funds"),
    PAYMENT_NOT_PENDING(303, "payment_not_pending", 409, "Payment request is no longer pending"),
    PAYMENT_EXPIRED(304, "payment_expired", 409, "Payment request has expired"),
    CURRENCY_MISMATCH(305, "currency_mismatch", 422, "Currencies do not match"),
    PAYMENT_IN_PROGRESS(307, "payment_in_progress", 409, "A payment of this request is already under way"),
    BUSINESS_SYSTEM_UNAVAILABLE(308, "business_system_unavailable", 502, "The business system could not be reached"),
    STATE_CONFLICT(309, "state_conflict", 409, "This is not possible in the state it is in"),
    REQUEST_NOT_PAID(310, "request_not_paid", 409, "Only a paid request can be refunded"),
    REFUND_EXCEEDS_PAYMENT(311, "refund_exceeds_payment", 422, "The refund is more than is left to refund"),
    REASON_REQUIRED(312, "reason_required", 400, "Say why: this action needs a reason"),
    ROLE_NOT_ALLOWED(313, "role_not_allowed", 403, "Your role does not allow this"),
    ACTION_NOT_ALLOWED(306, "action_not_allowed", 403,
            "Only the recipient may pay or reject a payment request, and only its requester may cancel it"),

    INVALID_DATA(400, "invalid_data", 400, "Invalid data"),
    NOT_FOUND(404, "not_found", 404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", 405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not_acceptable", 406, "Only application/json is produced"),
    REQUEST_TIMEOUT(408, "request_timeout", 408, "The request body did not arrive in time"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", 415, "Send application/json"),
    TOO_MANY_REQUESTS(429, "too_many_requests", 429, "Too many requests under way; retry later"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency_key_reused", 422,
            "This Idempotency-Key was used with a different request"),
    IDEMPOTENCY_IN_FLIGHT(409, "idempotency_in_flight", 409,
            "A request with this Idempotency-Key is still being processed"),
    ANSWER_NOT_REPLAYABLE(410, "answer_not_replayable", 409,
            "This Idempotency-Key's call ran, but its answer held a secret that is shown only once"),

    SYSTEM_ERROR(500, "system_error", 500, "System error"),
    SERVICE_UNAVAILABLE(503, "service_unavailable", 503, "Service unavailable, try again later");

    private final int code;
    private final String key;
    private final int httpStatus;
    private final String message;

    ErrorCode(int code, String key, int httpStatus, String message) {
        this.code = code;
        this.key = key;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String key() {
        return key;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }

    public PaymentsException exception() {
        return new PaymentsException(this, message);
    }

    public PaymentsException exception(String detail) {
        return new PaymentsException(this, detail);
    }
}
