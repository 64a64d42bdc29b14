/** The station model every view reads: each station's signals with labels, units, ranges, kinds, roles and limits. */
package io.lineside.stations;
