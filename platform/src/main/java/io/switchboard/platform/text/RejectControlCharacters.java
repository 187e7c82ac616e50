package io.switchboard.platform.text;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every String a request body binds to passes {@link ControlCharacters}: one check for every DTO field of
 * every service, present and future, with the JSON path of the offending field in the 400 problem.
 */
@Singleton
public class RejectControlCharacters implements ObjectMapperCustomizer {

    /** Thrown while binding; rendered by ProblemMappers as a validation problem on the field's path. */
    public static final class ControlCharacterException extends JsonMappingException {
        ControlCharacterException(JsonParser parser) {
            super(parser, ControlCharacters.MESSAGE);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("switchboard-control-characters")
                .addDeserializer(String.class, new Checked()));
    }

    static final class Checked extends StdScalarDeserializer<String> {
        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (ControlCharacters.containsForbidden(value)) {
                throw new ControlCharacterException(parser);
            }
            return value;
        }
    }
}
