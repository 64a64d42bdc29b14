/** Workshop layouts as data: the model, and a strict loader that admits only allow-listed symbol kinds. */
package io.lineside.layout;
