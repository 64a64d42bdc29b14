/** Operator commands to the line: which signals are writable, the checks before a write, and its read-back. */
package io.lineside.commands;
