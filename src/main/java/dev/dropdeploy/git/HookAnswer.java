package dev.dropdeploy.git;

/** What the webhook endpoint answers: {@code accepted} when work was queued, else why nothing will happen. */
record HookAnswer(boolean accepted, String message) {}
