package io.switchboard.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ControlCharactersTest {

    record Body(String name, Map<String, String> tags) {
    }

    @Test
    void nulOtherC0ControlsAndUnpairedSurrogatesAreForbiddenButWhitespaceAndUnicodeAreText() {
        assertTrue(ControlCharacters.containsForbidden("a\u0000b"));
        assertTrue(ControlCharacters.containsForbidden("\u001b[31m"));
        assertTrue(ControlCharacters.containsForbidden("\u007f"));
        assertFalse(ControlCharacters.containsForbidden("line one\r\nline\ttwo"));
        assertFalse(ControlCharacters.containsForbidden("Zoë 🎧 日本語 \u0301"));
        assertFalse(ControlCharacters.containsForbidden(null));
        assertTrue(ControlCharacters.containsForbidden("x\ud800y"));
        assertTrue(ControlCharacters.containsForbidden("x\udc00"));
        assertTrue(ControlCharacters.containsForbidden("\ud83d"));
        assertFalse(ControlCharacters.containsForbidden("\ud83c\udfa7"));
    }

    @Test
    void theJacksonModuleRefusesAForbiddenStringAndNamesItsPath() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new RejectControlCharacters().customize(mapper);
        assertEquals("Ada", mapper.readValue("{\"name\":\"Ada\"}", Body.class).name());
        JsonMappingException e = assertThrows(RejectControlCharacters.ControlCharacterException.class,
                () -> mapper.readValue("{\"name\":\"Ada\\u0000\"}", Body.class));
        assertEquals("name", e.getPath().get(0).getFieldName());
        assertThrows(RejectControlCharacters.ControlCharacterException.class,
                () -> mapper.readValue("{\"tags\":{\"k\":\"v\\u0007\"}}", Body.class));
    }
}
