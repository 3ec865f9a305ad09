package io.turnstile.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages the console shows above a page: the services' own wording of what was done or refused. */
public final class ConsoleMessages {

    private ConsoleMessages() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** An error; marks validation as failed so that a dialog stays open (PrimeFaces' {@code args.validationFailed}). */
    public static void error(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }
}
