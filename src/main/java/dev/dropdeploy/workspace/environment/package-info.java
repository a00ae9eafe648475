/**
 * Environment variables and secrets of a project, encrypted at rest. A named interface of its own so that modules may
 * be barred from it: the chat module (whose context goes to a language model) is allowed only the workspace's base
 * package, so no chat code can reach the decrypted values.
 */
@NamedInterface("environment")
package dev.dropdeploy.workspace.environment;

import org.springframework.modulith.NamedInterface;
