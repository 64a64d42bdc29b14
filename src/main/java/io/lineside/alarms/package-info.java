/** ISA-18.2 alarms, toolkit-free: definitions and their loader, conditions, the state machine, the engine, the journal port and KPIs, and the runtime around them (the evaluator thread, the secured operator commands). */
package io.lineside.alarms;
