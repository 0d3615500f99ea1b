package app.candor.user;

import app.candor.application.Application;
import app.candor.interview.InterviewApiTest;
import app.candor.message.Message;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix: every API route and page that names a requisition, application, interview or
 * message (and what hangs under them: feedback, history, pipeline), walked as the requisition's own
 * hiring manager, another hiring manager, a recruiter and an anonymous caller. The API routes come
 * from the OpenAPI document and the pages from the {@code @Path} annotations of the {@code *Pages}
 * classes, so a route added later is in the matrix without touching this test; a route that names a
 * kind of object or a second parameter the test does not know fails {@link #everyRouteWithAParameterIsEitherInTheMatrixOrExplicitlyLeftOut}.
 */
@QuarkusTest
class AccessMatrixTest {

    /** The objects a route may name (by the path segment before its first parameter) that hiring managers are scoped to. */
    enum Kind {
        REQUISITION, APPLICATION, INTERVIEW, MESSAGE;

        static Kind of(String segment) {
            return switch (segment) {
                case "requisitions" -> REQUISITION;
                case "applications" -> APPLICATION;
                case "interviews" -> INTERVIEW;
                case "messages" -> MESSAGE;
                default -> null;
            };
        }
    }

    /**
     * Routes with a parameter that are deliberately not in the matrix: they name no requisition,
     * application, interview or message (recruiter-only or admin-only objects).
     */
    static final Set<String> OUT_OF_SCOPE_PREFIXES = Set.of(
            "/api/candidates/", "/api/admin/users/", "/candidates/", "/admin/users/", "/api/tokens/", "/account/tokens/",
            "/api/admin/candidates/", "/admin/privacy/", "/api/admin/webhooks/", "/admin/webhooks/",
            // Letter templates (admins; recruiters where allowed): LetterTemplatesApiTest checks who may edit.
            "/api/letter-templates/", "/admin/letters/");

    /** Second path parameters the test knows how to fill, by name, from the fixture. */
    static final Set<String> KNOWN_SECOND_PARAMETERS = Set.of("interviewId", "messageId", "applicationId");

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    /** One requisition managed by {@code owner}, with an application, an interview on it, its confirmation message and a feedback draft. */
    record Fixture(User recruiter, User owner, User otherManager, long requisitionId, long applicationId, long interviewId,
                   long messageId) {

        long idOf(Kind kind) {
            return switch (kind) {
                case REQUISITION -> requisitionId;
                case APPLICATION -> applicationId;
                case INTERVIEW -> interviewId;
                case MESSAGE -> messageId;
            };
        }

        long idOfParameter(String name, Kind firstKind) {
            return switch (name) {
                case "interviewId" -> interviewId;
                case "messageId" -> messageId;
                case "applicationId" -> applicationId;
                default -> throw new AssertionError("unknown path parameter {" + name + "}");
            };
        }
    }

    /** A route that names an object: method, template, and the kind its first parameter names. */
    record Route(String method, String template, Kind kind, String consumes) {

        String path(Fixture f) {
            return fill(f, f.idOf(kind));
        }

        /** The same route with its first parameter naming something that does not exist. */
        String pathToNothing(Fixture f) {
            return fill(f, Long.MAX_VALUE - 1);
        }

        private String fill(Fixture f, long firstId) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            boolean first = true;
            while (m.find()) {
                long id = first ? firstId : f.idOfParameter(m.group(1), kind);
                first = false;
                m.appendReplacement(out, String.valueOf(id));
            }
            m.appendTail(out);
            return out.toString();
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Fixture fixture() {
        User recruiter = data.recruiter();
        User owner = data.hiringManager();
        User other = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, owner);
        Application application = data.application(requisition, recruiter);
        long interviewId = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(2), "PHONE", null,
                        List.of(Map.of("name", "Grace Hopper", "title", "Head of Platform"))))
                .when().post("/api/applications/" + application.id + "/interviews")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        List<Integer> messages = json(recruiter).when().get("/api/applications/" + application.id + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertThat(messages).as("the interview confirmation is a message on the application").isNotEmpty();
        clock.set(Instant.now().plus(Duration.ofDays(3)));
        try {
            json(owner).body(Map.of("strengths", "Clear thinker")).when().put("/api/interviews/" + interviewId + "/feedback")
                    .then().statusCode(200);
        } finally {
            clock.reset();
        }
        return new Fixture(recruiter, owner, other, requisition.id, application.id, interviewId, messages.get(0));
    }

    // --- discovery -----------------------------------------------------------------------------

    /** Every (method, path) of the OpenAPI document, with the media type its body takes (null without a body). */
    private static List<Route> allApiRoutes(User reader) {
        JsonPath doc = json(reader).when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Route> routes = new ArrayList<>();
        for (var path : paths.entrySet()) {
            // The document lists the pages too; they are walked from their classes, with a session.
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes.add(new Route(method, path.getKey(), kindOf(path.getKey()), consumes(op.getValue())));
            }
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static String consumes(Object operation) {
        if (!(operation instanceof Map<?, ?> op) || !(op.get("requestBody") instanceof Map<?, ?> body)
                || !(body.get("content") instanceof Map<?, ?> content) || content.isEmpty()) {
            return null;
        }
        Set<String> types = (Set<String>) content.keySet();
        return types.contains("application/json") ? "application/json" : types.iterator().next();
    }

    /** The kind named by the path segment before the first parameter, or null. */
    static Kind kindOf(String template) {
        int brace = template.indexOf('{');
        if (brace < 0) {
            return null;
        }
        String[] segments = template.substring(0, brace).split("/");
        return segments.length == 0 ? null : Kind.of(segments[segments.length - 1]);
    }

    private static boolean outOfScope(String template) {
        return OUT_OF_SCOPE_PREFIXES.stream().anyMatch(template::startsWith);
    }

    private static List<Route> matrixApiRoutes(User reader) {
        return allApiRoutes(reader).stream().filter(r -> r.template().startsWith("/api/") && r.kind() != null).toList();
    }

    /** Every GET page route of the {@code *Pages} classes, from their {@code @Path} annotations. */
    static List<String> allPageTemplates() {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<String> templates = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("app/candor"))) {
            for (java.nio.file.Path file : files.filter(p -> p.getFileName().toString().endsWith("Pages.class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> pages = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                Path root = pages.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : pages.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(GET.class)) {
                        Path sub = m.getAnnotation(Path.class);
                        templates.add(join(root.value(), sub == null ? "" : sub.value()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return templates.stream().distinct().sorted().toList();
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Route> matrixPageRoutes() {
        return allPageTemplates().stream().filter(t -> kindOf(t) != null).map(t -> new Route("GET", t, kindOf(t), null)).toList();
    }

    // --- the checks of discovery itself --------------------------------------------------------

    @Test
    void everyRouteWithAParameterIsEitherInTheMatrixOrExplicitlyLeftOut() {
        User recruiter = data.recruiter();
        List<String> templates = new ArrayList<>();
        allApiRoutes(recruiter).forEach(r -> templates.add(r.template()));
        templates.addAll(allPageTemplates());
        Set<String> unknown = new TreeSet<>();
        for (String t : templates) {
            if (!t.contains("{") || outOfScope(t)) {
                continue;
            }
            if (kindOf(t) == null) {
                unknown.add(t + " (names an object this test does not know)");
            }
            Matcher m = PARAM.matcher(t);
            boolean first = true;
            while (m.find()) {
                if (!first && !KNOWN_SECOND_PARAMETERS.contains(m.group(1))) {
                    unknown.add(t + " (unknown parameter {" + m.group(1) + "})");
                }
                first = false;
            }
        }
        assertThat(unknown).as("routes the access matrix cannot fill: add the object to Kind and the fixture, "
                + "the parameter to KNOWN_SECOND_PARAMETERS, or the prefix to OUT_OF_SCOPE_PREFIXES").isEmpty();
    }

    @Test
    void discoveryFindsTheKnownRoutesSoTheMatrixIsNotSilentlyEmpty() {
        List<String> api = matrixApiRoutes(data.recruiter()).stream().map(Route::toString).toList();
        assertThat(api).contains("GET /api/requisitions/{id}", "PUT /api/requisitions/{id}",
                "GET /api/requisitions/{requisitionId}/applications", "GET /api/applications/{id}",
                "POST /api/applications/{id}/outcome", "GET /api/interviews/{id}", "GET /api/interviews/{id}/feedback",
                "PUT /api/interviews/{id}/feedback", "GET /api/messages/{id}");
        List<String> pages = matrixPageRoutes().stream().map(Route::template).toList();
        assertThat(pages).contains("/requisitions/{id}", "/applications/{id}", "/interviews/{id}/feedback", "/messages/{id}");
    }

    // --- the matrix ----------------------------------------------------------------------------

    private static RequestSpecification withBody(RequestSpecification spec, Route route) {
        if (route.isRead()) {
            return spec.accept(ContentType.JSON);
        }
        String type = route.consumes() == null ? "application/json" : route.consumes();
        return type.contains("json") ? spec.accept(ContentType.JSON).contentType(type).body("{}")
                : spec.accept(ContentType.JSON).contentType(type).body(new byte[0]);
    }

    private static Response call(RequestSpecification spec, Route route, String path) {
        return withBody(spec.redirects().follow(false), route).when().request(route.method(), path);
    }

    private static String cell(Route route, String path, String role, Response r) {
        return route + " at " + path + " by " + role + " -> " + r.statusCode() + " " + r.asString();
    }

    @TestFactory
    Stream<DynamicTest> everyApiRouteNamingAnObjectIsScopedToItsHiringManager() {
        List<Route> routes = matrixApiRoutes(data.recruiter());
        Log.infof("access matrix, API routes: %s", routes);
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
            Fixture f = fixture();
            String path = route.path(f);

            Response anonymous = call(given(), route, path);
            assertThat(anonymous.statusCode()).as(cell(route, path, "anonymous", anonymous)).isEqualTo(401);

            Response other = call(given().auth().preemptive().basic(f.otherManager().username, TestData.PASSWORD), route, path);
            Response nothing = call(given().auth().preemptive().basic(f.otherManager().username, TestData.PASSWORD), route,
                    route.pathToNothing(f));
            if (route.isRead()) {
                assertThat(other.statusCode()).as(cell(route, path, "another hiring manager", other)).isEqualTo(404);
            } else {
                // A recruiter-only write is refused by role (403) before the object is looked up; either way the
                // answer must be the one for an object that does not exist, so that it says nothing.
                assertThat(other.statusCode()).as(cell(route, path, "another hiring manager", other)).isIn(403, 404);
            }
            assertThat(other.statusCode()).as(cell(route, path, "another hiring manager", other)
                            + " should answer as for a missing object: " + nothing.statusCode())
                    .isEqualTo(nothing.statusCode());

            Response owner = call(given().auth().preemptive().basic(f.owner().username, TestData.PASSWORD), route, path);
            if (route.isRead()) {
                assertThat(owner.statusCode()).as(cell(route, path, "the requisition's hiring manager", owner)).isEqualTo(200);
            } else {
                assertThat(owner.statusCode()).as(cell(route, path, "the requisition's hiring manager", owner))
                        .isNotEqualTo(404).isLessThan(500);
            }

            Response recruiter = call(given().auth().preemptive().basic(f.recruiter().username, TestData.PASSWORD), route, path);
            if (route.isRead()) {
                assertThat(recruiter.statusCode()).as(cell(route, path, "a recruiter", recruiter)).isEqualTo(200);
            } else {
                assertThat(recruiter.statusCode()).as(cell(route, path, "a recruiter", recruiter))
                        .isNotEqualTo(404).isLessThan(500);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPageNamingAnObjectIsScopedToItsHiringManager() {
        List<Route> routes = matrixPageRoutes();
        Log.infof("access matrix, pages: %s", routes);
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
            Fixture f = fixture();
            String path = route.path(f);

            Response anonymous = PageSession.anonymous().when().get(path);
            assertThat(anonymous.statusCode()).as(cell(route, path, "anonymous", anonymous)).isEqualTo(302);
            assertThat(anonymous.header("Location")).as(cell(route, path, "anonymous", anonymous)).endsWith("/login");

            PageSession otherSession = PageSession.signIn(f.otherManager());
            Response other = otherSession.request().when().get(path);
            Response nothing = otherSession.request().when().get(route.pathToNothing(f));
            // A recruiter-only page (an edit form) is refused by role, 403, before the object is looked up.
            boolean recruiterOnly = nothing.statusCode() == 403;
            assertThat(other.statusCode()).as(cell(route, path, "another hiring manager", other)).isEqualTo(recruiterOnly ? 403 : 404);
            assertThat(other.statusCode()).as(cell(route, path, "another hiring manager", other)
                    + " should answer as for a missing object: " + nothing.statusCode()).isEqualTo(nothing.statusCode());

            Map<String, User> viewers = new LinkedHashMap<>();
            viewers.put("the requisition's hiring manager", f.owner());
            viewers.put("a recruiter", f.recruiter());
            for (var viewer : viewers.entrySet()) {
                PageSession session = PageSession.signIn(viewer.getValue());
                Response page = session.request().when().get(path);
                if (page.statusCode() == 303) {
                    // A route that only leads to the object's own page: that page must open.
                    String location = page.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
                    page = session.request().when().get(location);
                }
                boolean refusedByRole = recruiterOnly && viewer.getValue() == f.owner();
                assertThat(page.statusCode()).as(cell(route, path, viewer.getKey(), page)).isEqualTo(refusedByRole ? 403 : 200);
            }
        }));
    }

    // --- hiring managers never write to candidates ---------------------------------------------

    @Test
    void theRequisitionsOwnHiringManagerCannotSendOrPreviewAnyMessageToTheCandidate() {
        Fixture f = fixture();
        long before = messagesOn(f.applicationId());
        String app = "/api/applications/" + f.applicationId();
        Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
        writes.put(app + "/outcome", Map.of("outcome", "REJECTED"));
        writes.put(app + "/outcome/preview", Map.of("outcome", "REJECTED"));
        writes.put(app + "/delay", Map.of("promisedDecisionDate", "2099-01-01"));
        writes.put(app + "/delay/preview", Map.of("promisedDecisionDate", "2099-01-01"));
        writes.put(app + "/feedback-message", Map.of("text", "You did well."));
        writes.put(app + "/feedback-message/preview", Map.of("text", "You did well."));
        writes.put(app + "/interviews", InterviewApiTest.interview(InterviewApiTest.inDays(3), "PHONE", null, InterviewApiTest.PANEL));
        writes.put("/api/messages/" + f.messageId() + "/send-now", Map.of());
        writes.put("/api/messages/" + f.messageId() + "/resend", Map.of());
        writes.put("/api/requisitions/" + f.requisitionId() + "/status", Map.of("status", "CANCELLED"));
        for (var w : writes.entrySet()) {
            Response r = json(f.owner()).body(w.getValue()).when().post(w.getKey());
            assertThat(r.statusCode()).as("POST " + w.getKey() + " by the requisition's hiring manager -> " + r.statusCode() + " " + r.asString())
                    .isEqualTo(403);
        }
        assertThat(messagesOn(f.applicationId())).as("messages to the candidate after the hiring manager's attempts").isEqualTo(before);
    }

    private static long messagesOn(long applicationId) {
        return Api.db(() -> Message.count("application.id", applicationId));
    }
}
