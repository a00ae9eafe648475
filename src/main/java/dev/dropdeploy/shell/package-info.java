/**
 * The application shell: the Vaadin layout, navigation and the pages that only read other modules' public APIs (the
 * project list, the settings overview). It owns no state.
 */
package dev.dropdeploy.shell;
