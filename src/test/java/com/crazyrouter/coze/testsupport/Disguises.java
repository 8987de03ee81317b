package com.crazyrouter.coze.testsupport;

import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** A text written in a disguise a reader decodes back to it (\\u-escapes, HTML references, percent-encoding): for the leak tests. */
public final class Disguises {
    private Disguises() {
    }

    /** Every character written as {@code encoded} writes it. */
    public static String each(String text, IntFunction<String> encoded) {
        return text.chars().mapToObj(encoded).collect(Collectors.joining());
    }

    /** Every other character written as {@code encoded} writes it, the rest as they are. */
    public static String everyOther(String text, IntFunction<String> encoded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(i % 2 == 0 ? encoded.apply(text.charAt(i)) : String.valueOf(text.charAt(i)));
        }
        return out.toString();
    }
}
