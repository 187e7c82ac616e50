package io.switchboard.gateway.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import io.quarkus.runtime.annotations.RegisterForProxy;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * An upstream request that ignores a reset once its response has ended.
 * <p>
 * vertx-http-proxy 4.5.25 resets the upstream request whenever the client's side of an exchange fails
 * ({@code ProxiedRequest}: the client response's exception handler; {@code ProxiedResponse}: a failed pipe to the
 * client), also when the upstream response has already ended, e.g. a client that closes its connection while the
 * gateway writes the last bytes to it. Vert.x 4.5.25 then closes that stream's HTTP/1.1 connection
 * ({@code Http1xClientConnection.reset}: a stream whose response ended marks its connection for closing), and by
 * then the pool may have handed the connection to another client's request: that request failed with "Connection was
 * closed" and its client got a 503 although the service was fine. The webhook benchmark hit it each time one load
 * generator closed its 16 connections while the next opened 64. A finished exchange has nothing left to reset, so
 * the reset is dropped; an unfinished one is reset as before.
 */
@RegisterForProxy(targets = HttpClientRequest.class)
final class FinishedExchangeGuard implements InvocationHandler {

    private final HttpClientRequest request;

    private FinishedExchangeGuard(HttpClientRequest request) {
        this.request = request;
    }

    /** {@code request}, except that {@code reset(...)} does nothing once its response has been received in full. */
    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, new FinishedExchangeGuard(request));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("reset") && responseEnded()) {
            return false; // as Vert.x answers for a stream it did not reset
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + request;
            };
        }
        try {
            Object result = method.invoke(request, args);
            return result == request ? proxy : result; // fluent setters keep answering the guarded request
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether the response was received in full. Vert.x 4.5 has no query for it, but {@code end()} (the future of the
     * response's end) refuses with an {@link IllegalStateException} once the response has ended; on a response still
     * running it only hands out that future, and the request is about to be reset anyway.
     */
    private boolean responseEnded() {
        Future<HttpClientResponse> response = request.response();
        if (!response.succeeded()) {
            return false; // no response yet (or none coming): a reset is what it needs
        }
        try {
            response.result().end();
            return false;
        } catch (IllegalStateException ended) {
            return true;
        }
    }
}
