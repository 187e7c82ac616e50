package io.switchboard.campaigns.outcome;

import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.campaign.CampaignCounters.Counter;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallFlagsV1;

/** What one attempt came to, as far as the queue cares (docs/campaigns.md "Outcomes and retries"). */
public enum Outcome {
    COMPLETED("completed", CallQueueItem.COMPLETED, Counter.COMPLETED),
    BUSY("busy", CallQueueItem.BUSY, Counter.BUSY),
    NO_ANSWER("no_answer", CallQueueItem.NO_ANSWER, Counter.NO_ANSWER),
    /** Retried on its own interval; when no retry is left the row ends as no_answer (nobody was reached). */
    VOICEMAIL("voicemail", CallQueueItem.NO_ANSWER, Counter.VOICEMAIL),
    FAILED("failed", CallQueueItem.FAILED, Counter.FAILED),
    /** The person asked not to be called: cancelled, never retried. */
    DNC("dnc", CallQueueItem.CANCELLED, Counter.DNC);

    final String wire;
    final String finalStatus;
    final Counter counter;

    Outcome(String wire, String finalStatus, Counter counter) {
        this.wire = wire;
        this.finalStatus = finalStatus;
        this.counter = counter;
    }

    boolean retryable() {
        return this == BUSY || this == NO_ANSWER || this == VOICEMAIL || this == FAILED;
    }

    int retryMinutes(Campaign campaign) {
        return switch (this) {
            case BUSY -> campaign.retryBusyMinutes;
            case NO_ANSWER -> campaign.retryNoAnswerMinutes;
            case VOICEMAIL -> campaign.retryVoicemailMinutes;
            default -> campaign.retryFailedMinutes;
        };
    }

    /**
     * The outcome of a finished call: a {@code dnc} disposition or flag first; then the call's terminal status (busy,
     * no_answer, failed, canceled → failed); a completed call whose disposition or flags say voicemail / machine, busy or
     * no_answer is that; otherwise completed.
     */
    static Outcome of(CallCompletedV1 call) {
        String disposition = call.disposition() == null ? "" : call.disposition();
        CallFlagsV1 flags = call.flags();
        if ("dnc".equals(disposition) || (flags != null && flags.dnc())) {
            return DNC;
        }
        String status = call.status() == null ? "" : call.status();
        switch (status) {
            case "busy":
                return BUSY;
            case "no_answer":
                return NO_ANSWER;
            case "failed":
            case "canceled":
            case "cancelled":
                return FAILED;
            default:
                break;
        }
        if ("voicemail".equals(disposition) || "machine".equals(disposition) || (flags != null && (flags.voicemail() || flags.machine()))) {
            return VOICEMAIL;
        }
        if ("busy".equals(disposition)) {
            return BUSY;
        }
        if ("no_answer".equals(disposition)) {
            return NO_ANSWER;
        }
        return COMPLETED;
    }
}
