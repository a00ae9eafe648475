package dev.dropdeploy.chat.protocol;

import java.util.List;

/**
 * A parsed answer.
 *
 * @param text what the model said outside tags (the plan and remarks), for the chat
 * @param blocks closed tags in the order they came
 * @param unclosed the tag that was still open when the answer ended, or {@code null}
 */
public record Answer(String text, List<Block> blocks, String unclosed) {

    public boolean complete() {
        return unclosed == null;
    }

    public String summary() {
        return blocks.stream()
                .filter(Block.Summary.class::isInstance)
                .map(b -> ((Block.Summary) b).text())
                .reduce((a, b) -> b)
                .orElse("");
    }

    public boolean changesFiles() {
        return blocks.stream()
                .anyMatch(b ->
                        b instanceof Block.FileWrite || b instanceof Block.FileEdit || b instanceof Block.FileDelete);
    }

    /** The kinds of data the model asked to attach, each once, in the order asked. */
    public List<String> attachments() {
        return blocks.stream()
                .filter(Block.Attach.class::isInstance)
                .map(b -> ((Block.Attach) b).kind())
                .distinct()
                .toList();
    }

    public static Answer parse(String whole) {
        AnswerParser parser = new AnswerParser();
        parser.feed(whole);
        return parser.finish();
    }
}
