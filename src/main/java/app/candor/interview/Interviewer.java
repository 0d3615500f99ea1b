package app.candor.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone the candidate will meet: their name and title go into the confirmation, so the candidate can thank them by name. */
@Embeddable
public class Interviewer {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String title;

    public Interviewer() {
    }

    public Interviewer(String name, String title) {
        this.name = name;
        this.title = title;
    }
}
