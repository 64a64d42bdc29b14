/** The floor plan: a workshop layout drawn with allow-listed symbols, fed once per pulse from the tag store. */
package io.lineside.ui.layout;
