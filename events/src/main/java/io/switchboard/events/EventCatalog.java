package io.switchboard.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.agent.AgentCreatedV1;
import io.switchboard.events.agent.AgentDeletedV1;
import io.switchboard.events.agent.AgentUpdatedV1;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallDispositionChangedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.call.CallRecordingReadyV1;
import io.switchboard.events.call.CallRoutedV1;
import io.switchboard.events.call.CallStatusChangedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.events.dial.DialRequestedV1;
import io.switchboard.events.campaign.CampaignCompletedV1;
import io.switchboard.events.campaign.CampaignCreatedV1;
import io.switchboard.events.campaign.CampaignStatusChangedV1;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.events.dnc.DncNumberRemovedV1;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.events.contact.ContactDeletedV1;
import io.switchboard.events.contact.ContactMergedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.events.imports.ImportCompletedV1;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.consent.ConsentRevokedV1;
import io.switchboard.events.customer.CustomerCreatedV1;
import io.switchboard.events.customer.CustomerDeletedV1;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.customer.CustomerUpdatedV1;
import io.switchboard.events.number.PhoneNumberCreatedV1;
import io.switchboard.events.number.PhoneNumberDeletedV1;
import io.switchboard.events.number.PhoneNumberUpdatedV1;
import io.switchboard.events.memory.MemoryAddedV1;
import io.switchboard.events.queue.QueueItemSkippedV1;
import io.switchboard.events.sms.SmsFailedV1;
import io.switchboard.events.sms.SmsSentV1;
import io.switchboard.events.tenant.TenantCreatedV1;
import io.switchboard.events.tenant.TenantStatusChangedV1;
import io.switchboard.events.credits.CreditBalanceChangedV1;

/**
 * Every event type Switchboard publishes, in one place. Consumers and the codec dispatch by looking
 * types up here; the AsyncAPI document and the schema test enumerate this list.
 */
public final class EventCatalog {

    public static final EventType<CallCreatedV1> CALL_CREATED = new EventType<>(
            "io.switchboard.call.created.v1", Topics.CALLS, CallCreatedV1.class,
            "A call record was created (outbound queued or inbound received).");
    public static final EventType<CallCompletedV1> CALL_COMPLETED = new EventType<>(
            "io.switchboard.call.completed.v1", Topics.CALLS, CallCompletedV1.class,
            "A call reached a terminal status (completed, busy, no_answer, failed, canceled).");
    // issue 9: the provider call lifecycle
    public static final EventType<CallInitiatedV1> CALL_INITIATED = new EventType<>(
            "io.switchboard.call.initiated.v1", Topics.CALLS, CallInitiatedV1.class,
            "A provider reported a call for the first time (it now has a provider call id).");
    public static final EventType<CallStatusChangedV1> CALL_STATUS_CHANGED = new EventType<>(
            "io.switchboard.call.status_changed.v1", Topics.CALLS, CallStatusChangedV1.class,
            "A call's status moved forward, or its terminal status was refined.");
    public static final EventType<CallAnalyzedV1> CALL_ANALYZED = new EventType<>(
            "io.switchboard.call.analyzed.v1", Topics.CALLS, CallAnalyzedV1.class,
            "A call's post-call analysis (summary, sentiment, structured data, success evaluation) arrived or changed.");
    public static final EventType<CallRecordingReadyV1> CALL_RECORDING_READY = new EventType<>(
            "io.switchboard.call.recording_ready.v1", Topics.CALLS, CallRecordingReadyV1.class,
            "A call's recording is available at the provider.");
    public static final EventType<CallDispositionChangedV1> CALL_DISPOSITION_CHANGED = new EventType<>(
            "io.switchboard.call.disposition_changed.v1", Topics.CALLS, CallDispositionChangedV1.class,
            "A person set a call's disposition through the API.");
    public static final EventType<ContactCreatedV1> CONTACT_CREATED = new EventType<>(
            "io.switchboard.contact.created.v1", Topics.CONTACTS, ContactCreatedV1.class,
            "A contact was created.");
    // opt-outs and do-not-call lists (contacts-service): keyed by the E.164 phone, so one number's events stay in order
    public static final EventType<OptOutAddedV1> OPTOUT_ADDED = new EventType<>(
            "io.switchboard.optout.added.v1", Topics.CONTACTS, OptOutAddedV1.class,
            "A phone number opted out of a channel (voice, sms, email); keyed by the phone.");
    public static final EventType<OptOutRemovedV1> OPTOUT_REMOVED = new EventType<>(
            "io.switchboard.optout.removed.v1", Topics.CONTACTS, OptOutRemovedV1.class,
            "An opt-out was withdrawn; keyed by the phone.");
    public static final EventType<DncNumberAddedV1> DNC_NUMBER_ADDED = new EventType<>(
            "io.switchboard.dnc.number_added.v1", Topics.CONTACTS, DncNumberAddedV1.class,
            "A number was put on a do-not-call list (the tenant's internal list or a named one); keyed by the phone.");
    public static final EventType<DncNumberRemovedV1> DNC_NUMBER_REMOVED = new EventType<>(
            "io.switchboard.dnc.number_removed.v1", Topics.CONTACTS, DncNumberRemovedV1.class,
            "A number was taken off a do-not-call list; keyed by the phone.");
    // contacts core (issue 8)
    public static final EventType<ContactUpdatedV1> CONTACT_UPDATED = new EventType<>(
            "io.switchboard.contact.updated.v1", Topics.CONTACTS, ContactUpdatedV1.class,
            "A contact was changed; carries its phone numbers and dialing zones after the change.");
    public static final EventType<ContactDeletedV1> CONTACT_DELETED = new EventType<>(
            "io.switchboard.contact.deleted.v1", Topics.CONTACTS, ContactDeletedV1.class,
            "A contact was deleted.");
    public static final EventType<ContactMergedV1> CONTACT_MERGED = new EventType<>(
            "io.switchboard.contact.merged.v1", Topics.CONTACTS, ContactMergedV1.class,
            "Two contacts became one; the merged contact's rows follow the survivor and it no longer exists.");

