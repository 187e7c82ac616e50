package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "login_attempts")
public class LoginAttempt {

    @Id
    public UUID id;

    public String email;

    public String ip;

    public boolean success;

    @Column(name = "attempted_at")
    public Instant attemptedAt;
}
