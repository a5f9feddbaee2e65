package org.latentexplorer.ui.shell;

import javafx.scene.input.KeyCombination;

/**
 * One key of the window's menus: the keys, what they do and the menu that holds them. {@link AppMenus}
 * records one each time it installs an accelerator, and Help → Keyboard shortcuts lists those records,
 * so the list shows exactly the keys the menus answer.
 *
 * @param keys   the accelerator ({@code Shortcut} is Ctrl, or Cmd on macOS)
 * @param action what it does, as the help lists it
 * @param menu   the menu that holds it
 */
public record Shortcut(KeyCombination keys, String action, String menu) {
    /** The keys as this platform writes them ("Ctrl+O", "⌘O"). */
    public String keysText() {
        return keys.getDisplayText();
    }
}
