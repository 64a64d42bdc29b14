/** ISA-18.2 alarms, toolkit-free: definitions and their loader, conditions, the state machine, the engine, the journal port and KPIs. */
package io.lineside.alarms;
