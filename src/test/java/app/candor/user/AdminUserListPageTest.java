package app.candor.user;

import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's users page comes a page at a time and finds anyone by a part of the username, name or e-mail. */
@QuarkusTest
class AdminUserListPageTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/admin/users/\\d+\">([^<]+)</a>");

    @Inject
    TestData data;

    @Inject
    UserService users;

    @Test
    void theSearchFindsByAnyPartAndTheListComesFiftyAtATime() {
        String shared = TestData.unique("Pagination");
        List<User> team = List.of(data.recruiter(shared + " Ada", "Sourcer"), data.recruiter(shared + " Bea", "Sourcer"),
                data.recruiter(shared + " Cy", "Sourcer"));
        PageSession admin = PageSession.signIn(data.admin());

        // By a part of the name, in another case: exactly the three, by name.
        assertThat(usernames(admin.get("/admin/users?q=" + shared.toUpperCase()).then().statusCode(200).extract().asString()))
                .containsExactly(team.get(0).username, team.get(1).username, team.get(2).username);
        // By a part of the username and of the e-mail address.
        assertThat(usernames(admin.get("/admin/users?q=" + team.get(1).username.substring(3)).asString())).containsExactly(team.get(1).username);
        assertThat(usernames(admin.get("/admin/users?q=" + team.get(2).username + "@candor").asString())).containsExactly(team.get(2).username);
        // '%' and '_' mean themselves; markup in the search is shown, escaped, never run.
        String nothing = admin.get("/admin/users?q=%25_%25&page=1").then().statusCode(200).extract().asString();
        assertThat(usernames(nothing)).isEmpty();
        String hostile = admin.get("/admin/users?q=<script>x</script>").then().statusCode(200).extract().asString();
        assertThat(hostile).doesNotContain("<script>x").contains("&lt;script&gt;x");

        // Everyone, fifty a page, the next page linked while there is one, and the pages together list each user once.
        // More than a page of people: copies of one recruiter, written directly (a bcrypt hash each would take minutes).
        User model = data.recruiter();
        Api.db(() -> {
            for (int i = users.list().size(); i <= UserService.PAGE_SIZE; i++) {
                User copy = new User();
                copy.username = TestData.unique("paging");
                copy.password = model.password;
                copy.roles = model.roles;
                copy.fullName = "Paging " + copy.username;
                copy.createdAt = model.createdAt;
                copy.persist();
            }
            return null;
        });
        long everyone = users.list().size();
        List<String> seen = new ArrayList<>();
        for (int page = 1; ; page++) {
            String html = admin.get("/admin/users?page=" + page).then().statusCode(200).extract().asString();
            List<String> names = usernames(html);
            assertThat(names).hasSizeLessThanOrEqualTo(UserService.PAGE_SIZE);
            seen.addAll(names);
            if (!html.contains("rel=\"next\"")) {
                break;
            }
            assertThat(names).hasSize(UserService.PAGE_SIZE);
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) everyone);
    }

    @Test
    void aPageThatIsNotAWholeNumberFromOneIsRefused() {
        PageSession admin = PageSession.signIn(data.admin());
        for (String page : List.of("0", "-1", "two", "99999999999")) {
            assertThat(admin.get("/admin/users?page=" + page).then().statusCode(400).extract().asString())
                    .contains("must be a whole number from 1");
        }
        // A page far beyond the list is an empty page, not an overflowing offset.
        assertThat(usernames(admin.get("/admin/users?page=" + Integer.MAX_VALUE).then().statusCode(200).extract().asString())).isEmpty();
        assertThat(admin.get("/admin/users?q=" + "x".repeat(201)).then().statusCode(400).extract().asString()).contains("at most 200 characters");
    }

    private static List<String> usernames(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
