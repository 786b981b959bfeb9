package dev.trainspec.engine.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file a {@link MappedFloats} maps, told by its name and its file key (device and inode where
 * the platform has them), and the byte its last mapped value ends at. Checked by name, not through
 * an open channel: a channel would hold a descriptor as long as the data set lives, and an
 * interrupted thread asking it for the size would close it for every other reader.
 */
public record MappedFile(Path path, Object key, long end) {
    /** {@code path}'s file as it is now; its key is read now, right after it was opened and mapped. */
    public static MappedFile of(Path path, long end) throws IOException {
        return new MappedFile(path, Files.readAttributes(path, BasicFileAttributes.class).fileKey(), end);
    }

    /**
     * The bytes under the name, when the name still leads to the mapped file, end before the last
     * mapped value. A name that is gone (an evicted entry) or leads to another file (a newer entry
     * renamed over it) leaves the mapping its own file, which nobody can cut short by name; where
     * the size cannot be read at all, nothing is claimed either.
     */
    public String cutShort() {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        if (key != null && !key.equals(now.fileKey())) return null;
        return now.size() < end ? path + " holds " + now.size() + " bytes, not the " + end + " its values were mapped from" : null;
    }
}
