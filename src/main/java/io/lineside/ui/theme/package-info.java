/** The look: light and night themes, touch size, and the WCAG contrast rules the theme's colours must meet. */
package io.lineside.ui.theme;
