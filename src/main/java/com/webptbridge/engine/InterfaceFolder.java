package com.webptbridge.engine;

import com.webptbridge.interfaces.InterfaceDefinition;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The interface definitions in {@code bridge.interfaces.dir}, one YAML file per practice. With none
 * there, one interface {@code default} runs on {@code bridge.mllp.port} exactly as a
 * single-practice engine.
 */
final class InterfaceFolder {

    private final Path folder;
    private final Settings settings;

    InterfaceFolder(Settings settings) {
        this.settings = settings;
        this.folder = Path.of(settings.get("bridge.interfaces.dir"));
    }

    /** The interfaces to run: the folder's enabled ones, or {@code default} when it has none. */
    /** A folder an interface file names (e.g. inbound.files): a relative one is under the engine's home. */
    Path path(String named) {
        return settings.path(named);
    }

    List<InterfaceDefinition> configured() {
        try {
            List<InterfaceDefinition> all = definitions();
            return all.isEmpty()
                    ? List.of(defaultInterface())
                    : all.stream().filter(InterfaceDefinition::isEnabled).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the interface folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Keeps the definition for the next start. When the folder holds none yet, the running ones
     * (the implicit default among them) are written too, so they survive.
     */
    void persist(InterfaceDefinition d, Collection<InterfaceDefinition> running) {
        try {
            if (!Files.isDirectory(folder) || definitions().isEmpty()) {
                for (InterfaceDefinition r : running) {
                    r.write(folder.resolve(r.id() + ".yaml"));
                }
            }
            d.write(folder.resolve(d.id() + ".yaml"));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the interface folder " + folder + ": " + e.getMessage());
        }
    }

    /** True when the folder holds a definition of this id, enabled or not. */
    boolean defines(String id) {
        try {
            return definitions().stream().anyMatch(d -> d.id().equals(id));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the interface folder " + folder + ": " + e.getMessage());
        }
    }

    /** Writes a promoted interface's mapping profile to {@code profiles/<id>.yaml} in the folder. */
    Path keepProfile(String id, String yaml) {
        Path file = folder.resolve("profiles").resolve(id + ".yaml").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the interface folder " + folder + ": " + e.getMessage());
        }
    }

    private List<InterfaceDefinition> definitions() throws IOException {
        List<InterfaceDefinition> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
                for (Path f : files) {
                    out.add(InterfaceDefinition.read(f));
                }
            }
        }
        out.sort(Comparator.comparing(InterfaceDefinition::id));
        return out;
    }

    private InterfaceDefinition defaultInterface() {
        return new InterfaceDefinition(
                InterfaceDefinition.DEFAULT_ID,
                "Default interface",
                new InterfaceDefinition.Listener(settings.get("bridge.mllp.host"), settings.getInt("bridge.mllp.port")),
                null,
                null,
                null,
                null,
                null);
    }
}
