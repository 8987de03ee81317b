package com.crazyrouter.coze.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Crazyrouter's model list (GET /v1/models) says, as evidence for a refused model: the list for the token that
 * was refused, and the list for a token without an allowlist when the run has one. new-api lists an allowlisted token's
 * allowed models only (docs/GATEWAY.md §8), so "not in the token's list" alone cannot tell a misspelled model from one
 * the token leaves out; the second list can.
 *
 * @param forToken the ids listed for the token that was refused; empty when the list could not be read
 * @param forEveryModel the ids listed for a token without an allowlist; empty when the run has no such token or its list could not be read
 */
public record ListedModels(Optional<List<String>> forToken, Optional<List<String>> forEveryModel) {
    public static final ListedModels UNKNOWN = new ListedModels(Optional.empty(), Optional.empty());

    public ListedModels {
        forToken = forToken.map(List::copyOf);
        forEveryModel = forEveryModel.map(List::copyOf);
    }

    /** Every id either list holds, the complete list first: where a closest id is looked for. */
    public Set<String> all() {
        Set<String> all = new LinkedHashSet<>(forEveryModel.orElse(List.of()));
        all.addAll(forToken.orElse(List.of()));
        return all;
    }
}
