package io.switchboard.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallDispositionChangedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.call.CallRecordingReadyV1;
import io.switchboard.events.call.CallStatusChangedV1;
import io.switchboard.events.campaign.CampaignCreatedV1;
import io.switchboard.events.contact.ContactCreatedV1;
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

    public static final List<EventType<?>> ALL = List.of(CALL_CREATED, CALL_COMPLETED,
            CALL_INITIATED, CALL_STATUS_CHANGED, CALL_ANALYZED, CALL_RECORDING_READY, CALL_DISPOSITION_CHANGED,
            CONTACT_CREATED, CAMPAIGN_CREATED,
            CREDITS_BALANCE_CHANGED, TENANT_CREATED, TENANT_STATUS_CHANGED);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
