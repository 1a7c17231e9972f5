/**
 * The server instances sharing one database: each run registers itself and keeps a heartbeat, so
 * that what a dead instance had claimed is taken up again by the living.
 */
package api.pantheon.payments.instances;
