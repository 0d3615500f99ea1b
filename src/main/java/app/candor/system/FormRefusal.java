package app.candor.system;

import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * The one answer of a page form a service refused: the page again, with the refusal's status, showing the
 * form as typed and its errors. A 404 is not a form error (the thing is gone or not the viewer's): it goes
 * to the error page like any other missing page.
 */
public final class FormRefusal {

    private FormRefusal() {
    }

    /** {@code page} renders the page with the refused form; it is only called for a refusal that is about the form. */
    public static Response reshow(ProblemException e, Supplier<?> page) {
        if (e.status == 404) {
            throw e;
        }
        return Response.status(e.status).entity(page.get()).build();
    }
}
