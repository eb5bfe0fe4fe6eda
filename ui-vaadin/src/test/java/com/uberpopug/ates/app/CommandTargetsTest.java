package com.uberpopug.ates.app;

import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cached resolver answers and refuses as Axon's own, whose every command's reflection it saves. */
class CommandTargetsTest {

    private final CommandTargetResolver cached = new CommandTargets();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    @Test
    void findsTheTargetOfRecordComponentsAndAccessorsAsAxonDoes() {
        UUID popug = UUID.randomUUID();
        List<Object> commands = List.of(
                new CreateTask(UUID.randomUUID(), "Fix the beak", null, ""),
                new CompleteTask(UUID.randomUUID(), popug),
                new RegisterPopug(popug, "wanda", "Wanda Popug", "wanda@uberpopug.com", Role.WORKER, "secret-1"),
                new DebitAccount(popug, new Money(1_500), UUID.randomUUID(), LocalDate.of(2026, 12, 4), "cause"),
                new Versioned("order-9", "7"));
        for (Object command : commands) {
            // Twice: the second answer comes from the cache.
            for (int i = 0; i < 2; i++) {
                assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                        .as(command.getClass().getSimpleName())
                        .isEqualTo(axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            }
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("order-9", "7"))).getVersion())
                .isEqualTo(7L);
    }

    @Test
    void refusesACommandWithoutATargetAsAxonDoes() {
        for (Object command : List.of(new Versioned(null, null), new Untargeted("x"), new Failing())) {
            Class<? extends Throwable> axonsRefusal = refusal(axons, command).getClass();
            assertThat(axonsRefusal).isEqualTo(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .as(command.getClass().getSimpleName())
                    .isExactlyInstanceOf(axonsRefusal);
        }
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("order-9", "seven"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    private static Throwable refusal(CommandTargetResolver resolver, Object command) {
        try {
            resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            throw new AssertionError(command + " was not refused");
        } catch (IllegalArgumentException refused) {
            return refused;
        }
    }

    /** A target read by a method, a version by a field holding text. */
    static final class Versioned {
        private final String id;
        @TargetAggregateVersion
        private final String version;

        Versioned(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return id;
        }
    }

    record Untargeted(String name) {
    }

    static final class Failing {
        @TargetAggregateIdentifier
        String target() {
            throw new IllegalStateException("no target yet");
        }
    }
}
