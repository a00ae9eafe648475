/**
 * The MCP server (Model Context Protocol, streamable HTTP at {@code /mcp}): an AI assistant a person already uses
 * deploys what it wrote, chats with a project, reads logs and status and rolls back, signed in with the person's API
 * key like {@code /api/v1}. Every tool goes through the public entry points of the modules it names and answers a
 * refusal as a tool error in plain words.
 */
@ApplicationModule(allowedDependencies = {"account", "workspace", "deploy", "chat"})
package dev.dropdeploy.mcp;

import org.springframework.modulith.ApplicationModule;
