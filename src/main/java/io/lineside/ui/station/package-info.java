/** L3 and L4 of the display hierarchy: a station faceplate and its raw tags. */
package io.lineside.ui.station;
