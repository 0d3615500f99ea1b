package app.candor.user;

/** A new token: its name, scope (read-only, write, metrics) and lifetime in days (default 90). */
public record ApiTokenInput(String name, String scope, Integer expiresInDays) {

    String days() {
        return expiresInDays == null ? null : expiresInDays.toString();
    }
}
