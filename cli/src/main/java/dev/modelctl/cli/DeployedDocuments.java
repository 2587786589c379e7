package dev.modelctl.cli;

import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.routing.RoutingDocument;

import java.util.Optional;

/** Reading what is deployed: the last completed deployment's hosted version, parsed. */
final class DeployedDocuments {
    private DeployedDocuments() {
    }

    static Optional<Deployment> lastCompleted(AppConfigService service, Target t) {
        return service.deployments(t.application().id(), t.environment().id()).stream().filter(d -> d.state().equals("COMPLETE")).findFirst();
    }

    static SourceDocument version(AppConfigService service, Target t, int version) {
        HostedVersion v = service.hostedVersion(t.application().id(), t.profile().id(), version);
        boolean yaml = v.contentType() != null && v.contentType().contains("yaml");
        SourceDocument doc = new DocumentLoader().parse(v.content(), "version-" + version + (yaml ? ".yaml" : ".json"));
        if (!doc.parsed()) {
            throw new DeployException("hosted version " + version + " is not a readable routing document: " + doc.findings().get(0).message());
        }
        return doc;
    }

    static RoutingDocument routing(AppConfigService service, Target t, int version) {
        return RoutingDocument.from(version(service, t, version));
    }
}
