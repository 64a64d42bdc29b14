package io.lineside.ui.window;

import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The header's display controls: language (EN / 中文), night theme, touch size and "open in new window". Built in
 * the current language each time the header is (a language switch rebuilds it). FX thread only.
 */
public final class DisplayControls {

    private DisplayControls() {
    }

    /** The controls for {@code windows}; each toggle shows the current choice. */
    public static HBox build(WindowManager windows, Texts texts) {
        ToggleGroup language = new ToggleGroup();
        ToggleButton en = languageButton("en", texts.get("display.lang.en"), language, windows, texts);
        ToggleButton zh = languageButton("zh-CN", texts.get("display.lang.zh"), language, windows, texts);

        ToggleButton night = new ToggleButton(texts.get("display.night"));
        night.setId("nightButton");
        night.setSelected(windows.prefs().theme() == Theme.DARK);
        night.setOnAction(e -> windows.setTheme(night.isSelected() ? Theme.DARK : Theme.LIGHT));

        ToggleButton touch = new ToggleButton(texts.get("display.touch"));
        touch.setId("touchButton");
        touch.setSelected(windows.prefs().touch());
        touch.setOnAction(e -> windows.setTouch(touch.isSelected()));

        MenuButton open = new MenuButton(texts.get("display.openWindow"));
        open.setId("openWindowButton");
        for (ViewRegistry.View view : windows.registry().all()) {
            MenuItem item = new MenuItem(texts.get(view.titleKey()));
            item.setId("open-" + view.id());
            item.setOnAction(e -> windows.open(view.id()));
            open.getItems().add(item);
        }
        HBox box = new HBox(en, zh, night, touch, open);
        box.getStyleClass().add("display-controls");
        return box;
    }

    private static ToggleButton languageButton(String tag, String label, ToggleGroup group, WindowManager windows,
                                               Texts texts) {
        ToggleButton button = new ToggleButton(label);
        button.setId("lang-" + tag);
        button.setToggleGroup(group);
        button.setSelected(current(texts, tag));
        // Deferred: the switch replaces the scene root this button sits in.
        button.setOnAction(e -> {
            button.setSelected(true);
            if (!current(texts, tag)) {
                javafx.application.Platform.runLater(() -> windows.switchLanguage(tag));
            }
        });
        return button;
    }

    /** English is the base bundle: anything but zh-CN reads as English. */
    private static boolean current(Texts texts, String tag) {
        return tag.equals("zh-CN") == texts.language().equals("zh-CN");
    }
}
