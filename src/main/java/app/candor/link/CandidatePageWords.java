package app.candor.link;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the candidate pages (status, withdraw, ask for feedback), in English; German in
 * {@code src/main/resources/messages/cand_de.properties}. Used as {@code {cand:...}} in the page
 * templates, whose locale is the candidate's language.
 */
@MessageBundle(value = "cand", locale = "en")
public interface CandidatePageWords {

    @Message("{role} at {company}")
    String roleAt(String role, String company);

    @Message("Your application")
    String statusTitle();

    @Message("Where you stand")
    String whereYouStand();

    @Message("We have received your application and are looking at it.")
    String stageApplied();

    @Message("We are reviewing your application.")
    String stageScreening();

    @Message("You are in the interview stage.")
    String stageInterview();

    @Message("You are in the final interview stage.")
    String stageFinalInterview();

    @Message("We have made you an offer.")
    String stageOffer();

    @Message("You accepted our offer. Welcome!")
    String stageHired();

    @Message("We decided not to move forward with your application.")
    String stageRejected();

    @Message("You withdrew your application on {date}.")
    String stageWithdrawn(String date);

    @Message("You withdrew your application.")
    String stageWithdrawnUndated();

    @Message("The role was closed, so your application for it is closed too. This was not a decision about you.")
    String stageRoleClosed();

    @Message("You will hear from us by {date} at the latest.")
    String promise(String date);

    @Message("Your contact")
    String contact();

    @Message("What we have sent you")
    String sentHeading();

    @Message("Nothing yet.")
    String nothingSent();

    @Message("Phone call")
    String phoneCall();

    @Message("Show the message")
    String showMessage();

    @Message("Withdraw your application?")
    String withdrawTitle();

    @Message("You are about to withdraw your application for {role} at {company}.")
    String withdrawIntro(String role, String company);

    @Message("No explanation is needed. If you would like to tell us why, it helps us do better:")
    String noExplanation();

    @Message("Reason (optional)")
    String reasonLegend();

    @Message("I accepted another offer")
    String reasonAcceptedOtherOffer();

    @Message("My circumstances changed")
    String reasonCircumstancesChanged();

    @Message("The role is not right for me")
    String reasonRoleNotRight();

    @Message("The process is taking too long")
    String reasonProcessTooLong();

    @Message("I prefer not to say")
    String reasonPreferNotToSay();

    @Message("Something else")
    String reasonOther();

    @Message("Anything you would like to add (optional)")
    String noteLabel();

    @Message("Withdraw from")
    String scopeLegend();

    @Message("this application only")
    String scopeThis();

    @Message("all my open applications with {company}:")
    String scopeAll(String company);

    @Message("Withdraw")
    String withdrawButton();

    @Message("Your next step")
    String nextStepHeading();

    @Message("Your interview {how} on {when}.")
    String nextInterview(String when, String how);

    @Message("Nothing has changed: your application continues as before.")
    String kept();

    @Message("Keep my application")
    String keepButton();

    @Message("Withdrawing closes your application for {role} and cancels anything still planned with you for it, such as an upcoming interview. It cannot be undone here.")
    String withdrawCancels(String role);

    @Message("You have withdrawn. Thank you for letting us know; a short confirmation is on its way to you.")
    String withdrawnNow();

    @Message("You have already withdrawn this application. Nothing else was changed.")
    String alreadyWithdrawn();

    @Message("This application is already closed, so there is nothing to withdraw.")
    String nothingToWithdraw();

    @Message("Please keep your note under 1000 characters.")
    String noteTooLong();

    @Message("Please choose one of the reasons shown, or none.")
    String unknownReason();

    @Message("Ask for feedback")
    String feedbackTitle();

    @Message("Would you like feedback on your application for {role}? We will pass your request to {recruiter}, who will get back to you.")
    String feedbackIntro(String role, String recruiter);

    @Message("Yes, please send me feedback")
    String feedbackButton();

    @Message("Thank you. We have recorded your request, and {recruiter} will be in touch.")
    String feedbackRecorded(String recruiter);

    @Message("You asked for feedback on {date}. We will be in touch.")
    String feedbackAlready(String date);

    @Message("Feedback can be asked for once we have told you our decision.")
    String feedbackNotAvailable();

    @Message("How did your interview go?")
    String debriefTitle();

    @Message("Thank you for interviewing for {role} on {date}. Two quick questions; your answers go to your recruiter.")
    String debriefIntro(String role, String date);

    @Message("How did the interview go for you?")
    String debriefHowLegend();

    @Message("Great")
    String debriefGreat();

    @Message("Good")
    String debriefGood();

    @Message("Mixed")
    String debriefMixed();

    @Message("Not well")
    String debriefPoor();

    @Message("Are you still interested in the role?")
    String debriefInterestedLegend();

    @Message("Yes")
    String debriefYes();

    @Message("No")
    String debriefNo();

    @Message("Send")
    String debriefButton();

    @Message("Please answer both questions.")
    String debriefChooseBoth();

    @Message("Thank you for telling us. {recruiter} will see your answer.")
    String debriefRecorded(String recruiter);

    @Message("You already told us, thank you.")
    String debriefAlready();

    @Message("Answered on {date}.")
    String debriefAnsweredOn(String date);

    @Message("See where your application stands")
    String seeStatus();

    @Message("This link cannot be used")
    String calmTitle();

    @Message("The link you followed cannot be used. If you were expecting something here, please reply to the e-mail you received from us, and we will help you.")
    String calmBody();

    @Message("Please wait a few minutes")
    String slowTitle();

    @Message("There have been too many attempts from your connection. Please try again in a few minutes.")
    String slowBody();
}
