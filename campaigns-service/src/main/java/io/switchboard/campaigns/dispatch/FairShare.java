package io.switchboard.campaigns.dispatch;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Splits a tenant's free slots of one round among its campaigns in proportion to their priority (1–10), never above
 * a campaign's own free capacity; what a capped campaign cannot use goes to the others, highest priority first.
 * Pure, so the proportions are tested without a database.
 */
public final class FairShare {

    /** A campaign asking for slots: its priority weight and how many it may still take (its cap minus its calls). */
    public record Claimant(UUID campaignId, int priority, int capacity) {
    }

    private FairShare() {
    }

    public static Map<UUID, Integer> allocate(int slots, List<Claimant> claimants) {
        Map<UUID, Integer> granted = new LinkedHashMap<>();
        claimants.forEach(c -> granted.put(c.campaignId(), 0));
        List<Claimant> byPriority = claimants.stream()
                .sorted(Comparator.comparingInt(Claimant::priority).reversed()).toList();
        int left = slots;
        // rounds: proportional shares of what is left among those with room, until nothing moves
        while (left > 0) {
            List<Claimant> open = byPriority.stream().filter(c -> granted.get(c.campaignId()) < c.capacity()).toList();
            if (open.isEmpty()) {
                break;
            }
            int weight = open.stream().mapToInt(Claimant::priority).sum();
            int given = 0;
            for (Claimant c : open) {
                int share = (int) ((long) left * c.priority() / weight);
                int take = Math.min(share, c.capacity() - granted.get(c.campaignId()));
                granted.merge(c.campaignId(), take, Integer::sum);
                given += take;
            }
            if (given == 0) {
                // shares rounded to zero: one slot each, highest priority first
                for (Claimant c : open) {
                    if (given == left) {
                        break;
                    }
                    granted.merge(c.campaignId(), 1, Integer::sum);
                    given++;
                }
            }
            left -= given;
        }
        return granted;
    }
}
