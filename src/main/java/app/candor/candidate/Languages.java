package app.candor.candidate;

import app.candor.system.CandorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/** Which language Candor writes to a candidate in, and how dates read in it: letters and candidate pages alike. */
@ApplicationScoped
public class Languages {

    @Inject
    CandorConfig config;

    /** The candidate's language when Candor writes it (candor.languages), else the first of those. */
    public String of(Candidate c) {
        return config.languages().contains(c.language) ? c.language : config.languages().get(0);
    }

    /**
     * How dates and times are written in a language: English as in Britain ("16 December 2026", "14:30"), where the
     * bare English locale would write the American way ("December 16, 2026", "2:30 PM"); others as their locale does.
     */
    public static Locale dates(Locale language) {
        return "en".equals(language.getLanguage()) ? Locale.UK : language;
    }
}
