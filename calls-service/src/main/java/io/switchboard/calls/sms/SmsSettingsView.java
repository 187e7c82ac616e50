package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SmsSettings")
public record SmsSettingsView(boolean smsEnabled, boolean smsSkipSilent, UUID defaultTemplateId, UUID connectionId,
        String fromNumber, OffsetDateTime updatedAt) {

    static SmsSettingsView of(SmsSettings s) {
        return new SmsSettingsView(s.smsEnabled, s.smsSkipSilent, s.defaultTemplateId, s.connectionId, s.fromNumber, s.updatedAt);
    }
}
