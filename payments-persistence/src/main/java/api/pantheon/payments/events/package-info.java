/** Events of payment requests and their delivery to clients' callback URLs, with nothing lost. */
package api.pantheon.payments.events;
