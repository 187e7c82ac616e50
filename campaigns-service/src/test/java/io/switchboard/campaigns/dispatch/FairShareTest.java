package io.switchboard.campaigns.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FairShareTest {

    private final UUID high = UUID.randomUUID();
    private final UUID low = UUID.randomUUID();

    @Test
    void slotsAreSharedInProportionToPriority() {
        Map<UUID, Integer> shares = FairShare.allocate(10, List.of(new FairShare.Claimant(high, 8, 0, 100),
                new FairShare.Claimant(low, 2, 0, 100)));
        assertEquals(8, shares.get(high));
        assertEquals(2, shares.get(low));
    }

    @Test
    void whatACappedCampaignCannotUseGoesToTheOthers() {
        Map<UUID, Integer> shares = FairShare.allocate(10, List.of(new FairShare.Claimant(high, 8, 0, 3),
                new FairShare.Claimant(low, 2, 0, 100)));
        assertEquals(3, shares.get(high));
        assertEquals(7, shares.get(low));
    }

    @Test
    void callsAlreadyHeldCountSoALowPriorityCampaignIsNeverStarved() {
        // the priority-10 campaign already holds ten calls: the next free slot is the priority-1 campaign's
        Map<UUID, Integer> shares = FairShare.allocate(1, List.of(new FairShare.Claimant(high, 10, 10, 100),
                new FairShare.Claimant(low, 1, 0, 100)));
        assertEquals(0, shares.get(high));
        assertEquals(1, shares.get(low));
    }

    @Test
    void neverMoreThanTheSlotsNorTheCaps() {
        Map<UUID, Integer> shares = FairShare.allocate(50, List.of(new FairShare.Claimant(high, 5, 0, 4),
                new FairShare.Claimant(low, 5, 0, 6)));
        assertEquals(4, shares.get(high));
        assertEquals(6, shares.get(low));
    }
}
