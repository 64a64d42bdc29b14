/** The workstation's windows: views opened in windows of their own, their saved arrangement, theme, touch size and kiosk mode. */
package io.lineside.ui.window;
