package io.switchboard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static Progress progress(String json) {
        return Progress.of(Api.parse(json));
    }

    @Test
    void theBarCountsFinishedRowsAndTheLineShowsEveryCounterRateAndEta() {
        Progress p = progress("""
                {"status":"active","counts":{"pending":100,"processing":10,"completed":60,"busy":5,"no_answer":15,
                 "failed":5,"cancelled":5},"total":200,"dialsPerMinute":42.44,"etaSeconds":125,
                 "dialed":120,"retryPending":12,"skipped":3}""");
        assertEquals("[####......]  45% 90/200 | dialed 120 | in progress 10 | completed 60 | retry pending 12"
                + " | skipped 3 | 42.4/min | ETA 2m05s", new ProgressBar(10).render(p));
    }

    @Test
    void aCompletedCampaignShowsAFullBarAndDone() {
        Progress p = progress("""
                {"status":"completed","counts":{"pending":0,"processing":0,"completed":3,"busy":0,"no_answer":1,
                 "failed":0,"cancelled":0},"total":4,"dialsPerMinute":4.0,"etaSeconds":0,"dialed":5,"retryPending":0,"skipped":0}""");
        assertEquals("[####] 100% 4/4 | dialed 5 | in progress 0 | completed 3 | retry pending 0 | skipped 0 | 4.0/min"
                + " | ETA done", new ProgressBar(4).render(p));
    }

    @Test
    void withoutTheCountersOfANewerServiceTheLineSaysWhatItCannotKnow() {
        Progress p = progress("""
                {"status":"active","counts":{"pending":4,"processing":0},"total":4,"dialsPerMinute":0.0,"etaSeconds":null}""");
        assertNull(p.dialed());
        assertEquals("[....]   0% 0/4 | in progress 0 | completed 0 | retry pending ? | 0.0/min | ETA --",
                new ProgressBar(4).render(p));
    }

    @Test
    void anEmptyCampaignIsZeroPercentNotADivisionByZero() {
        Progress p = progress("{\"status\":\"active\",\"counts\":{},\"total\":0,\"dialsPerMinute\":0,\"etaSeconds\":0}");
        assertEquals("[..]   0% 0/0 | in progress 0 | completed 0 | retry pending ? | 0.0/min | ETA 0s", new ProgressBar(2).render(p));
    }

    @Test
    void etasOfAnHourOrMoreShowHoursAndMinutes() {
        Progress p = progress("{\"status\":\"active\",\"counts\":{},\"total\":1,\"dialsPerMinute\":1,\"etaSeconds\":3725}");
        assertEquals("1h02m", ProgressBar.eta(p));
    }
}
