package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** What a gateway's release does where new-api's releases differ harmlessly: one section of the summary, one line each. */
class RunLedgerTest {

    @Test
    void releaseFactsBecomeOneSectionWithALineEach() {
        RunLedger ledger = new RunLedger();
        assertThat(ledger.notes(), not(hasKey(RunLedger.RELEASE_FACTS)));

        ledger.releaseFact("Authorization typed as `bearer {token}`", "accepted (a chat reply): new-api's newer TokenAuth");
        ledger.releaseFact("Authorization typed as `Bearer  {token}`", "accepted (a chat reply): new-api's newer TokenAuth");
        ledger.note("Model-list drift", "no change");

        String section = ledger.notes().get(RunLedger.RELEASE_FACTS);
        assertThat(section, containsString("\n- Authorization typed as `bearer {token}`: accepted (a chat reply): new-api's newer TokenAuth"));
        assertThat(section, containsString("\n- Authorization typed as `Bearer  {token}`: accepted"));
        assertThat(ledger.notes(), hasKey("Model-list drift"));
        assertThat(ledger.snapshot().notes().get(RunLedger.RELEASE_FACTS), containsString("bearer {token}"));
    }
}
