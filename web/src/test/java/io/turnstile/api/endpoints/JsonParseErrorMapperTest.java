package io.turnstile.api.endpoints;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParseErrorMapperTest {

    @Test
    void namesTheJsonProblemFromTheCauses() {
        var parse = new JsonParsingException("Unexpected char 125 at (line no=1, column no=9, offset=8)", null);
        var bind = new JsonbException("Unable to deserialize property 'mac'", parse);
        var jersey = new ProcessingException("Error deserializing object from entity stream.", bind);
        assertEquals("Unable to deserialize property 'mac': Unexpected char 125 at (line no=1, column no=9,"
                + " offset=8)", JsonParseErrorMapper.jsonProblem(jersey));
    }

    @Test
    void singleCause() {
        var jersey = new ProcessingException("x", new JsonbException("Invalid JSON"));
        assertEquals("Invalid JSON", JsonParseErrorMapper.jsonProblem(jersey));
    }

    @Test
    void notAboutJson() {
        assertNull(JsonParseErrorMapper.jsonProblem(new ProcessingException("socket closed",
                new java.io.IOException("reset"))));
    }

    @Test
    void longMessagesAreCut() {
        var jersey = new ProcessingException("x", new JsonbException("y".repeat(1000)));
        String problem = JsonParseErrorMapper.jsonProblem(jersey);
        assertEquals(300, problem.length());
        assertTrue(problem.endsWith("..."));
    }
}
