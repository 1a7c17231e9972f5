package api.pantheon.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.events.entity.DeliveryState;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.requests.entity.RequestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The three declared state machines, drawn: each transition table becomes a Mermaid diagram in
 * {@code docs/state-machines.md}, and this test fails when the committed drawing no longer matches
 * the table (rerun with {@code -Dstate-machines.write=true} to redraw it). A reviewer reads the
 * drawing; the test also checks what any sound table must satisfy, without copying the table.
 */
class StateMachinesTest {

    private static final Path DRAWING = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("docs").resolve("state-machines.md");

    private record Machine<S extends Enum<S>>(String title, Class<S> states, S initial, BiPredicate<S, S> canMove,
                                               Predicate<S> isFinal) {

        Set<S> next(S from) {
            Set<S> next = EnumSet.noneOf(states);
            for (S to : states.getEnumConstants()) {
                if (canMove.test(from, to)) {
                    next.add(to);
                }
            }
            return next;
        }

        Set<S> reachableFrom(S start) {
            Set<S> seen = EnumSet.of(start);
            Deque<S> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                for (S to : next(todo.pop())) {
                    if (seen.add(to)) {
                        todo.push(to);
                    }
                }
            }
            return seen;
        }

        String mermaid() {
            StringBuilder diagram = new StringBuilder("## ").append(title).append("\n\n```mermaid\nstateDiagram-v2\n");
            diagram.append("    [*] --> ").append(initial.name()).append('\n');
            for (S from : states.getEnumConstants()) {
                for (S to : next(from)) {
                    diagram.append("    ").append(from.name()).append(" --> ").append(to.name()).append('\n');
                }
                if (isFinal.test(from)) {
                    diagram.append("    ").append(from.name()).append(" --> [*]\n");
                }
            }
            return diagram.append("```\n").toString();
        }
    }

    private static final List<Machine<?>> MACHINES = List.of(
            new Machine<>("Payment request (`RequestStatus`)", RequestStatus.class, RequestStatus.PENDING,
                    RequestStatus::canMoveTo, RequestStatus::isFinal),
            new Machine<>("Payment (`PaymentStatus`)", PaymentStatus.class, PaymentStatus.PENDING,
                    PaymentStatus::canMoveTo, PaymentStatus::isFinal),
            new Machine<>("Delivery of an event (`DeliveryState`)", DeliveryState.class, DeliveryState.PENDING,
                    DeliveryState::canMoveTo, DeliveryState::isFinal));

    @Test
    void theCommittedDrawingIsTheTable() throws IOException {
        StringBuilder drawing = new StringBuilder("# State machines\n\nDrawn from the transition tables by "
                + "`StateMachinesTest` (payments-persistence); it fails when this file is stale.\n");
        MACHINES.forEach(machine -> drawing.append('\n').append(machine.mermaid()));
        if (Boolean.getBoolean("state-machines.write")) {
            Files.createDirectories(DRAWING.getParent());
            Files.writeString(DRAWING, drawing, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DRAWING), DRAWING + " is missing; run with -Dstate-machines.write=true");
        assertEquals(drawing.toString(), Files.readString(DRAWING, StandardCharsets.UTF_8),
                DRAWING + " is stale; run with -Dstate-machines.write=true and commit it");
    }

    @Test
    void everyStateIsReachedAndEveryStateCanEnd() {
        for (Machine<?> machine : MACHINES) {
            assertSound(machine);
        }
    }

    private static <S extends Enum<S>> void assertSound(Machine<S> machine) {
        assertEquals(EnumSet.allOf(machine.states()), machine.reachableFrom(machine.initial()),
                machine.title() + ": every state is reachable from " + machine.initial());
        for (S state : machine.states().getEnumConstants()) {
            assertFalse(machine.canMove().test(state, state), machine.title() + ": " + state + " does not move to itself");
            assertEquals(machine.next(state).isEmpty(), machine.isFinal().test(state),
                    machine.title() + ": " + state + " is final exactly when nothing follows it");
            assertTrue(machine.reachableFrom(state).stream().anyMatch(machine.isFinal()),
                    machine.title() + ": from " + state + " an end can be reached");
        }
        assertFalse(machine.isFinal().test(machine.initial()), machine.title() + ": the initial state is not final");
    }
}
