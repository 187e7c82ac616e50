package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    /** Always lower-case. */
    public String email;

    public String name;

    @Column(name = "password_hash")
    public String passwordHash;

    /** user | admin | super_admin */
    public String role;

    public boolean active;

    @Column(name = "email_verified")
    public boolean emailVerified;

    @Column(name = "auth_provider")
    public String authProvider;

    public String company;

    public String phone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;
}
