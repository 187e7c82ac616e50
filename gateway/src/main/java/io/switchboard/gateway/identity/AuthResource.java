package io.switchboard.gateway.identity;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

/** Public endpoints: getting, renewing and giving back tokens. */
@Path("/api/v1/auth")
@Tag(name = "auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService auth;

    @Context
    HttpServerRequest request;

    /** A new organization with its first admin, who is logged in at once. */
    @POST
    @Path("/signup")
    public Response signup(@NotNull @Valid AuthRequests.Signup body) {
        return Response.status(201).entity(auth.signup(body, ClientInfo.of(request))).build();
    }

    @POST
    @Path("/login")
    public AuthTokens login(@NotNull @Valid AuthRequests.Login body) {
        return auth.login(body, ClientInfo.of(request));
    }

    /** Rotation: the presented refresh token is spent and a new pair is returned. */
    @POST
    @Path("/refresh")
    public AuthTokens refresh(@NotNull @Valid AuthRequests.Refresh body) {
        return auth.refresh(body.refreshToken(), ClientInfo.of(request));
    }

    @POST
    @Path("/logout")
    public Response logout(@NotNull @Valid AuthRequests.Refresh body) {
        auth.logout(body.refreshToken());
        return Response.noContent().build();
    }

    /** Always 202, whether or not the address has an account. */
    @POST
    @Path("/password-reset")
    public Response passwordReset(@NotNull @Valid AuthRequests.PasswordReset body) {
        auth.requestPasswordReset(body.email());
        return Response.accepted().build();
    }

    /** The token from the verification mail sent at sign-up; 204, or 400 naming {@code token}. */
    @POST
    @Path("/verify-email")
    public Response verifyEmail(@NotNull @Valid AuthRequests.VerifyEmail body) {
        auth.verifyEmail(body.token());
        return Response.noContent().build();
    }

    @POST
    @Path("/password-reset/confirm")
    public Response confirmPasswordReset(@NotNull @Valid AuthRequests.PasswordResetConfirm body) {
        auth.confirmPasswordReset(body);
        return Response.noContent().build();
    }
}
