package com.crazyrouter.coze.contract;

import java.util.Optional;

/** What the gateway of this run received, where the harness can see it: the embedded stub's request log. */
@FunctionalInterface
public interface RequestJournal {

    /** How many requests carrying this scenario's mark arrived; empty where the gateway's log cannot be read (live). */
    Optional<Integer> requestsMarked(String mark);

    RequestJournal NOT_OBSERVABLE = mark -> Optional.empty();
}
