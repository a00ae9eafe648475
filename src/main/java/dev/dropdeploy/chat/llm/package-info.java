/** The OpenAI-compatible model: streaming calls, continuation of cut-off answers, token and cost accounting. */
package dev.dropdeploy.chat.llm;
