package io.switchboard.contacts.dnc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.switchboard.contacts.customer.CustomerRepository;
import io.switchboard.platform.problem.ProblemException;

/**
 * May this number be contacted on this channel now, given these DNC lists? No if it opted out of the channel;
 * no if its customer profile says do-not-contact; for calls also no if it is on the tenant's internal list (which always applies) or on any of the lists named.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DncCheck {

    static final int MAX_LISTS = 100;

    private final OptOutRepository optOuts;
    private final DncListRepository lists;
    private final DncNumberRepository numbers;
    private final DncPhones phones;
    private final CustomerRepository customers;

    @Inject
    public DncCheck(OptOutRepository optOuts, DncListRepository lists, DncNumberRepository numbers, DncPhones phones,
            CustomerRepository customers) {
        this.customers = customers;
        this.optOuts = optOuts;
        this.lists = lists;
        this.numbers = numbers;
        this.phones = phones;
    }

    public DncCheckView check(UUID tenantId, String rawPhone, String channel, List<String> listIdParams) {
        String phone = phones.require(tenantId, rawPhone, "phone");
        Set<UUID> listIds = listIds(listIdParams);
        if (!listIds.isEmpty()) {
            List<UUID> known = lists.existing(tenantId, listIds);
            listIds.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
                throw ProblemException.notFound("DNC list", id);
            });
        }
        List<DncCheckView.Reason> reasons = new ArrayList<>();
        optOuts.findByPhone(tenantId, phone, channel)
                .ifPresent(o -> reasons.add(new DncCheckView.Reason(DncCheckView.OPT_OUT, null, o.createdAt)));
        // a customer profile's do-not-contact blocks every channel (customer.do_not_contact_changed tells the dialer)
        customers.doNotContactSince(tenantId, phone)
                .ifPresent(since -> reasons.add(new DncCheckView.Reason(DncCheckView.CUSTOMER_DO_NOT_CONTACT, null, since)));
        if (DncVocabulary.CHANNELS_A_DNC_LIST_BLOCKS.contains(channel)) {
            for (DncNumberRepository.Listing listing : numbers.listings(tenantId, phone, listIds)) {
                reasons.add(new DncCheckView.Reason(listing.internal() ? DncCheckView.INTERNAL_DNC : DncCheckView.LIST_DNC,
                        listing.listId(), listing.since()));
            }
        }
        return new DncCheckView(phone, channel, reasons.isEmpty(), reasons);
    }

    /**
     * Set-based {@link #check} for calls without named lists, for bulk writers (list imports): those of {@code phones}
     * (E.164) that opted out of voice, are on the tenant's internal list or belong to a do-not-contact customer. One
     * statement, however many numbers.
     */
    public Set<String> callBlocked(UUID tenantId, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        return numbers.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT o.phone FROM opt_out o WHERE o.tenant_id = ? AND o.channel = ? AND o.phone = ANY (?::text[])
                    UNION
                    SELECT n.phone FROM dnc_number n JOIN dnc_list l ON l.id = n.list_id AND l.tenant_id = n.tenant_id
                    WHERE n.tenant_id = ? AND l.internal AND n.phone = ANY (?::text[])
                    UNION
                    SELECT k.phone FROM customer c JOIN contact k ON k.id = c.contact_id AND k.tenant_id = c.tenant_id
                    WHERE c.tenant_id = ? AND c.do_not_contact AND k.phone = ANY (?::text[])""")) {
                Array wanted = connection.createArrayOf("text", phones.toArray());
                select.setObject(1, tenantId);
                select.setString(2, DncVocabulary.VOICE);
                select.setArray(3, wanted);
                select.setObject(4, tenantId);
                select.setArray(5, wanted);
                select.setObject(6, tenantId);
                select.setArray(7, wanted);
                Set<String> blocked = new HashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        blocked.add(rs.getString(1));
                    }
                }
                return blocked;
            }
        });
    }

    /** {@code listIds} repeated and/or comma-separated; {@code internal} may be named but always applies anyway. */
    static Set<UUID> listIds(List<String> params) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (params == null) {
            return ids;
        }
        for (String param : params) {
            for (String part : param.split(",")) {
                String ref = part.trim();
                if (!ref.isEmpty() && !DncService.INTERNAL.equals(ref)) {
                    ids.add(DncService.listId(ref, "listIds"));
                }
            }
        }
        if (ids.size() > MAX_LISTS) {
            throw ProblemException.badField("listIds", "at most " + MAX_LISTS + " lists per check");
        }
        return ids;
    }
}
