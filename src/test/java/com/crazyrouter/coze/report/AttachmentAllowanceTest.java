package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** A run's evidence is bounded: each attachment cut, all of them together capped, then a note instead. */
class AttachmentAllowanceTest {
    private final AttachmentAllowance allowance = new AttachmentAllowance(10, 100);

    @Test
    void eachAttachmentIsCutAtItsSize() {
        assertThat(allowance.shown("x".repeat(50)), is("x".repeat(10) + "\n… cut: 50 bytes in all, first 10 shown"));
    }

    @Test
    void onceTheRunsAttachmentsReachTheCapNoneIsAdmittedAnyMore() {
        assertThat(allowance.admits(60), is(true));
        assertThat(allowance.admits(30), is(true));
        assertThat(allowance.admits(20), is(false));
        assertThat(allowance.admits(5), is(false));
    }

    @Test
    void theNoteSaysWhyAndWhereToLookInstead() {
        assertThat(new AttachmentAllowance(64 * 1024, 20L * 1024 * 1024).note(),
                containsString("this run's attachments reached 20 MB, the most the harness puts into a report"));
    }
}
