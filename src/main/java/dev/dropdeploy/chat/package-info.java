/**
 * Chat-driven building: the Vaadin chat view, the LangChain4j model and its persisted memory, the tagged-text edit
 * protocol (whole files, SEARCH/REPLACE, deletions) and the bounded auto-fix loop. It turns a conversation turn into a
 * workspace version and hands that to the deploy pipeline; it never talks to Docker itself.
 */
package dev.dropdeploy.chat;
