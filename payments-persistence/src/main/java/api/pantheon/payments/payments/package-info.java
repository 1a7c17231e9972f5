/** Payments: attempts to move money for a request or between accounts, and their outcomes. */
package api.pantheon.payments.payments;
