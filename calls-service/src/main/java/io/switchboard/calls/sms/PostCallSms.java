package io.switchboard.calls.sms;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.call.Call;
import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.CallTranscript;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.PublicBaseUrl;
import io.switchboard.calls.note.NoteService;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.sms.SmsFailedV1;
import io.switchboard.events.sms.SmsSentV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * The post-call SMS of a call, decided when calls-service consumes its own call.completed / call.analyzed
 * (docs/sms.md). At most once per call: the sms_message row (unique per call) is committed in its own transaction
 * before Twilio is asked, so a redelivered or second event finds it and sends nothing. A crash between that commit
 * and Twilio's answer leaves the row in {@code sending}: the message is then not sent rather than sent twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostCallSms {

    private static final Logger LOG = Logger.getLogger(PostCallSms.class);
    private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final EntityManager em;
    private final SmsSettingsService settings;
    private final TemplateService templates;
    private final NoteService notes;
    private final ConnectionService connections;
    private final TwilioMessaging twilio;
    private final Outbox outbox;
    private final PublicBaseUrl publicBaseUrl;

    public PostCallSms(EntityManager em, SmsSettingsService settings, TemplateService templates, NoteService notes,
            ConnectionService connections, TwilioMessaging twilio, Outbox outbox, PublicBaseUrl publicBaseUrl) {
        this.em = em;
        this.settings = settings;
        this.templates = templates;
        this.notes = notes;
        this.connections = connections;
        this.twilio = twilio;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @param analyzed whether the trigger is call.analyzed (the summary is as complete as it gets) */
    public void consider(UUID tenantId, UUID callId, boolean analyzed) {
        // the tenant's settings first: one primary-key read, and most tenants send no post-call SMS, so every call's
        // completed and analyzed events end here without loading the call
        SmsSettings s = settings.forTenant(tenantId);
        if (!s.smsEnabled || s.connectionId == null) {
            return;
        }
        Call call = em.createQuery("from Call where tenantId = ?1 and id = ?2", Call.class).setParameter(1, tenantId)
                .setParameter(2, callId).getResultStream().findFirst().orElse(null);
        if (call == null || !call.status.terminal() || alreadyHandled(tenantId, callId)) {
            return;
        }
        Agent agent = call.agentId == null ? null : em.find(Agent.class, call.agentId);
        UUID templateId = agent != null && agent.smsTemplateId != null ? agent.smsTemplateId : s.defaultTemplateId;
        Optional<MessageTemplate> template = templateId == null ? Optional.empty() : templates.lookup(tenantId, templateId);
        if (template.isEmpty()) {
            return;
        }
        boolean needsSummary = TemplateVariables.used(template.get().body).contains("call_summary");
        if (needsSummary && call.summary == null && !analyzed) {
            return; // call.analyzed brings the summary
        }
        if (s.smsSkipSilent && silent(call)) {
            LOG.infof("post-call sms skipped tenant=%s call=%s reason=silent", tenantId, callId);
            return;
        }
        String to = CallModel.phone(call);
        String from = ours(call).orElse(s.fromNumber);
        if (to == null || from == null) {
            LOG.infof("post-call sms skipped tenant=%s call=%s reason=no_number", tenantId, callId);
            return;
        }
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.tenantId = tenantId;
        m.callId = callId;
        m.agentId = call.agentId;
        m.templateId = templateId;
        m.connectionId = s.connectionId;
        m.toNumber = to;
        m.fromNumber = from;
        if (optedOut(tenantId, to)) {
            m.status = "skipped";
            m.skipReason = "opted_out";
            if (claim(m)) {
                LOG.infof("post-call sms skipped tenant=%s call=%s sms=%s reason=opted_out", tenantId, callId, m.id);
            }
            return;
        }
        m.body = TemplateVariables.render(template.get().body, values(call, agent, to, from));
        m.status = "sending";
        if (!claim(m)) {
            return;
        }
        Optional<ConnectionCredentials> credentials = connections.credentials(tenantId, s.connectionId)
                .filter(c -> c.provider() == Provider.TWILIO && c.enabled());
        TwilioMessaging.Outcome outcome = credentials.isEmpty()
                ? new TwilioMessaging.Outcome(false, null, null, "no_connection", "the SMS connection is missing, disabled or not Twilio")
                : twilio.send(credentials.get(), from, to, m.body, URI.create(publicBaseUrl.value() + "/webhooks/twilio/"
                        + s.connectionId + "/sms-status"));
        QuarkusTransaction.requiringNew().run(() -> record(tenantId, m.id, outcome));
    }

    /** The answer of Twilio on the claimed row, with sms.sent or sms.failed, in one transaction. */
    private void record(UUID tenantId, UUID smsId, TwilioMessaging.Outcome outcome) {
        SmsMessage m = em.find(SmsMessage.class, smsId);
        m.updatedAt = now();
        if (outcome.accepted()) {
            m.status = outcome.sid() == null ? "sent" : outcome.status();
            m.providerSid = outcome.sid();
            outbox.publish(EventCatalog.SMS_SENT, tenantId, new SmsSentV1(m.id.toString(), m.callId.toString(),
                    str(m.agentId), str(m.templateId), m.toNumber, m.providerSid, m.status, m.updatedAt.toInstant()));
            LOG.infof("post-call sms sent tenant=%s call=%s sms=%s sid=%s status=%s", tenantId, m.callId, m.id, m.providerSid, m.status);
        } else {
            m.status = "failed";
            m.errorCode = outcome.errorCode();
            m.errorMessage = outcome.errorMessage();
            outbox.publish(EventCatalog.SMS_FAILED, tenantId, new SmsFailedV1(m.id.toString(), m.callId.toString(),
                    str(m.agentId), m.toNumber, null, m.errorCode, m.errorMessage, m.updatedAt.toInstant()));
            LOG.infof("post-call sms failed tenant=%s call=%s sms=%s code=%s", tenantId, m.callId, m.id, m.errorCode);
        }
    }

    /** Commits the call's one row in its own transaction; false if the call already has one. */
    private boolean claim(SmsMessage m) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            return em.createNativeQuery("""
                    INSERT INTO sms_message (id, tenant_id, call_id, agent_id, template_id, connection_id, to_number,
                        from_number, body, status, skip_reason, created_at, updated_at)
                    VALUES (?1, ?2, ?3, CAST(NULLIF(?4, '') AS uuid), CAST(NULLIF(?5, '') AS uuid), CAST(NULLIF(?6, '') AS uuid), ?7, ?8, NULLIF(?9, ''), ?10, NULLIF(?11, ''), ?12, ?12)
                    ON CONFLICT (call_id) DO NOTHING""")
                    .setParameter(1, m.id).setParameter(2, m.tenantId).setParameter(3, m.callId)
                    .setParameter(4, text(m.agentId))
                    .setParameter(5, text(m.templateId)).setParameter(6, text(m.connectionId))
                    .setParameter(7, m.toNumber).setParameter(8, m.fromNumber).setParameter(9, m.body == null ? "" : m.body)
                    .setParameter(10, m.status).setParameter(11, m.skipReason == null ? "" : m.skipReason)
                    .setParameter(12, now).executeUpdate() == 1;
        });
    }

    private boolean alreadyHandled(UUID tenantId, UUID callId) {
        return !em.createNativeQuery("SELECT 1 FROM sms_message WHERE tenant_id = ?1 AND call_id = ?2")
                .setParameter(1, tenantId).setParameter(2, callId).getResultList().isEmpty();
    }

    private boolean optedOut(UUID tenantId, String phone) {
        return !em.createNativeQuery("SELECT 1 FROM sms_block WHERE tenant_id = ?1 AND phone = ?2 LIMIT 1")
                .setParameter(1, tenantId).setParameter(2, phone).getResultList().isEmpty();
    }

    /** No speech: the call was not answered, or its transcript has no words. */
    private boolean silent(Call call) {
        if (call.status != CallStatus.COMPLETED) {
            return true;
        }
        CallTranscript transcript = em.find(CallTranscript.class, call.id);
        return transcript == null || transcript.wordCount == 0;
    }

    /** Our side of the call: the number called (inbound) or calling (outbound). */
    private static Optional<String> ours(Call call) {
        return Optional.ofNullable(call.direction == CallDirection.INBOUND ? call.toNumber : call.fromNumber);
    }

    private Map<String, String> values(Call call, Agent agent, String to, String from) {
        Map<String, String> v = new HashMap<>();
        v.put("caller_name", structured(call, "caller_name", "customer_name", "name").orElse("there"));
        v.put("caller_phone", to);
        v.put("call_summary", call.summary == null ? "" : call.summary);
        v.put("call_date", (call.startedAt != null ? call.startedAt : call.createdAt).withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate().toString());
        v.put("agent_name", agent == null ? "" : agent.name);
        v.put("agent_phone", from);
        v.put("appointment_time", notes.latestAppointment(call.tenantId, call.id).map(APPOINTMENT::format)
                .or(() -> structured(call, "appointment_time")).orElse(""));
        return v;
    }

    private static Optional<String> structured(Call call, String... keys) {
        if (call.structuredData == null) {
            return Optional.empty();
        }
        for (String key : keys) {
            Object value = call.structuredData.get(key);
            if (value instanceof String s && !s.isBlank()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** '' for none: a null parameter would reach PostgreSQL untyped. */
    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
