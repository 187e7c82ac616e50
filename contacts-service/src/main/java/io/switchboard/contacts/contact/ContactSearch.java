package io.switchboard.contacts.contact;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters and order of {@code GET /api/v1/contacts}; every filter given must match. */
public class ContactSearch {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive substring of the name, phone, e-mail or company", example = "lovelace")
    public String q;

    @QueryParam("tag")
    @Size(max = ContactRules.MAX_TAGS)
    @Parameter(description = "A tag the contact must have; repeat for several (all must match)", example = "vip")
    public List<@Size(max = ContactRules.MAX_TAG_LENGTH) String> tag;

    @QueryParam("phone")
    @Size(max = 32)
    @Parameter(description = "Exact number, international or national for the tenant's default region;"
            + " finds the number's primary contact and its possible duplicates (duplicateOf set, made by keep_both imports)", example = "+14155550123")
    public String phone;

    @QueryParam("email")
    @Size(max = 320)
    @Parameter(description = "Exact e-mail address, ignoring case", example = "ada@example.com")
    public String email;

    @QueryParam("company")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive substring of the company", example = "analytical")
    public String company;

    @QueryParam("sort")
    @DefaultValue("createdAt")
    @Pattern(regexp = ContactSort.NAMES, message = "must be one of " + ContactSort.NAMES)
    @Parameter(description = "Order: createdAt (default), updatedAt, lastName or lastContactAt")
    public String sort = "createdAt";

    @QueryParam("order")
    @DefaultValue("desc")
    @Pattern(regexp = "asc|desc", message = "must be asc or desc")
    @Parameter(description = "asc or desc (default)")
    public String order = "desc";

    public ContactSort sortOrder() {
        return ContactSort.of(sort);
    }

    public boolean ascending() {
        return "asc".equals(order);
    }

    /** The cursor's sort name: a cursor is only valid for the order (and direction) it was issued in. */
    public String cursorSort() {
        return sort + "," + order;
    }

    static ContactSearch none() {
        return new ContactSearch();
    }
}
