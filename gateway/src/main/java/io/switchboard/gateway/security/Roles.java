package io.switchboard.gateway.security;

/** The {@code groups} claim holds exactly one of these. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super_admin";

    private Roles() {
    }

    public static boolean isValid(String role) {
        return USER.equals(role) || ADMIN.equals(role) || SUPER_ADMIN.equals(role);
    }
}
