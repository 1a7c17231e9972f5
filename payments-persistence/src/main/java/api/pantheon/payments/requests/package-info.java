/** Payment requests: the aggregate that every API dialect creates, reads and pays. */
package api.pantheon.payments.requests;
