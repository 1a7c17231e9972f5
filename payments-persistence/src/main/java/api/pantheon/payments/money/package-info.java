/** Money as an exact amount at its currency's minor units; never floating point, never rounded silently. */
package api.pantheon.payments.money;
