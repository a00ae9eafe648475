package dev.dropdeploy.chat.llm;

/** One streamed model answer: its text and whether the output limit cut it off. */
public record Reply(String text, boolean truncated) {}
