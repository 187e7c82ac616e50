package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether the number may be contacted on the channel now, and every reason it may not. */
public record DncCheckView(String phone, String channel, boolean allowed, List<Reason> reasons) {

    public static final String OPT_OUT = "opt_out";
    public static final String INTERNAL_DNC = "internal_dnc";
    public static final String LIST_DNC = "list_dnc";
    public static final String CUSTOMER_DO_NOT_CONTACT = "customer_do_not_contact";

    /** {@code kind} is opt_out, internal_dnc, list_dnc or customer_do_not_contact; {@code listId} is set for the DNC kinds. */
    public record Reason(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) UUID listId, OffsetDateTime since) {
    }
}
