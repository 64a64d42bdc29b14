/** JavaFX views: thin FXML controllers, view-models and widgets, one folder per feature. */
package io.lineside.ui;
