/**
 * What the chat keeps in PostgreSQL: the model's token-window memory per project (requests and summaries only) with
 * the rolling project summary, and the full conversation the UI shows.
 */
package dev.dropdeploy.chat.memory;
