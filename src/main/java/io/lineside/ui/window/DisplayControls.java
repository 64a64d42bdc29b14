package io.lineside.ui.window;

import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The header's display controls: one button that switches to the other language, always labelled in that language
 * ("中文" on an English screen, "EN" on a Chinese one, so a reader of either finds it), and a "Display" menu with
 * the night theme, touch size and "open in new window". They are rare choices of a workstation, so they share one
 * button and leave the header's width to the session and the connection. Built in the current language each time
 * the header is (a language switch rebuilds it). FX thread only.
 */
public final class DisplayControls {

    private DisplayControls() {
    }

    /** The controls for {@code windows}; each check item shows the current choice. */
    public static HBox build(WindowManager windows, Texts texts) {
        boolean chinese = texts.language().equals("zh-CN");
        String other = chinese ? "en" : "zh-CN";
        Button language = new Button(texts.get(chinese ? "display.lang.en" : "display.lang.zh"));
        language.setId("lang-" + other);
        language.setTooltip(new Tooltip(texts.get("display.lang.tooltip")));
        // Deferred: the switch replaces the scene root this button sits in.
        language.setOnAction(e -> javafx.application.Platform.runLater(() -> windows.switchLanguage(other)));

        CheckMenuItem night = new CheckMenuItem(texts.get("display.night"));
        night.setId("nightItem");
        night.setSelected(windows.prefs().theme() == Theme.DARK);
        night.setOnAction(e -> windows.setTheme(night.isSelected() ? Theme.DARK : Theme.LIGHT));

        CheckMenuItem touch = new CheckMenuItem(texts.get("display.touch"));
        touch.setId("touchItem");
        touch.setSelected(windows.prefs().touch());
        touch.setOnAction(e -> windows.setTouch(touch.isSelected()));

        Menu open = new Menu(texts.get("display.openWindow"));
        open.setId("openWindowMenu");
        for (ViewRegistry.View view : windows.registry().all()) {
            MenuItem item = new MenuItem(texts.get(view.titleKey()));
            item.setId("open-" + view.id());
            item.setOnAction(e -> windows.open(view.id()));
            open.getItems().add(item);
        }
        MenuButton display = new MenuButton(texts.get("display.menu"), null, night, touch,
                new SeparatorMenuItem(), open);
        display.setId("displayMenu");
        HBox box = new HBox(language, display);
        box.getStyleClass().add("display-controls");
        return box;
    }
}
