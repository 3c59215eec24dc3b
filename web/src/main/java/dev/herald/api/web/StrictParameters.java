package dev.herald.api.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Numbers and booleans in parameters, strictly: {@code page=abc} is a 400 naming the parameter (JAX-RS would answer
 * 404 for a query parameter that does not convert), and {@code trace=maybe} is refused instead of read as false.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(annotations, "an integer", Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(annotations, "an integer", Long::valueOf);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(annotations, "true or false", StrictParameters::bool);
        }
        return null;
    }

    static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }

    private record Strict<T>(Annotation[] annotations, String expected, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                throw new IllegalArgumentException("no value");
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Problems.response(
                        RequestProblems.invalidParameter(kind(), name(), value, expected)));
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }

        private String kind() {
            for (Annotation a : annotations) {
                if (a instanceof PathParam) {
                    return "path";
                }
                if (a instanceof HeaderParam) {
                    return "header";
                }
            }
            return "query";
        }

        private String name() {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
            return "?";
        }
    }
}
