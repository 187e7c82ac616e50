package io.switchboard.calls.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.switchboard.calls.webhook.TranscriptTurn;

public record CallTranscriptView(String text, List<TranscriptTurn> turns, int wordCount, String language,
        BigDecimal confidence, OffsetDateTime updatedAt) {

    static CallTranscriptView of(CallTranscript t) {
        return new CallTranscriptView(t.text, t.turns, t.wordCount, t.language, t.confidence, t.updatedAt);
    }
}
