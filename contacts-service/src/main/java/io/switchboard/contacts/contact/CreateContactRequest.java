package io.switchboard.contacts.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.switchboard.platform.phone.InternationalPhone;
import io.switchboard.platform.time.IanaTimeZone;

/**
 * A contact to create. The phone is international (e.g. +14155550123) and stored in E.164; the time
 * zone is an IANA region id (e.g. America/New_York; rule: platform TimeZones) used for calling windows in the recipient's local time.
 */
public record CreateContactRequest(
        @NotBlank @Size(max = 32) @InternationalPhone String phone,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Email @Size(max = 320) String email,
        @Size(max = 64) @IanaTimeZone String timeZone) {
}
