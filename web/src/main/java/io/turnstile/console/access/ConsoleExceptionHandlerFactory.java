package io.turnstile.console.access;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Answers a refused console call ({@link ConsoleAccessDeniedException}, wrapped in whatever Faces and EL add) with its
 * HTTP status (403, or 401) instead of an error page with a stack trace. Other exceptions go to the default handler.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (t != null && !(t instanceof ConsoleAccessDeniedException)) {
                    t = t.getCause();
                }
                if (t instanceof ConsoleAccessDeniedException denied) {
                    events.remove();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    try {
                        if (!faces.getExternalContext().isResponseCommitted()) {
                            faces.getExternalContext().responseReset();
                            faces.getExternalContext().responseSendError(denied.status(), denied.getMessage());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    faces.responseComplete();
                }
            }
            getWrapped().handle();
        }
    }
}
