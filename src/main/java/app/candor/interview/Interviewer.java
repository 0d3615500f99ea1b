package app.candor.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Someone the candidate will meet: their name and title go into the confirmation, so the candidate can thank them by
 * name. Chosen from Candor's users ({@link #userId}) or typed in; with an address they are invited in the calendar part.
 */
@Embeddable
public class Interviewer {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String title;

    /** The Candor user (hiring manager or recruiter) this is, if chosen from the users; null for someone typed in. */
    @Column(name = "user_id")
    public Long userId;

    /** Where the calendar invitation goes: the user's address, or one typed in; null: named in the letter only. */
    @Column(length = 254)
    public String email;

    public Interviewer() {
    }

    public Interviewer(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public Interviewer(String name, String title, Long userId, String email) {
        this(name, title);
        this.userId = userId;
        this.email = email;
    }
}
