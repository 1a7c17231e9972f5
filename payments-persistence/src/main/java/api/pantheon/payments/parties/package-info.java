/** Parties (merchants, persons, operators) and their API credentials. */
package api.pantheon.payments.parties;