    // list imports (contacts-service importer)
    public static final EventType<ImportCompletedV1> IMPORT_COMPLETED = new EventType<>(
            "io.switchboard.import.completed.v1", Topics.CONTACTS, ImportCompletedV1.class,
            "A list import ended (completed, failed or cancelled) with its row counts; keyed by import id.");
    public static final EventType<CampaignCreatedV1> CAMPAIGN_CREATED = new EventType<>(
            "io.switchboard.campaign.created.v1", Topics.CAMPAIGNS, CampaignCreatedV1.class,
            "A campaign was created.");
    public static final EventType<CreditBalanceChangedV1> CREDITS_BALANCE_CHANGED = new EventType<>(
            "io.switchboard.credits.balance_changed.v1", Topics.CREDITS, CreditBalanceChangedV1.class,
            "A tenant's credit balance changed (usage, purchase, refund, adjustment); keyed by tenant id.");

    public static final EventType<TenantCreatedV1> TENANT_CREATED = new EventType<>(
            "io.switchboard.tenant.created.v1", Topics.IDENTITY, TenantCreatedV1.class,
            "An organization signed up.");
    public static final EventType<TenantStatusChangedV1> TENANT_STATUS_CHANGED = new EventType<>(
            "io.switchboard.tenant.status_changed.v1", Topics.IDENTITY, TenantStatusChangedV1.class,
            "A super_admin suspended or re-activated an organization; stop dialing for a suspended one.");

