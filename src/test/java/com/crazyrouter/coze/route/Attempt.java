package com.crazyrouter.coze.route;

import com.crazyrouter.coze.transport.GatewayReply;
import java.util.Optional;

/**
 * One try by Coze to reach Crazyrouter: either it sent the request and got a reply, or it failed before sending;
 * either way, what the Coze builder sees ({@code cozeShows}, in the route's own words).
 */
public record Attempt(String route, String model, Optional<GatewayReply> reply, Optional<String> refusal, boolean cozeFails, String cozeShows) {

    public static Attempt sent(String route, String model, GatewayReply reply, boolean cozeFails, String cozeShows) {
        return new Attempt(route, model, Optional.of(reply), Optional.empty(), cozeFails, cozeShows);
    }

    public static Attempt refused(String route, String model, String why) {
        return new Attempt(route, model, Optional.empty(), Optional.of(why), true, "Coze shows the failure: " + why + " (nothing was sent)");
    }

    public String describe() {
        // scheme, host and path only: a query string may carry a key
        String target = reply.map(r -> r.request().method() + " " + r.request().url().getScheme() + "://" + r.request().url().getRawAuthority()
                + r.request().url().getRawPath()).orElse("(not sent)");
        return "the " + route + " asking " + model + " via " + target;
    }
}
