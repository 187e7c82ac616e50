package io.switchboard.calls.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.switchboard.calls.webhook.bolna.BolnaNormalizer;
import io.switchboard.calls.webhook.elevenlabs.ElevenLabsNormalizer;
import io.switchboard.calls.webhook.retell.RetellNormalizer;
import io.switchboard.calls.webhook.twilio.TwilioNormalizer;
import io.switchboard.calls.webhook.vapi.VapiNormalizer;

/** The normalizer of each provider: the one dispatch by provider name. */
public final class Normalizers {

    private static final Map<String, ProviderNormalizer> BY_PROVIDER = Stream.of(new TwilioNormalizer(),
                    new VapiNormalizer(), new RetellNormalizer(), new ElevenLabsNormalizer(), new BolnaNormalizer())
            .collect(Collectors.toUnmodifiableMap(ProviderNormalizer::provider, Function.identity()));

    private Normalizers() {
    }

    public static Optional<ProviderNormalizer> of(String provider) {
        return Optional.ofNullable(BY_PROVIDER.get(provider));
    }
}
