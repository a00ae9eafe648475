/**
 * A chat turn end to end: context for the model, the answer applied atomically as one version, the deployment
 * followed step by step, bounded automatic fixes, and undo / "go back to version N".
 */
package dev.dropdeploy.chat.turn;
