package dev.trainspec.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The data cache's one rule for writing a file (an entry, its statistics): written beside its
 * final name, then renamed over it, so readers and other processes see the old file, the new one
 * whole, or none; a write that fails leaves no temporary file behind.
 */
final class AtomicWrite {
    private AtomicWrite() {}

    /** What goes into the file, written to the temporary path it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    static void replace(Path file, Content content) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            content.writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the data cache's pass over abandoned temporary files
                }
            }
        }
    }
}
