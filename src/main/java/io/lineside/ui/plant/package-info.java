/** L1 of the display hierarchy: the plant overview, one summary tile per line. */
package io.lineside.ui.plant;
