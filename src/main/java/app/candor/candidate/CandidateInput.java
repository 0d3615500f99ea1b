package app.candor.candidate;

import app.candor.system.SingleLine;
import app.candor.system.InputValidator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new or changed candidate. Unset optional fields take defaults: e-mail channel, English, formal. */
public record CandidateInput(
        @Size(max = 20) @SingleLine String salutation,
        @NotBlank @Size(max = 100) @SingleLine String firstName,
        @NotBlank @Size(max = 100) @SingleLine String lastName,
        Boolean firstNameTerms,
        @NotBlank @Email(message = "must be a well-formed e-mail address") @Size(max = 254) @SingleLine String email,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number: digits, spaces, + ( ) . / -")
        String phone,
        Channel preferredChannel,
        @Size(max = 8) @SingleLine String language) {

    /** Edges trimmed, blanks as null and the e-mail lower-cased, before validation. */
    public CandidateInput normalised() {
        return new CandidateInput(InputValidator.clean(salutation), InputValidator.clean(firstName), InputValidator.clean(lastName),
                firstNameTerms, email == null ? null : Candidate.normaliseEmail(email), InputValidator.clean(phone),
                preferredChannel, InputValidator.clean(language));
    }
}
