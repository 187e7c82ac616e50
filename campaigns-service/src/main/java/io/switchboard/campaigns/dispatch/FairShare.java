package io.switchboard.campaigns.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Splits a tenant's free slots of one round among its campaigns in proportion to their priority (1–10), counting the
 * calls each already holds, never above a campaign's own free capacity (D'Hondt: each slot goes to the campaign with
 * the highest {@code priority / (held + 1)}). Because the calls already live count, the split holds over time: a
 * priority-1 campaign next to a priority-10 one gets one slot in eleven, round after round, and is never starved.
 * Pure, so the proportions are tested without a database.
 */
public final class FairShare {

    /** A campaign asking for slots: its priority, the calls it holds, how many more it may take (cap minus held). */
    public record Claimant(UUID campaignId, int priority, int held, int capacity) {
    }

    private FairShare() {
    }

    public static Map<UUID, Integer> allocate(int slots, List<Claimant> claimants) {
        Map<UUID, Integer> granted = new LinkedHashMap<>();
        claimants.forEach(c -> granted.put(c.campaignId(), 0));
        for (int slot = 0; slot < slots; slot++) {
            Claimant best = null;
            double bestQuotient = -1;
            for (Claimant c : claimants) {
                int given = granted.get(c.campaignId());
                if (given >= c.capacity()) {
                    continue;
                }
                double quotient = c.priority() / (double) (c.held() + given + 1);
                if (quotient > bestQuotient) {
                    best = c;
                    bestQuotient = quotient;
                }
            }
            if (best == null) {
                break; // every campaign is at its cap
            }
            granted.merge(best.campaignId(), 1, Integer::sum);
        }
        return granted;
    }
}
