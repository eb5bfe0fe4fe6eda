package com.uberpopug.ates.messaging.api;

import org.axonframework.common.IdentifierFactory;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for message identifiers and trace ids, from a strong generator of each thread's own.
 *
 * <p>{@link UUID#randomUUID()} draws from one generator per JVM behind a lock (NativePRNG's), and every
 * command, event and request takes several ids: under load the HTTP threads and the processors queued on that
 * lock (docs/PERFORMANCE.md, live throughput). Axon finds this factory through {@code META-INF/services}.
 */
public final class RandomIds extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomIds::newGenerator);

    @Override
    public String generateIdentifier() {
        return newUuid().toString();
    }

    public static UUID newUuid() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("The JVM offers no DRBG SecureRandom", missing);
        }
    }
}
