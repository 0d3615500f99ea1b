package app.candor.message.template;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Preview;
import app.candor.requisition.Requisition;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.user.Role;
import app.candor.user.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Letter templates over the API: what each kind offers (placeholders), the version in force and the history, saving,
 * going back to a version or to the built-in letter, and a preview with a sample candidate or a real application.
 * Admins, and recruiters while an admin allows it ({@link LetterTemplatePolicy}).
 */
@Path("/api/letter-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Letter templates")
@RolesAllowed({Role.ADMIN, Role.RECRUITER})
public class LetterTemplateResource {

    @Inject
    LetterTemplates templates;

    @Inject
    LetterTemplateViews views;

    @Inject
    LetterTemplateEditors editors;

    @Inject
    CandorConfig config;

    public record PlaceholderView(String name, String meaning) {
    }

    /** {@code id}: what a letter records as its template version. */
    public record VersionView(Long id, int number, String subject, String body, boolean builtIn, String by, Instant at) {
        static VersionView of(LetterTemplateVersion v) {
            return new VersionView(v.id, v.number, v.subject, v.body, v.builtIn(), v.createdBy, v.createdAt);
        }
    }

    public record TemplateView(MessageKind kind, String language, List<PlaceholderView> placeholders, VersionView current) {
    }

    public record TemplateInput(String subject, String body) {
    }

    public record RevertInput(Integer version) {
    }

    public record PreviewInput(String subject, String body, Long applicationId) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every candidate letter kind and language: its placeholders and the version in force (none: the built-in letter)")
    public List<TemplateView> list() {
        editor();
        List<TemplateView> all = new ArrayList<>();
        for (MessageKind kind : Placeholders.editableKinds()) {
            for (String language : Placeholders.languages(kind, config.languages())) {
                all.add(new TemplateView(kind, language, placeholders(kind),
                        LetterTemplateVersion.latest(kind, language).map(VersionView::of).orElse(null)));
            }
        }
        return all;
    }

    /** {@code retired}: when it was retired (no longer offered); null while in use. */
    public record NamedView(Long id, MessageKind kind, String name, boolean defaultForKind, Instant retired,
                            Map<String, VersionView> current) {
    }

    public record RenameInput(String name) {
    }

    public record NamedInput(MessageKind kind, String name, boolean defaultForKind) {
    }

    public record DefaultInput(boolean defaultForKind) {
    }

    /** {@code recruitersMayEdit}: whether recruiters may edit letter templates besides admins; who changed it, when. */
    public record PolicyView(boolean recruitersMayEdit, String changedBy, Instant changedAt) {
        static PolicyView of(LetterTemplatePolicy p) {
            return new PolicyView(p.recruitersMayEdit, p.changedBy, p.changedAt);
        }
    }

    public record PolicyInput(Boolean recruitersMayEdit) {
    }

    @GET
    @Path("policy")
    @Transactional
    @Operation(summary = "Who may edit letter templates: admins, and recruiters while an admin allows it")
    public PolicyView policy() {
        editor();
        return PolicyView.of(LetterTemplatePolicy.current());
    }

