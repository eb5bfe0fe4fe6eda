package com.uberpopug.ates.messaging.api;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {

    @Test
    void axonTakesItsMessageIdentifiersFromIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIds.class);
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(4);
    }

    @Test
    void idsAreRandomVersionFourUuidsThatDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = RandomIds.newUuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void traceIdsAreThirtyTwoHexDigits() {
        assertThat(TraceIds.newId()).matches("[0-9a-f]{32}");
    }
}
