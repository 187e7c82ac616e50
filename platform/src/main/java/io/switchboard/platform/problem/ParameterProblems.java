package io.switchboard.platform.problem;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * Finds which query, path or header parameter could not be converted to its declared type. RESTEasy
 * Reactive reports such a failure as a bare 404 (query and path) or 400 (header) whose cause does not name
 * the parameter; this re-checks the request's raw values against the resource method's parameters so the
 * problem can say {@code limit: must be a number}. It converts the way JAX-RS does: primitives and their
 * wrappers, UUID, enums, {@code java.time} types, and any type with {@code valueOf}/{@code fromString}/
 * {@code parse}/String constructor.
 */
final class ParameterProblems {

    record Offending(String name, String message) {
    }

    private ParameterProblems() {
    }

    static Optional<Offending> find(ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            Optional<Offending> found = parameter.isAnnotationPresent(BeanParam.class)
                    ? inBean(parameter.getType(), uri, headers)
                    : check(parameter, parameter.getType(), uri, headers);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Offending> inBean(Class<?> bean, UriInfo uri, HttpHeaders headers) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Optional<Offending> found = check(field, field.getType(), uri, headers);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Offending> check(AnnotatedElement element, Class<?> type, UriInfo uri, HttpHeaders headers) {
        String name;
        List<String> raw;
        if (element.getAnnotation(QueryParam.class) != null) {
            name = element.getAnnotation(QueryParam.class).value();
            raw = uri.getQueryParameters().get(name);
        } else if (element.getAnnotation(PathParam.class) != null) {
            name = element.getAnnotation(PathParam.class).value();
            raw = uri.getPathParameters().get(name);
        } else if (element.getAnnotation(HeaderParam.class) != null && headers != null) {
            name = element.getAnnotation(HeaderParam.class).value();
            raw = headers.getRequestHeader(name);
        } else {
            return Optional.empty();
        }
        if (raw == null || Collection.class.isAssignableFrom(type) || Optional.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        for (String value : raw) {
            if (!converts(value, type)) {
                return Optional.of(new Offending(name, expectation(type)));
            }
        }
        return Optional.empty();
    }

    static boolean converts(String value, Class<?> type) {
        try {
            if (type == String.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value.trim());
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value.trim());
            } else if (type == boolean.class || type == Boolean.class) {
                return "true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim());
            } else if (type == UUID.class) {
                UUID.fromString(value.trim());
            } else {
                return viaFactory(value, type).orElse(true);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Tries the factories JAX-RS uses; empty if the type has none we know (then we do not blame it). */
    private static Optional<Boolean> viaFactory(String value, Class<?> type) {
        for (String factory : List.of("fromString", "valueOf", "parse")) {
            for (Class<?> argument : List.of(String.class, CharSequence.class)) {
                try {
                    Method m = type.getMethod(factory, argument);
                    if (Modifier.isStatic(m.getModifiers())) {
                        return Optional.of(invokes(() -> m.invoke(null, value)));
                    }
                } catch (NoSuchMethodException e) {
                    // try the next one
                }
            }
        }
        try {
            Constructor<?> constructor = type.getConstructor(String.class);
            return Optional.of(invokes(() -> constructor.newInstance(value)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static boolean invokes(Call call) {
        try {
            return call.run() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String expectation(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "must be a whole number within range";
        }
        if (type == double.class || type == Double.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date like 2026-01-31";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "must be a timestamp like 2026-01-31T09:00:00Z";
        }
        if (type.isEnum()) {
            return "must be one of the documented values";
        }
        return "has the wrong format";
    }
}
