package app.candor.message;

import app.candor.application.Application;

import java.time.Instant;
import java.util.Collection;

/**
 * A recruiter's letter or call task was written for these applications (loaded, and chased: only those are in
 * it), fired inside the writing transaction: closure answers their waiting chasers, since the next word from the
 * recruiter answers them.
 */
public record CandidatesWrittenTo(Collection<Application> applications, Instant at, String by) {
}