    // ---- contacts records (issue 8: memories, consent, customers) ----
    public static final EventType<MemoryAddedV1> MEMORY_ADDED = new EventType<>(
            "io.switchboard.memory.added.v1", Topics.CONTACTS, MemoryAddedV1.class,
            "A fact was remembered about a contact (manual, or auto from a call's analysis); keyed by contact id.");
    public static final EventType<ConsentGrantedV1> CONSENT_GRANTED = new EventType<>(
            "io.switchboard.consent.granted.v1", Topics.CONTACTS, ConsentGrantedV1.class,
            "A contact's consent for a channel was recorded (phone, channel, type, expiry); keyed by contact id.");
    public static final EventType<ConsentRevokedV1> CONSENT_REVOKED = new EventType<>(
            "io.switchboard.consent.revoked.v1", Topics.CONTACTS, ConsentRevokedV1.class,
            "A consent was revoked; apply it like an opt-out of its channel; keyed by contact id.");
    public static final EventType<CustomerCreatedV1> CUSTOMER_CREATED = new EventType<>(
            "io.switchboard.customer.created.v1", Topics.CONTACTS, CustomerCreatedV1.class,
            "A contact was converted into a customer; keyed by customer id.");
    public static final EventType<CustomerUpdatedV1> CUSTOMER_UPDATED = new EventType<>(
            "io.switchboard.customer.updated.v1", Topics.CONTACTS, CustomerUpdatedV1.class,
            "A customer's record or risk profile changed; keyed by customer id.");
    public static final EventType<CustomerDeletedV1> CUSTOMER_DELETED = new EventType<>(
            "io.switchboard.customer.deleted.v1", Topics.CONTACTS, CustomerDeletedV1.class,
            "A customer record was deleted (the contact stays); keyed by customer id.");
    public static final EventType<CustomerDoNotContactChangedV1> CUSTOMER_DO_NOT_CONTACT_CHANGED = new EventType<>(
            "io.switchboard.customer.do_not_contact_changed.v1", Topics.CONTACTS, CustomerDoNotContactChangedV1.class,
            "A customer's do-not-contact flag was set or cleared; block the phone on every channel like an opt-out; keyed by customer id.");
    // ---- end contacts records ----

    // ---- the dialer (issue 11): campaigns-service decides, calls-service places ----
    public static final EventType<DialRequestedV1> DIAL_REQUESTED = new EventType<>(
            "io.switchboard.dial.requested.v1", Topics.DIALS, DialRequestedV1.class,
            "campaigns-service asks calls-service to place one call now (idempotency key: queue item + attempt); keyed by queue item id.");
    public static final EventType<DialExpiredV1> DIAL_EXPIRED = new EventType<>(
            "io.switchboard.dial.expired.v1", Topics.DIALS, DialExpiredV1.class,
            "A dial request reached calls-service after its notAfter deadline and was not dialed; keyed by queue item id.");
    public static final EventType<CallFailedV1> CALL_FAILED = new EventType<>(
            "io.switchboard.call.failed.v1", Topics.CALLS, CallFailedV1.class,
            "An outbound call could not be placed (the provider refused it, or the agent or connection cannot dial); no live call exists.");
    // ---- end dialer ----

    // ---- inbound routing (issue 10, routing): phone numbers and how inbound calls were routed ----
    public static final EventType<PhoneNumberCreatedV1> PHONE_NUMBER_CREATED = new EventType<>(
            "io.switchboard.phone_number.created.v1", Topics.CALLS, PhoneNumberCreatedV1.class,
            "A tenant's phone number was registered; keyed by phone number id.");
    public static final EventType<PhoneNumberUpdatedV1> PHONE_NUMBER_UPDATED = new EventType<>(
            "io.switchboard.phone_number.updated.v1", Topics.CALLS, PhoneNumberUpdatedV1.class,
            "A phone number's settings changed (agent, connection, active flag, zone …); keyed by phone number id.");
    public static final EventType<PhoneNumberDeletedV1> PHONE_NUMBER_DELETED = new EventType<>(
            "io.switchboard.phone_number.deleted.v1", Topics.CALLS, PhoneNumberDeletedV1.class,
            "A phone number was deleted; keyed by phone number id.");
    public static final EventType<CallRoutedV1> CALL_ROUTED = new EventType<>(
            "io.switchboard.call.routed.v1", Topics.CALLS, CallRoutedV1.class,
            "An inbound call was routed: to the team inside business hours, to the agent outside them, or to the agent after the team did not answer.");
    // ---- end inbound routing ----
    // ---- campaigns (issue 11): lifecycle ----
    public static final EventType<CampaignStatusChangedV1> CAMPAIGN_STATUS_CHANGED = new EventType<>(
            "io.switchboard.campaign.status_changed.v1", Topics.CAMPAIGNS, CampaignStatusChangedV1.class,
            "A campaign moved along its lifecycle (launch, pause, resume, cancel, start or end date, exhausted audience).");
    public static final EventType<CampaignCompletedV1> CAMPAIGN_COMPLETED = new EventType<>(
            "io.switchboard.campaign.completed.v1", Topics.CAMPAIGNS, CampaignCompletedV1.class,
            "A campaign ended: nothing left to dial, or its end date passed; carries its counters.");
    // ---- end campaigns ----
    // ---- dispatcher (issue 11) ----
    public static final EventType<QueueItemSkippedV1> QUEUE_ITEM_SKIPPED = new EventType<>(
            "io.switchboard.queue.item_skipped.v1", Topics.DIALS, QueueItemSkippedV1.class,
            "The dispatcher did not dial a due queue item (a dial-time check failed or its request expired); it waits until nextAttemptAt; keyed by queue item id.");
    // ---- end dispatcher ----


