/** The error catalogue shared by every module and dialect: stable codes, keys and HTTP statuses. */
package api.pantheon.payments.errors;
