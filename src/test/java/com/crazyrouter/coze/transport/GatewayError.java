package com.crazyrouter.coze.transport;

/** The error envelope an OpenAI-compatible gateway answers with: {"error":{"message","type","code"}}. */
public record GatewayError(String message, String type, String code) {

    public boolean mentions(String regex) {
        return message != null && java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(message).find();
    }
}
