package io.switchboard.contacts.contact;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.IanaTimeZone;

/**
 * A contact's writable fields: the body of a create, and what a PATCH is merged into. Phones are international
 * (+14155550123) or national when the tenant has a default region, stored in E.164 (checked by the service,
 * which knows the region, together with these constraints so one problem names every bad field). The time zone
 * is an IANA region id; tags are trimmed and de-duplicated; {@code customFields} is a JSON object of at most
 * {@value ContactRules#MAX_CUSTOM_FIELDS_BYTES} bytes.
 */
public record CreateContactRequest(
        @NotBlank @Size(max = 32) String phone,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Email @Size(max = 320) String email,
        @Size(max = 64) @IanaTimeZone String timeZone,
        @Size(max = 32) String alternatePhone,
        @Size(max = 200) String company,
        @Size(max = 500) String address,
        @Size(max = 200) String city,
        @Size(max = 200) String state,
        @Size(max = 32) String postalCode,
        @Size(max = 100) String country,
        @Size(max = 10000) String notes,
        @Size(max = ContactRules.MAX_TAGS) List<@Size(max = ContactRules.MAX_TAG_LENGTH) String> tags,
        @Size(max = 10000) String businessContext,
        @Schema(description = "Free-form JSON object, at most 16 KiB serialized") Map<String, Object> customFields,
        @Schema(enumeration = { "manual", "api" }, defaultValue = "api") @Pattern(regexp = "manual|api", message = "must be manual or api") String source) {

    /** The minimal contact: a phone, a name, an e-mail and a zone. */
    public CreateContactRequest(String phone, String firstName, String lastName, String email, String timeZone) {
        this(phone, firstName, lastName, email, timeZone, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The fields a PATCH may change, as stored: all but {@code source}, which only a create sets. */
    static CreateContactRequest of(Contact c) {
        return new CreateContactRequest(c.phone, c.firstName, c.lastName, c.email, c.timeZone, c.alternatePhone, c.company,
                c.address, c.city, c.state, c.postalCode, c.country, c.notes, c.tags, c.businessContext, c.customFields, null);
    }
}
