package app.candor.system;

import jakarta.ws.rs.core.Response;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one answer of a page form a service refused: the page again, with the refusal's status, showing the
 * form as typed and its errors. A 404 is not a form error (the thing is gone or not the viewer's): it goes
 * to the error page like any other missing page.
 */
public final class FormRefusal {

    private FormRefusal() {
    }

    /**
     * A page form's action: its answer (a redirect with a flash, a preview), or, when a service refuses it, the page
     * again as {@link #reshow} answers. {@code pageWithErrors} renders the page with the refused form.
     */
    public static Response attempt(Supplier<Response> action, Function<ProblemException, ?> pageWithErrors) {
        try {
            return action.get();
        } catch (ProblemException e) {
            return reshow(e, () -> pageWithErrors.apply(e));
        }
    }

    /** {@code page} renders the page with the refused form; it is only called for a refusal that is about the form. */
    public static Response reshow(ProblemException e, Supplier<?> page) {
        if (e.status == 404) {
            throw e;
        }
        return Response.status(e.status).entity(page.get()).build();
    }
}
