package io.switchboard.calls.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FunctionInvokerMaskTest {

    @Test
    void everyStoredSecretValueInAToolsAnswerIsMasked() {
        assertEquals("{\"echo\":\"Bearer ****\",\"user\":\"****:****\"}", FunctionInvoker.mask(
                "{\"echo\":\"Bearer tok-123456\",\"user\":\"alice:pa55word\"}",
                Map.of("token", "tok-123456", "username", "alice", "password", "pa55word")));
    }
}
