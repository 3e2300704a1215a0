package org.oko.forms.internal.registry;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A bare form definition dropped into Karaf's {@code deploy/} folder (or uploaded by the
 * administrator, which writes it there) becomes a live form without any Java; deleting the file
 * withdraws it. FileInstall finds this installer through the whiteboard.
 */
@Component(service = ArtifactInstaller.class)
public class DeployedForms implements ArtifactInstaller {

    static final String SOURCE_PREFIX = "deploy:";

    @Reference
    private FormRegistryImpl registry;

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".json") && artifact.isFile();
    }

    @Override
    public void install(File artifact) throws IOException {
        String json = Files.readString(artifact.toPath(), StandardCharsets.UTF_8);
        registry.publish(SOURCE_PREFIX + artifact.getName(), -1, Map.of(artifact.getName(), json));
    }

    @Override
    public void update(File artifact) throws IOException {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        registry.withdraw(SOURCE_PREFIX + artifact.getName());
    }
}
