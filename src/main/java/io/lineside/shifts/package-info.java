/** Shift calendar, OEE and downtime from history, and the shift report: toolkit-free, tested without JavaFX. */
package io.lineside.shifts;
