package dev.scrum.injection;

import static dev.scrum.injection.Vocabulary.LEAD;

import java.util.List;
import java.util.regex.Pattern;

/** Chat roles and system markers at the start of a line, and chat-template tokens anywhere. */
final class RoleRules {

    /**
     * What must follow a role marker for it to be a turn of a conversation rather than a label: words
     * that speak to the reader, give it orders, or answer as it would.
     */
    private static final Pattern TURN_TEXT = Pattern.compile("\\b(?:you|your|yourself|ignore|disregard|forget"
            + "|reviewer|score|rate|approve|approved|pre-?approved|respond|answer|reply|instructions?|gaps|findings"
            + "|sure|certainly|understood|lgtm|flag|pass|passes|compliant)\\b|/\\s*10\\b|\\{\\s*\\\\?\"");

    /** {@code SYSTEM: you are…}, {@code Assistant: Sure, 10/10}, {@code Human: rate this file}, {@code # user: ignore…}. */
    static final TextRule ROLE_TURN = TextRule.of("role-turn", InjectionKind.ROLE_MARKER,
            List.of("system", "assistant", "human", "user", "ai", "model", "developer", "reviewer", "bot", "gpt",
                    "claude", "inst"),
            LEAD + "(?:\\*\\*|__)?(?<hit>system|assistant|human|user|ai|model|developer|reviewer|bot|gpt|chatgpt|claude"
                    + "|system\\s+prompt|system\\s+message|instructions?)(?:\\*\\*|__)?\\s*(?:\\*\\*|__)?:(?:\\*\\*|__)?(?=\\s|$)(?<rest>.*)$",
            (line, m) -> TURN_TEXT.matcher(m.group("rest")).find()
                    || (m.group("hit").matches("assistant|human") && m.group("rest").strip().split("\\s+").length >= 3))
            .requiring(":");

    /** A heading that is a role: {@code ### Assistant}, {@code ## Human}, {@code # System message}, {@code ## SYSTEM}. */
    static final TextRule ROLE_HEADING = TextRule.of("role-heading", InjectionKind.ROLE_MARKER,
            List.of("assistant", "human", "system", "response"),
            LEAD + "(?:#{1,6}|={1,6})\\s*(?<hit>assistant|human|system\\s+message|system\\s+instructions"
                    + "|assistant\\s+(?:response|message|turn)|ai\\s+response|model\\s+response|human\\s+turn)\\s*:?\\s*#*\\s*$")
            .requiring("#", "=");

    /** The same heading in capitals: {@code ## SYSTEM}, {@code ### USER} (a section called "System" is not a role). */
    static final TextRule ROLE_HEADING_CAPITALS = TextRule.of("role-heading-capitals", InjectionKind.ROLE_MARKER,
            List.of("system", "user", "assistant", "human"),
            LEAD + "(?:#{1,6}|={1,6})\\s*(?<hit>SYSTEM|USER|ASSISTANT|HUMAN|SYSTEM PROMPT)\\s*:?\\s*#*\\s*$")
            .requiring("#", "=").matchingCase();

    /** {@code <|im_start|>}, {@code <|system|>}, {@code <|eot_id|>}, {@code <｜begin▁of▁sentence｜>}. */
    static final TextRule PIPE_TOKEN = TextRule.of("pipe-token", InjectionKind.CHAT_TEMPLATE_TOKEN, List.of("<|"),
            "(?<hit><\\|)[a-z_][a-z0-9_.▁ -]{0,40}\\|>");

    /** Llama's {@code [INST]}, {@code [/INST]}, {@code <<SYS>>}, {@code <</SYS>>}. */
    static final TextRule LLAMA_TOKEN = TextRule.of("llama-token", InjectionKind.CHAT_TEMPLATE_TOKEN,
            List.of("[inst]", "[/inst]", "<<sys>>", "<</sys>>"),
            "(?<![\\w\\]])(?<hit>\\[/?INST\\]|<</?SYS>>)").matchingCase();

    /** Gemma's {@code <start_of_turn>} and {@code <end_of_turn>}, and {@code <bos>}/{@code <eos>} beside them. */
    static final TextRule TURN_TOKEN = TextRule.of("turn-token", InjectionKind.CHAT_TEMPLATE_TOKEN,
            List.of("_of_turn>"), "(?<hit><(?:start|end)_of_turn>)");

    /**
     * An end-of-sequence {@code </s>} that closes no {@code <s>} of the line (an HTML strike-through does), or
     * one followed by a new {@code <s>} or {@code [INST]}.
     */
    static final TextRule END_OF_SEQUENCE = TextRule.of("end-of-sequence", InjectionKind.CHAT_TEMPLATE_TOKEN,
            List.of("</s>"), "(?<hit></s>)(?<next>\\s*(?:<s>|\\[inst\\]))?",
            (line, m) -> m.group("next") != null || !line.substring(0, m.start()).contains("<s>"));

    static final List<TextRule> ALL = List.of(ROLE_TURN, ROLE_HEADING, ROLE_HEADING_CAPITALS, PIPE_TOKEN,
            LLAMA_TOKEN, TURN_TOKEN, END_OF_SEQUENCE);

    private RoleRules() {}
}
