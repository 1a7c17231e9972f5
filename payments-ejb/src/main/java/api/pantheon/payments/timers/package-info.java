/**
 * Time in the core: the one injected clock every rule reads (UTC, so no rule reads the wall clock on
 * its own), and the guard that keeps a periodic job's runs from piling up.
 */
package api.pantheon.payments.timers;
