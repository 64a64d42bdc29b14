/** The shift review: a shift's OEE, stops, Pareto, output trend and alarms from history, and its exports. */
package io.lineside.ui.shifts;
