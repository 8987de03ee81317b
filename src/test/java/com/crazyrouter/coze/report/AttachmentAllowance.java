package com.crazyrouter.coze.report;

import com.crazyrouter.coze.text.Amounts;
import com.crazyrouter.coze.text.ShownText;

/**
 * How much evidence a run puts into its report: each attachment's text cut at {@code perAttachment} bytes, and all
 * attachments together at most {@code perRun} bytes; once that is reached, every later attachment is replaced by a
 * one-line note. Without it a gateway that answers 20 MB per request filled reports/ with gigabytes. Thread-safe.
 */
final class AttachmentAllowance {
    static final long PER_ATTACHMENT = 64 * 1024;
    static final long PER_RUN = 20L * 1024 * 1024;

    private final long perAttachment;
    private final long perRun;
    private long used;
    private boolean exhausted;

    AttachmentAllowance(long perAttachment, long perRun) {
        this.perAttachment = perAttachment;
        this.perRun = perRun;
    }

    static AttachmentAllowance standard() {
        return new AttachmentAllowance(PER_ATTACHMENT, PER_RUN);
    }

    /** The text as an attachment shows it: escaped, and cut at the size of one attachment with a marker. */
    String shown(String text) {
        return ShownText.cut(text == null ? "" : text, perAttachment);
    }

    /** Whether an attachment of this many bytes still fits; once one does not, none does any more. */
    synchronized boolean admits(long bytes) {
        if (!exhausted && used + bytes <= perRun) {
            used += bytes;
            return true;
        }
        exhausted = true;
        return false;
    }

    /** What stands in for an attachment the run has no room for. */
    String note() {
        return "Not attached: this run's attachments reached " + Amounts.size(perRun) + ", the most the harness puts into a report; "
                + "what happened is still in the step above, the failure message and reports/summary.html.";
    }
}
