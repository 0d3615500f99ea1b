package app.candor.user;

import app.candor.system.SingleLine;
import app.candor.system.InputValidator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What an admin sends to create or change a user. On update a blank password keeps the old one. The password's
 * rules (length, strength, placeholders) are {@link PasswordRules}'.
 */
public record UserInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, '.', '_' or '-'")
        String username,
        @Size(max = 128, message = "must be at most 128 characters") String password,
        @NotBlank @Size(max = 200) @SingleLine String fullName,
        @Size(max = 200) @SingleLine String jobTitle,
        @Email @Size(max = 254) @SingleLine String email,
        @NotEmpty(message = "at least one role is required") List<@NotBlank String> roles) {

    /** Edges trimmed and a blank password read as "none given", before validation: forms send "" for empty fields. */
    public UserInput normalised() {
        return new UserInput(InputValidator.clean(username), password == null || password.isBlank() ? null : password,
                fullName, jobTitle, InputValidator.clean(email), roles);
    }
}
