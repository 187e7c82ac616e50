package io.switchboard.calls.call;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CallTranscriptRepository implements PanacheRepositoryBase<CallTranscript, UUID> {
}
