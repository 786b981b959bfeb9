package dev.trainspec.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code trainspec.shard=i/n}: shard i (1-based) of n takes the scenarios whose id hashes to
 * i - 1 modulo n. The hash is SHA-256 of the id (first 8 bytes, unsigned), so a scenario stays in
 * its shard when files are added, removed or renamed around it, on every JVM.
 */
record Shard(int index, int count) {
    static final Shard ALL = new Shard(1, 1);

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(EngineSettings.SHARD + ": expected i/n with 1 <= i <= n, found " + index + "/" + count);
        }
    }

    /** Parses "i/n"; null or blank means every scenario. */
    static Shard parse(String text) {
        if (text == null || text.isBlank()) return ALL;
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            // reported below with the value as written
        }
        throw new IllegalArgumentException(EngineSettings.SHARD + ": expected i/n such as 2/4, found '" + text + "'");
    }

    /** As written: {@code i/n}, or {@code off} for every scenario. */
    String text() {
        return count == 1 ? "off" : index + "/" + count;
    }

    boolean contains(String scenarioId) {
        return count == 1 || Long.remainderUnsigned(hash(scenarioId), count) == index - 1;
    }

    static long hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xff);
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
