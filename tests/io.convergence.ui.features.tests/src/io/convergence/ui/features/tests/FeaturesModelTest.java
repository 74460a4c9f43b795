package io.convergence.ui.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.InstalledFeature;
import io.convergence.admin.Progress;
import io.convergence.ui.features.internal.FeaturesModel;

import org.junit.jupiter.api.Test;

/** The view's model on an in-memory feature service: no display needed. */
class FeaturesModelTest {

    private final FakeFeatureService service = new FakeFeatureService();
    private final FeaturesModel model = new FeaturesModel(() -> service);

    @Test
    void listsTheInstalledFeaturesAndCountsThoseAnAdminInstalled() {
        long before = model.version();
        model.refresh();
        assertTrue(model.version() > before, "a view can tell it must draw again");
        assertEquals(4, model.installed().size());
        assertEquals("4 features, 3 of them root", model.summary());
        assertNull(model.problem());
        assertEquals("Partner press connector", model.find("com.partner.press.feature").name());
        assertNull(model.find("no.such.feature"));
    }

    @Test
    void whenTheListCannotBeReadItSaysWhyAndKeepsTheLastOne() {
        model.refresh();
        service.failInstalled = true;
        model.refresh();
        assertEquals(4, model.installed().size());
        assertEquals("The installed features could not be read: the profile registry is locked by another process", model.problem());
    }

    @Test
    void aServiceThatBreaksIsReportedLikeOneThatRefuses() {
        FeaturesModel broken = new FeaturesModel(() -> {
            throw new IllegalStateException("p2 agent gone");
        });
        broken.refresh();
        assertTrue(broken.problem().contains("p2 agent gone"), broken.problem());
    }

    @Test
    void withoutTheServiceItSaysSoInsteadOfShowingAnEmptyInstallation() {
        FeaturesModel none = new FeaturesModel(() -> null);
        none.refresh();
        assertFalse(none.serviceAvailable());
        assertTrue(none.installed().isEmpty());
        assertTrue(none.problem().contains("feature management service is not running"), none.problem());
        assertEquals("Installed features unknown", none.summary());
        FeatureException e = assertThrows(FeatureException.class, () -> none.history());
        assertEquals(FeatureException.Kind.FAILED, e.kind());
    }

    @Test
    void detailsNameTheSignerTrustAndEveryBundle() {
        model.refresh();
        String d = FeaturesModel.details(model.find("com.partner.press.feature"));
        assertTrue(d.startsWith("Partner press connector 2.1.0 (com.partner.press.feature)"), d);
        assertTrue(d.contains("Signer: CN=Partner GmbH, O=Partner"), d);
        assertTrue(d.contains("Trust: Signed by a publisher the trust policy does not trust."), d);
        assertTrue(d.contains("Bundles (1):\n  com.partner.press 2.1.0"), d);
        assertTrue(FeaturesModel.details(model.find("io.convergence.historian.duckdb.feature")).contains("Signer: not signed"));
        assertTrue(FeaturesModel.details(null).startsWith("Select a feature"));
    }

    @Test
    void onlyRootFeaturesCanBeUpdatedOrUninstalled() {
        model.refresh();
        assertTrue(FeaturesModel.changeable(model.find("com.partner.press.feature")));
        assertFalse(FeaturesModel.changeable(model.find("io.convergence.platform.feature")));
        assertFalse(FeaturesModel.changeable(null));
    }

    @Test
    void theChangesNameWhatTheUserChose() {
        AvailableFeature offered = new AvailableFeature("x.feature", "X", "1.2.0", "P", FakeFeatureService.REPO, "");
        assertEquals(new Change.Install("x.feature", "1.2.0", List.of(FakeFeatureService.REPO)), FeaturesModel.install(offered),
            "the version and repository the user saw in the list, not whatever is newest somewhere");
        InstalledFeature f = new InstalledFeature("y.feature", "Y", "1.0.0", "P", true, io.convergence.admin.TrustState.TRUSTED, "", List.of());
        assertEquals(new Change.Update(List.of("y.feature"), List.of()), FeaturesModel.update(f));
        assertEquals(new Change.Uninstall("y.feature"), FeaturesModel.uninstall(f));
    }

    @Test
    void applyingAChangeReadsTheListAgain() throws Exception {
        model.refresh();
        model.apply(FeaturesModel.install(model.available(FakeFeatureService.REPO, Progress.NONE).get(0)), Progress.NONE);
        assertEquals(5, model.installed().size());
        assertEquals(FakeFeatureService.MQTT, model.installed().get(0).id());
        model.apply(new Change.Uninstall(FakeFeatureService.MQTT), Progress.NONE);
        assertEquals(4, model.installed().size());
        assertEquals(3, model.history().size());
        assertTrue(model.history().get(2).current());
    }

    @Test
    void aFailedChangeKeepsTheServicesMessage() {
        FeatureException e = assertThrows(FeatureException.class, () -> model.apply(
            new Change.Install(FakeFeatureService.BROKEN, "0.1.0", List.of(FakeFeatureService.REPO)), Progress.NONE));
        assertTrue(e.getMessage().contains("org.example.missing"), e.getMessage());
        assertTrue(service.applied.isEmpty());
    }

    @Test
    void repositoryAddressesAreCheckedBeforeAnythingIsRead() throws Exception {
        assertEquals(URI.create("https://example.org/p2/"), FeaturesModel.parseRepository("  https://example.org/p2/ "));
        assertEquals(URI.create("file:/srv/repo/"), FeaturesModel.parseRepository("file:/srv/repo/"));
        assertEquals(Path.of("/srv/repo.zip").toUri(), FeaturesModel.parseRepository("/srv/repo.zip"));
        assertEquals(Path.of(System.getProperty("user.home"), "repo").toUri(), FeaturesModel.parseRepository("~/repo"));
        assertInvalid("", "Type the address of a repository");
        assertInvalid("example.org/p2", "is not a repository address");
        assertInvalid("ftp://example.org/p2", "is not a repository address");
        assertInvalid("https:///p2", "names no server");
        assertInvalid("https://exa mple.org", "is not a valid address");
    }

    @Test
    void theConfiguredRepositoriesAreOfferedAndAFailingServiceOffersNone() {
        assertEquals(List.of(FakeFeatureService.CONFIGURED), model.configuredRepositories());
        assertEquals(List.of(), new FeaturesModel(() -> null).configuredRepositories());
    }

    private static void assertInvalid(String text, String expected) {
        FeatureException e = assertThrows(FeatureException.class, () -> FeaturesModel.parseRepository(text));
        assertEquals(FeatureException.Kind.INVALID, e.kind());
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
