-- Follow-ups: a reminder to get back to a contact, optionally about a call.
CREATE TABLE follow_up (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    contact_id    UUID        NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    call_id       UUID,
    due_at        TIMESTAMPTZ NOT NULL,
    remark        TEXT,
    completed     BOOLEAN     NOT NULL DEFAULT false,
    completed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT follow_up_completed_at_check CHECK (completed = (completed_at IS NOT NULL))
);
CREATE INDEX follow_up_contact_due ON follow_up (tenant_id, contact_id, due_at DESC, id DESC);
-- "what is due": open follow-ups by due date across contacts
CREATE INDEX follow_up_open_due ON follow_up (tenant_id, due_at DESC, id DESC) WHERE NOT completed;
SELECT switchboard_enable_tenant_rls('follow_up');

-- Calendar meetings with a contact.
CREATE TABLE meeting (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    contact_id        UUID        NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    call_id           UUID,
    starts_at         TIMESTAMPTZ NOT NULL,
    duration_minutes  INTEGER     NOT NULL DEFAULT 30
        CONSTRAINT meeting_duration_check CHECK (duration_minutes BETWEEN 1 AND 1440),
    title             TEXT        NOT NULL,
    description       TEXT,
    location          TEXT,
    attendee_email    TEXT,
    status            TEXT        NOT NULL DEFAULT 'scheduled'
        CONSTRAINT meeting_status_check CHECK (status IN ('scheduled', 'completed', 'cancelled', 'rescheduled')),
    time_zone         TEXT        NOT NULL DEFAULT 'UTC',   -- IANA id the meeting is shown in
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_contact_starts ON meeting (tenant_id, contact_id, starts_at DESC, id DESC);
CREATE INDEX meeting_tenant_starts ON meeting (tenant_id, starts_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('meeting');
