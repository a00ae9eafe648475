/**
 * The edit protocol: the tagged text the model answers in (whole files, SEARCH/REPLACE edits, deletions, a summary),
 * its tolerant streaming parser, and the checks and matching that turn an answer into new file contents or into a
 * precise re-ask. Nothing here touches disk, the model or the deploy pipeline.
 */
package dev.dropdeploy.chat.protocol;
