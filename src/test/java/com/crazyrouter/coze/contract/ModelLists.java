package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The model list (GET /v1/models, no tokens spent) of each of the run's tokens, read once per run and only when a
 * diagnosis first needs it — a chat request refused for its model — so a run that goes well sends nothing more.
 */
public final class ModelLists {
    private final Function<TokenKind, Optional<List<String>>> fetch;
    private final Map<TokenKind, Optional<List<String>>> read = new ConcurrentHashMap<>();

    /** {@code fetch}: the ids the gateway lists for a kind of token, empty when the run lacks that token or no list came. */
    public ModelLists(Function<TokenKind, Optional<List<String>>> fetch) {
        this.fetch = fetch;
    }

    /** Lists read from the gateway with the run's tokens. */
    public static ModelLists from(CrazyrouterClient client, Function<TokenKind, Optional<Secret>> tokens, java.util.function.Supplier<GatewayUrl> gateway) {
        return new ModelLists(kind -> tokens.apply(kind).flatMap(token -> fetch(client, gateway.get(), token)));
    }

    /** The evidence for a model refused to a {@code refused} token: its own list, and the list of a token without an allowlist. */
    public ListedModels evidenceFor(TokenKind refused) {
        return new ListedModels(listOf(refused), listOf(TokenKind.UNRESTRICTED));
    }

    private Optional<List<String>> listOf(TokenKind kind) {
        return read.computeIfAbsent(kind, fetch);
    }

    /** The ids of a model list new-api's way; empty for any other answer (then the verdict says it rests on the status alone). */
    static Optional<List<String>> fetch(CrazyrouterClient client, GatewayUrl gateway, Secret token) {
        OutgoingRequest request = Preflight.modelListRequest(gateway, token, "model list for a diagnosis");
        GatewayReply reply;
        try {
            reply = client.send(request);
        } catch (GatewayUnreachable noList) {
            return Optional.empty();
        }
        if (reply.status() != 200 || Preflight.modelCount(reply).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ModelList.from(reply).ids());
    }

    /** A list already read (the live preflight's, for the dedicated token), so it is not asked for again. */
    public void seed(TokenKind kind, List<String> ids) {
        read.putIfAbsent(kind, Optional.of(List.copyOf(ids)));
    }
}
