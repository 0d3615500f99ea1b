package app.candor.candidatepage;

import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.CandidateService;
import app.candor.candidate.Channel;
import app.candor.message.MessageService;
import app.candor.message.MessageView;
import app.candor.system.CandorConfig;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.user.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** Candidates as people: search, create, and edit their details (recruiters only). */
@Path("/candidates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.RECRUITER)
public class CandidatePages {

    @Inject
    CandidateService candidates;

    @Inject
    CandorConfig config;

    @Inject
    MessageService messages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Candidate> candidates, String q);

        static native TemplateInstance form(Long id, Form form, List<Channel> channels, List<String> languages,
                                            CandidateView candidate, List<MessageView> messages, String undeliverable);
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q) {
        return Templates.list(candidates.search(q), q == null ? "" : q);
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return form(null, Form.empty().with("preferredChannel", Channel.EMAIL).with("language", config.languages().get(0)), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String salutation, @RestForm String firstName, @RestForm String lastName,
                           @RestForm String firstNameTerms, @RestForm String email, @RestForm String phone,
                           @RestForm String preferredChannel, @RestForm String language) {
        Form form = form(salutation, firstName, lastName, firstNameTerms, email, phone, preferredChannel, language);
        try {
            Candidate c = candidates.create(input(form));
            return Flash.redirect("/candidates/" + c.id, c.displayName() + " added.");
        } catch (ProblemException e) {
            return Response.status(e.status).entity(form(null, form.fail(e), null)).build();
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@PathParam("id") long id) {
        Candidate c = candidates.find(id).orElseThrow(() -> ProblemException.notFound("Candidate", id));
        Form form = Form.empty().with("salutation", c.salutation).with("firstName", c.firstName).with("lastName", c.lastName)
                .with("firstNameTerms", c.firstNameTerms).with("email", c.email).with("phone", c.phone)
                .with("preferredChannel", c.preferredChannel).with("language", c.language);
        return form(id, form, CandidateResource.viewWithApplications(c));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String salutation, @RestForm String firstName,
                           @RestForm String lastName, @RestForm String firstNameTerms, @RestForm String email,
                           @RestForm String phone, @RestForm String preferredChannel, @RestForm String language) {
        Form form = form(salutation, firstName, lastName, firstNameTerms, email, phone, preferredChannel, language);
        return FormRefusal.attempt(() -> {
            candidates.update(id, input(form));
            return Flash.redirect("/candidates/" + id, "Candidate details saved.");
        }, e -> form(id, form.fail(e), candidateView(id)));
    }

    @Transactional
    CandidateView candidateView(long id) {
        return candidates.find(id).map(CandidateResource::viewWithApplications).orElse(null);
    }

    private TemplateInstance form(Long id, Form form, CandidateView candidate) {
        if (candidate == null) {
            return Templates.form(id, form, List.of(Channel.values()), config.languages(), null, List.of(), null);
        }
        String undeliverable = candidates.find(candidate.id()).map(c -> c.emailUndeliverable).orElse(null);
        return Templates.form(id, form, List.of(Channel.values()), config.languages(), candidate,
                messages.forCandidate(candidate.id()), undeliverable);
    }

    private static Form form(String salutation, String firstName, String lastName, String firstNameTerms, String email,
                             String phone, String preferredChannel, String language) {
        return Form.empty().with("salutation", salutation).with("firstName", firstName).with("lastName", lastName)
                .with("firstNameTerms", firstNameTerms).with("email", email).with("phone", phone)
                .with("preferredChannel", preferredChannel).with("language", language);
    }

    private static CandidateInput input(Form form) {
        Channel channel = Form.enumValue("preferredChannel", form.value("preferredChannel"), Channel.class);
        return new CandidateInput(form.value("salutation"), form.value("firstName"), form.value("lastName"),
                form.checked("firstNameTerms"), form.value("email"), form.value("phone"), channel, form.value("language"));
    }
}
