/** The one way view-models run background work: busy, superseding slots and the real error on the FX executor. */
package io.lineside.ui.task;