    @PUT
    @Path("policy")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Let recruiters edit letter templates ({\"recruitersMayEdit\":true}), or no longer (admins only)")
    public PolicyView setPolicy(PolicyInput input) {
        if (input == null || input.recruitersMayEdit() == null) {
            throw ProblemException.invalidField("recruitersMayEdit", "is required: true or false");
        }
        return PolicyView.of(editors.allowRecruiters(input.recruitersMayEdit(), editor()));
    }

    @GET
    @Path("named")
    @Transactional
    @Operation(summary = "The named templates of a kind (?kind=REJECTION), each with its version in force per language")
    public List<NamedView> named(@QueryParam("kind") MessageKind kind) {
        editor();
        return templates.named(kind).stream().map(this::view).toList();
    }

    @POST
    @Path("named")
    @Transactional
    @Operation(summary = "A new named template of a kind ({\"kind\":\"REJECTION\",\"name\":\"After final interview\"}); offered once it has a text")
    public NamedView create(NamedInput input) {
        User me = editor();
        if (input == null) {
            throw ProblemException.invalidField("name", "is required");
        }
        return view(templates.create(input.kind(), input.name(), input.defaultForKind(), me));
    }

    @PUT
    @Path("named/{id}/default")
    @Transactional
    @Operation(summary = "Make it the kind's default, preselected where a letter is chosen ({\"defaultForKind\":true}), or no longer")
    public NamedView markDefault(@PathParam("id") long id, DefaultInput input) {
        editor();
        return view(templates.markDefault(id, input != null && input.defaultForKind()));
    }

    @PUT
    @Path("named/{id}")
    @Transactional
    @Operation(summary = "Rename a named template ({\"name\":\"After the final interview\"}); its versions and letters stay")
    public NamedView rename(@PathParam("id") long id, RenameInput input) {
        editor();
        return view(templates.rename(id, input == null ? null : input.name()));
    }

    @POST
    @Path("named/{id}/retire")
    @Transactional
    @Operation(summary = "Retire a named template: no longer offered or preselected; letters composed from it keep their record")
    public NamedView retire(@PathParam("id") long id) {
        User me = editor();
        return view(templates.retire(id, me));
    }

    @POST
    @Path("named/{id}/{language}/revert")
    @Operation(summary = "Go back to a saved version of a named template ({\"version\":3}), as a new version")
    public VersionView revertNamed(@PathParam("id") long id, @PathParam("language") String language, RevertInput input) {
        User me = editor();
        if (input == null || input.version() == null) {
            throw ProblemException.invalidField("version", "is required: the number of a saved version");
        }
        return VersionView.of(templates.revertNamed(id, language, input.version(), me));
    }

    @PUT
    @Path("named/{id}/{language}")
    @Operation(summary = "Save a new version of a named template in a language; checked as the standard letter is")
    public VersionView saveNamed(@PathParam("id") long id, @PathParam("language") String language, TemplateInput input) {
        User me = editor();
        return VersionView.of(templates.saveNamed(id, language, input == null ? null : input.subject(), input == null ? null : input.body(), me));
    }

    @GET
    @Path("named/{id}/{language}/versions")
    @Operation(summary = "Every saved version of a named template in a language, newest first")
    public List<VersionView> namedVersions(@PathParam("id") long id, @PathParam("language") String language) {
        editor();
        return templates.historyNamed(id, language).stream().map(VersionView::of).toList();
    }

    private NamedView view(LetterTemplate t) {
        Map<String, VersionView> current = new LinkedHashMap<>();
        for (String language : config.languages()) {
            LetterTemplateVersion.latest(t.id, t.kind, language).ifPresent(v -> current.put(language, VersionView.of(v)));
        }
        return new NamedView(t.id, t.kind, t.name, t.defaultForKind, t.retiredAt, current);
    }

    @GET
    @Path("{kind}/{language}/versions")
    @Operation(summary = "Every saved version, newest first, with who saved it and when")
    public List<VersionView> versions(@PathParam("kind") MessageKind kind, @PathParam("language") String language) {
        editor();
        return templates.history(kind, language).stream().map(VersionView::of).toList();
    }

    @PUT
    @Path("{kind}/{language}")
    @Operation(summary = "Save a new version; refused with the line when it uses an unknown placeholder or markup")
    public VersionView save(@PathParam("kind") MessageKind kind, @PathParam("language") String language, TemplateInput input) {
        User me = editor();
        return VersionView.of(templates.save(kind, language, input == null ? null : input.subject(), input == null ? null : input.body(), me));
    }

    @POST
    @Path("{kind}/{language}/revert")
    @Operation(summary = "Go back to a saved version ({\"version\":3}) or to the built-in letter ({\"version\":null}), as a new version")
    public VersionView revert(@PathParam("kind") MessageKind kind, @PathParam("language") String language, RevertInput input) {
        User me = editor();
        return VersionView.of(templates.revert(kind, language, input == null ? null : input.version(), me));
    }

    @POST
    @Path("{kind}/{language}/preview")
    @Transactional
    @Operation(summary = "The letter a template as typed would write, for a sample candidate or a real application; writes nothing")
    public Preview preview(@PathParam("kind") MessageKind kind, @PathParam("language") String language, PreviewInput input) {
        User me = editor();
        if (input == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        LetterTemplates.Edited draft = templates.draft(kind, language, input.subject(), input.body());
        Application application = input.applicationId() == null || !kind.toCandidate() ? null
                : views.candidate(input.applicationId(), language, me);
        if (input.applicationId() != null && !kind.toCandidate()) {
            throw ProblemException.invalidField("applicationId", "the digest goes to a recruiter: it is previewed with sample candidates");
        }
        return Preview.of(views.compose(kind, language, draft, me, application), 1);
    }

    private User editor() {
        return editors.require();
    }

    private static List<PlaceholderView> placeholders(MessageKind kind) {
        return Placeholders.of(kind).stream().map(p -> new PlaceholderView(p.name(), p.meaning())).toList();
    }

    /** The content a sample letter of this kind carries: a date, an interview, a note where the kind has them. */
    static MessageComposer.Content sample(MessageKind kind) {
        LocalDate date = LocalDate.now().plusDays(14);
        MessageComposer.InterviewFacts interview = switch (kind) {
            case INTERVIEW_INVITATION, INTERVIEW_RESCHEDULED, INTERVIEW_CANCELLED -> new MessageComposer.InterviewFacts(
                    Instant.now().plusSeconds(7 * 86_400L), "VIDEO", "https://meet.example.com/sample",
                    List.of("Grace Hopper, Head of Platform", "Alan Turing, Principal Engineer"));
            default -> null;
        };
        return new MessageComposer.Content(kind, kind == MessageKind.FEEDBACK ? "Clear answers on system design; practise estimation."
                : "We enjoyed meeting you.", date, false, List.of("Data Analyst", "Product Designer"), interview);
    }

    /** A candidate who exists only for the preview: Dr Lise Meitner, applying for "Sample role". */
    static Application sample(String language) {
        Candidate c = new Candidate();
        c.salutation = "Ms Dr";
        c.firstName = "Lise";
        c.lastName = "Meitner";
        c.email = "lise.meitner@example.com";
        c.language = language;
        c.preferredChannel = Channel.EMAIL;
        Application a = new Application();
        a.candidate = c;
        a.requisition = new Requisition();
        a.requisition.title = "Sample role";
        return a;
    }
}
