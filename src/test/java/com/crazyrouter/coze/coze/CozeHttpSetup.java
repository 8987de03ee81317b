package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.gateway.GatewayUrl;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Coze builder types into the plugin or HTTP node: method, URL, headers, body template. Starts as the
 * guide's recommended setup; a scenario changes one field to reproduce a mistake.
 */
public record CozeHttpSetup(String method, String url, Optional<String> authorization, Optional<String> contentType, String bodyTemplate) {

    /** The guide's full URL. */
    public static final String GUIDE_URL = Settings.PUBLIC_BASE_URL + "/v1/chat/completions";
    /** The guide's smallest request body, with the model and the user's input as placeholders. */
    public static final String GUIDE_BODY = "{\"model\":\"{{model}}\",\"messages\":[{\"role\":\"user\",\"content\":\"{{input}}\"}]}";

    public static CozeHttpSetup guide(String token) {
        return new CozeHttpSetup("POST", GUIDE_URL, Optional.of("Bearer " + token), Optional.of("application/json"), GUIDE_BODY);
    }

    public CozeHttpSetup withBody(String newBodyTemplate) {
        return new CozeHttpSetup(method, url, authorization, contentType, newBodyTemplate);
    }

    public CozeHttpSetup withUrl(String newUrl) {
        return new CozeHttpSetup(method, newUrl, authorization, contentType, bodyTemplate);
    }

    public CozeHttpSetup withAuthorization(Optional<String> value) {
        return new CozeHttpSetup(method, url, value, contentType, bodyTemplate);
    }

    public CozeHttpSetup withContentType(Optional<String> value) {
        return new CozeHttpSetup(method, url, authorization, value, bodyTemplate);
    }

    /**
     * The request as Coze would send it. The URL is written as the guide writes it (https://crazyrouter.com/...);
     * {@code gateway} is where this run sends it, so the same scenario reaches a stub or production.
     */
    public OutgoingRequest render(GatewayUrl gateway, String model, String input, InputPlacement placement) {
        String body = bodyTemplate.replace("{{model}}", model).replace("{{input}}", placement.place(input));
        List<OutgoingRequest.Header> headers = new ArrayList<>();
        authorization.ifPresent(value -> headers.add(new OutgoingRequest.Header("Authorization", value)));
        contentType.ifPresent(value -> headers.add(new OutgoingRequest.Header("Content-Type", value)));
        headers.forEach(CozeHttpSetup::refuseInvalidHeaderValue);
        return new OutgoingRequest(method, rebase(url, gateway), headers, body);
    }

    static URI rebase(String typed, GatewayUrl gateway) {
        String publicBase = Settings.PUBLIC_BASE_URL.toString();
        if (!typed.startsWith(publicBase)) {
            throw new IllegalArgumentException("A scenario URL must start with " + publicBase + " (the harness points it at the run's target): " + typed);
        }
        return gateway.resolve(typed.substring(publicBase.length()));
    }

    /** Go's net/http (Coze's HTTP client) refuses a header value with a control character such as a pasted line break. */
    private static void refuseInvalidHeaderValue(OutgoingRequest.Header header) {
        boolean invalid = header.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
        if (invalid) {
            throw new CozeRefusedToSend("net/http: invalid header field value for \"" + header.name()
                    + "\" (it contains a line break or another control character, e.g. from copy-paste)");
        }
    }
}
