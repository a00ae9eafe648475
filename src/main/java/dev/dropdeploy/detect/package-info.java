/**
 * Stack detection: reads a workspace version and reports the stack, framework, runtime version, commands, port and
 * health path, each decision with the file and line that made it, a confidence and the runner-up candidates. Pure
 * functions over a source tree; no Docker, no database.
 */
package dev.dropdeploy.detect;
