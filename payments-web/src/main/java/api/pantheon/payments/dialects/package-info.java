/**
 * The four API dialects of one domain, each in a package of its own with its resources, its request
 * and response records, its status words and the deliveries it writes and signs: {@code requests001}
 * (payment requests by username or phone, signed notify_url callbacks, events), {@code accounts002}
 * (account-to-account requests and transfers), {@code messaging000} (requests sent through messaging
 * channels, startAvailablePayment) and {@code makepayment003} (asynchronous make payment). What they
 * share lives here: the HMAC every signature is made of, and RFC 3339 times.
 */
package api.pantheon.payments.dialects;
