package com.crazyrouter.coze.route;

import java.util.Arrays;

/** Real things bot users type, named the way a scenario table says them. */
public enum UserInput {
    PLAIN("plain text", "Summarise our refund policy in one sentence"), DOUBLE_QUOTES("text with double quotes",
            "Reply with the word \"OK\" in quotes"), LINE_BREAK("text with a line break", "First line\nSecond line"), TAB("text with a tab",
                    "name\tprice"), BACKSLASHES("a Windows path with backslashes", "Save it to C:\\Users\\coze\\notes.txt"), CHINESE("Chinese text",
                            "请只回复 OK"), EMOJI("emoji", "Reply only OK 👍🚀"), FEW_KB("3 KB of text",
                                    repeat("Our store ships within two business days; returns are free for thirty days. ", 3 * 1024)), OVERSIZED(
                                            "an input longer than the model's context (over 1 MB)",
                                            repeat("This paragraph is pasted again and again by a runaway workflow loop. ", 1100 * 1024));

    private final String words;
    private final String text;

    UserInput(String words, String text) {
        this.words = words;
        this.text = text;
    }

    public String words() {
        return words;
    }

    public String text() {
        return text;
    }

    public static UserInput fromWords(String words) {
        return Arrays.stream(values()).filter(i -> i.words.equalsIgnoreCase(words.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + words + "' is not a known kind of user input"));
    }

    private static String repeat(String sentence, int atLeastBytes) {
        return sentence.repeat(atLeastBytes / sentence.length() + 1);
    }
}
