package app.candor.message;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of candidate messages, in English; other languages in
 * {@code src/main/resources/messages/msg_<language>.properties}. Used as {@code {msg:...}} in the
 * mail templates and from Java for subjects and call scripts.
 */
@MessageBundle(value = "msg", locale = "en")
public interface LetterWords {

    @Message("Dear {title} {lastName},")
    String greetingTitled(String title, String lastName);

    @Message("Dear {firstName} {lastName},")
    String greetingFullName(String firstName, String lastName);

    @Message("Dear {firstName},")
    String greetingFirstName(String firstName);

    @Message("Your application for {role} at {company}: our offer")
    String subjectOffer(String role, String company);

    @Message("Your application for {role} at {company}")
    String subjectRejection(String role, String company);

    @Message("{role} at {company}: the role is on hold")
    String subjectOnHold(String role, String company);

    @Message("{role} at {company}: the role has been cancelled")
    String subjectCancelled(String role, String company);

    @Message("{role} at {company}: the position has been filled")
    String subjectFilled(String role, String company);

    @Message("{role} at {company}: the role is open again")
    String subjectReopened(String role, String company);

    @Message("{role} at {company}: our decision needs a little longer")
    String subjectDelayed(String role, String company);

    @Message("We are delighted to offer you the position of {role} at {company}. We will be in touch about the details and next steps.")
    String bodyOffer(String role, String company);

    @Message("After careful consideration we have decided not to move forward with your application for {role}. This was not an easy decision, and it is no judgement of your abilities.")
    String bodyRejection(String role);

    @Message("We have had to put the {role} role on hold. This is not a decision about your application: the role itself has been paused. Your application stays with us, and we will let you know as soon as we know more.")
    String bodyOnHold(String role);

    @Message("We are sorry to tell you that the {role} role has been cancelled and will not be filled. This is not a decision about you or your application: the role itself no longer exists, so we have closed your application for it. You are very welcome to apply for other roles with us.")
    String bodyCancelled(String role);

    @Message("We are writing to let you know that the {role} position has now been filled, so we will not be taking your application further. This is not a judgement of you or your abilities: there was only one position to offer. We would be glad to hear from you again when another role with us interests you.")
    String bodyFilled(String role);

    @Message("We are pleased to tell you that the {role} role, which we had put on hold, is open again, and your application goes ahead where it left off. We expect to decide by {date} and will be in touch with you by then.")
    String bodyReopened(String role, String date);

    @Message("We promised you a decision on your application for {role}, and we are sorry that we need more time. You will hear from us by {date} at the latest.")
    String bodyDelayed(String role, String date);

    @Message("{role} at {company}: your application moves on")
    String subjectStageUpdate(String role, String company);

    @Message("Good news about your application for {role}: it has moved on to the next step, the {stage}. We expect to decide by {date} and will be in touch with you by then.")
    String bodyStageUpdate(String role, String stage, String date);

    @Message("screening")
    String stageScreening();

    @Message("interview")
    String stageInterview();

    @Message("final interview")
    String stageFinalInterview();

    /** In every letter that keeps a promise (the interview letters): the date the candidate was promised. */
    @Message("We expect to decide on your application by {date} and will be in touch with you by then.")
    String decisionBy(String date);

    @Message("Your application for {role} at {company}: withdrawn")
    String subjectWithdrawn(String role, String company);

    @Message("Thank you for letting us know that you are withdrawing your application for {role}. We have closed it; there is nothing else you need to do, and no explanation is needed.")
    String bodyWithdrawn(String role);

    @Message("Thank you for letting us know that you are withdrawing your applications. We have closed each of them; there is nothing else you need to do, and no explanation is needed:")
    String bodyWithdrawnMany();

    @Message("We wish you all the best, and you are welcome to apply again whenever the time is right.")
    String withdrawnWishes();

    @Message("{role} at {company}: your interview on {when}")
    String subjectInterview(String role, String company, String when);

    @Message("{role} at {company}: your interview has moved to {when}")
    String subjectInterviewMoved(String role, String company, String when);

    @Message("{role} at {company}: your interview on {when} is cancelled")
    String subjectInterviewCancelled(String role, String company, String when);

    @Message("We look forward to meeting you for an interview about the {role} role. Here are the details.")
    String bodyInterview(String role);

    @Message("We have had to move your interview for the {role} role, and we are sorry for the inconvenience. These are the new details.")
    String bodyInterviewMoved(String role);

    @Message("We have had to cancel your interview on {when} for the {role} role, and we are sorry. We will be in touch about what happens next.")
    String bodyInterviewCancelled(String role, String when);

    @Message("Your application for {role} at {company}: feedback")
    String subjectFeedback(String role, String company);

    @Message("Thank you for your interest in the {role} role. Here is the feedback from your interviews, as the interviewers wrote it for you:")
    String bodyFeedback(String role);

    @Message("Your interview for {role} at {company}: how did it go for you?")
    String subjectDebrief(String role, String company);

    @Message("Thank you for taking the time to interview for the {role} role. We would like to hear how it went for you, and whether you are still interested: it takes two clicks, and your answer goes to your recruiter.")
    String bodyDebrief(String role);

    @Message("When:")
    String interviewWhen();

    @Message("How:")
    String interviewHow();

    @Message("Where:")
    String interviewWhere();

    @Message("You will meet:")
    String interviewWho();

    @Message("by phone")
    String kindPhone();

    @Message("by video call")
    String kindVideo();

    @Message("in person")
    String kindOnSite();

    @Message("See where your application stands")
    String linkStatus();

    @Message("Withdraw your application")
    String linkWithdraw();

    @Message("Ask for feedback")
    String linkFeedback();

    @Message("Tell us how your interview went")
    String linkDebrief();

    @Message("These links are personal to you; please do not forward this e-mail.")
    String linksPersonal();

    @Message("How we handle your personal data (privacy notice)")
    String linkPrivacyNotice();

    @Message("This confirms in writing what we told you on the phone.")
    String confirmation();

    @Message("Thank you for the time and care you have given to your application.")
    String thanks();

    @Message("Kind regards,")
    String signoff();

    @Message("A note from {name}:")
    String personalNoteFrom(String name);
}
