package app.candor.support;

/**
 * One application for the tests that each need a setting the default test profile does not have, chosen so
 * that they do not disturb each other: localhost is not a trusted proxy (LinkGuardProxyTest), passwords are
 * not remembered (CredentialCacheOffTest), and Wednesday 2031-03-05 is a holiday (ClosureDigestTest). Every
 * profile costs each full run an application build and a start (about 20 s a pass on CI), so a test that needs
 * one more setting joins here when the others do not mind it.
 */
public class SettingsProfile extends OwnDatabaseProfile {

    public SettingsProfile() {
        super("candor-settings",
                "quarkus.http.proxy.trusted-proxies", "192.0.2.1",
                "candor.auth.credential-cache-ttl", "PT0S",
                "candor.holidays", "2031-03-05");
    }
}
