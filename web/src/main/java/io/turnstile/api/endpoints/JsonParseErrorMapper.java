package io.turnstile.api.endpoints;

import io.turnstile.api.ApiError;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that is not the JSON the resource expects: 400 {@code {"detail": "JSON parse error - ..."}} (the
 * contract's example of {@code response_http400}) instead of a 500. Jersey's JSON-B reader reports such bodies as a
 * {@link ProcessingException} caused by a {@link JsonbException}. Applies to the whole API; other processing failures
 * keep their status (500, or the one a wrapped {@link WebApplicationException} carries).
 */
@Provider
public class JsonParseErrorMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(JsonParseErrorMapper.class.getName());
    private static final int MAX_DETAIL = 300;

    @Override
    public Response toResponse(ProcessingException e) {
        String problem = jsonProblem(e);
        if (problem != null) {
            return ApiError.badRequest("JSON parse error - " + problem).getResponse();
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException w) {
                return w.getResponse();
            }
        }
        LOG.log(Level.WARNING, "request processing failed", e);
        return ApiError.status(Response.Status.INTERNAL_SERVER_ERROR, "internal error").getResponse();
    }

    /**
     * What is wrong with the JSON, from the JSON-B or JSON-P exceptions among the causes (the outermost names the
     * property, the innermost the position); {@code null} if no cause is about JSON.
     */
    static String jsonProblem(Throwable e) {
        String outer = null;
        String inner = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if ((t instanceof JsonbException || t instanceof JsonException) && t.getMessage() != null) {
                if (outer == null) {
                    outer = t.getMessage();
                }
                inner = t.getMessage();
            }
        }
        if (outer == null) {
            return null;
        }
        String detail = outer.equals(inner) || outer.contains(inner) ? outer : outer + ": " + inner;
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...";
    }
}
