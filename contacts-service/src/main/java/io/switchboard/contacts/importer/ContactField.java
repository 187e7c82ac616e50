package io.switchboard.contacts.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The contact fields a column can map to (the API's names), and the header names each is recognised by when the
 * upload does not map a column explicitly; the consent fields describe a consent record for the row's contact. {@link #IGNORE} drops a column; an unmapped column is kept in custom_fields.
 */
enum ContactField {
    PHONE("phone", "phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "telephone", "tel"),
    ALTERNATE_PHONE("alternatePhone", "alternatephone", "altphone", "phone2", "secondaryphone", "otherphone"),
    FIRST_NAME("firstName", "firstname", "first", "givenname", "fname", "forename"),
    LAST_NAME("lastName", "lastname", "last", "surname", "familyname", "lname"),
    EMAIL("email", "email", "emailaddress", "mail"),
    COMPANY("company", "company", "companyname", "organization", "organisation", "business"),
    ADDRESS("address", "address", "address1", "street", "streetaddress"),
    CITY("city", "city", "town"),
    STATE("state", "state", "province", "region"),
    POSTAL_CODE("postalCode", "postalcode", "zip", "zipcode", "postcode"),
    COUNTRY("country", "country", "countrycode"),
    NOTES("notes", "notes", "note", "comments", "comment"),
    BUSINESS_CONTEXT("businessContext", "businesscontext", "context"),
    TIME_ZONE("timeZone", "timezone", "tz"),
    /** The consent columns: a row with any of them also records a consent for its contact (consent_type required). */
    CONSENT_TYPE("consentType", "consenttype"),
    CONSENT_CHANNEL("consentChannel", "consentchannel"),
    CONSENT_SOURCE("consentSource", "consentsource"),
    CONSENT_CAPTURED_AT("consentCapturedAt", "consentcapturedat", "consentdate", "consentcaptured"),
    CONSENT_EVIDENCE("consentEvidence", "consentevidence"),
    CONSENT_EXPIRES_AT("consentExpiresAt", "consentexpiresat", "consentexpires", "consentexpiry"),
    IGNORE("ignore");

    private final String wire;
    private final Set<String> headers;

    ContactField(String wire, String... headers) {
        this.wire = wire;
        this.headers = Set.of(headers);
    }

    String wire() {
        return wire;
    }

    /** A consent column: it fills the row's consent record, not the contact. */
    boolean consent() {
        return name().startsWith("CONSENT_");
    }

    static Optional<ContactField> byWire(String name) {
        for (ContactField field : values()) {
            if (field.wire.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The field a header names by convention ("E-mail Address", "first_name", "Zip"), if any. */
    static Optional<ContactField> recognise(String header) {
        String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (ContactField field : values()) {
            if (field.headers.contains(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
