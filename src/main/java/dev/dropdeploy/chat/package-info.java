/**
 * Chat-driven building: the Vaadin chat view, the LangChain4j model and its persisted memory, the tagged-text edit
 * protocol (whole files, SEARCH/REPLACE, deletions) and the bounded auto-fix loop. It turns a conversation turn into a
 * workspace version and hands that to the deploy pipeline; it never talks to Docker itself. It may use only the base
 * packages of the modules it names, which keeps environment values (the workspace's {@code environment} interface,
 * decrypted for containers) out of its reach and so out of every prompt.
 */
@ApplicationModule(allowedDependencies = {"workspace", "deploy", "routing", "account", "data"})
package dev.dropdeploy.chat;

import org.springframework.modulith.ApplicationModule;