    // ---- agents and post-call SMS (issue 10, calls-service): on switchboard.calls, the calls context's stream ----
    public static final EventType<AgentCreatedV1> AGENT_CREATED = new EventType<>(
            "io.switchboard.agent.created.v1", Topics.CALLS, AgentCreatedV1.class,
            "An agent (provider-side assistant) was created; keyed by agent id.");
    public static final EventType<AgentUpdatedV1> AGENT_UPDATED = new EventType<>(
            "io.switchboard.agent.updated.v1", Topics.CALLS, AgentUpdatedV1.class,
            "An agent was changed (names the changed fields); keyed by agent id.");
    public static final EventType<AgentDeletedV1> AGENT_DELETED = new EventType<>(
            "io.switchboard.agent.deleted.v1", Topics.CALLS, AgentDeletedV1.class,
            "An agent and its custom functions were deleted; keyed by agent id.");
    public static final EventType<SmsSentV1> SMS_SENT = new EventType<>(
            "io.switchboard.sms.sent.v1", Topics.CALLS, SmsSentV1.class,
            "A call's post-call SMS was accepted by the provider (at most one per call); keyed by call id.");
    public static final EventType<SmsFailedV1> SMS_FAILED = new EventType<>(
            "io.switchboard.sms.failed.v1", Topics.CALLS, SmsFailedV1.class,
            "A call's post-call SMS could not be sent or was reported failed/undelivered; keyed by call id.");
    // ---- end agents and post-call SMS ----

    // ---- call usage corrections (issue 12, duration): late final duration/cost of an already completed call ----
    public static final EventType<CallUsageChangedV1> CALL_USAGE_CHANGED = new EventType<>(
            "io.switchboard.call.usage_changed.v1", Topics.CALLS, CallUsageChangedV1.class,
            "A completed call's duration or cost changed after call.completed (the provider's final report came later); new and previous totals; keyed by call id.");
    // ---- end call usage corrections ----

    public static final List<EventType<?>> ALL = List.of(CALL_CREATED, CALL_COMPLETED,
            CALL_INITIATED, CALL_STATUS_CHANGED, CALL_ANALYZED, CALL_RECORDING_READY, CALL_DISPOSITION_CHANGED, // call model (issue 9)
            CONTACT_CREATED,
            OPTOUT_ADDED, OPTOUT_REMOVED, DNC_NUMBER_ADDED, DNC_NUMBER_REMOVED,
            CONTACT_UPDATED, CONTACT_DELETED, CONTACT_MERGED, // contacts core (issue 8)
            IMPORT_COMPLETED, // imports (issue 8)
            MEMORY_ADDED, CONSENT_GRANTED, CONSENT_REVOKED, CUSTOMER_CREATED, CUSTOMER_UPDATED, // contacts records (issue 8)
            CUSTOMER_DELETED, CUSTOMER_DO_NOT_CONTACT_CHANGED,
            CAMPAIGN_CREATED,
            DIAL_REQUESTED, DIAL_EXPIRED, CALL_FAILED, // dialer (issue 11)
            PHONE_NUMBER_CREATED, PHONE_NUMBER_UPDATED, PHONE_NUMBER_DELETED, CALL_ROUTED, // inbound routing (issue 10)
            CAMPAIGN_STATUS_CHANGED, CAMPAIGN_COMPLETED, // campaigns (issue 11)
            QUEUE_ITEM_SKIPPED, // dispatcher (issue 11)
            AGENT_CREATED, AGENT_UPDATED, AGENT_DELETED, SMS_SENT, SMS_FAILED, // agents and post-call SMS (issue 10)
            CALL_USAGE_CHANGED, // call usage corrections (issue 12)
            CREDITS_BALANCE_CHANGED, TENANT_CREATED, TENANT_STATUS_CHANGED);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
