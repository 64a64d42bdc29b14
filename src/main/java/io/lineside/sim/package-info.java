/** The demo line simulator: a plausible workshop whose stations run, idle, block, starve and fault. */
package io.lineside.sim;
