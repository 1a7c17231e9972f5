package api.pantheon.payments.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a relay's claims become messages: per receiver, spread over the workers, neither too small nor too large. */
class DeliveryQueueTest {

    private static List<String> deliveries(String receiver, int count) {
        return IntStream.range(0, count).mapToObj(n -> receiver + "-" + n).toList();
    }

    @Test
    void aFewDeliveriesToOneReceiverTravelInOneMessage() {
        assertEquals(List.of(deliveries("a", 7)), DeliveryQueue.messagesOf(List.of(deliveries("a", 7)), 10, 100));
    }

    @Test
    void aBurstToOneReceiverIsSpreadOverTheWorkersInMessagesOfTheFewestAllowed() {
        List<List<String>> messages = DeliveryQueue.messagesOf(List.of(deliveries("a", 150)), 10, 100);

        assertEquals(15, messages.size());
        assertTrue(messages.stream().allMatch(message -> message.size() == 10));
        assertEquals(deliveries("a", 150), messages.stream().flatMap(List::stream).toList(), "each once, in order");
    }

    @Test
    void aLargeBacklogGoesInMessagesOfTheMostAllowed() {
        List<List<String>> messages = DeliveryQueue.messagesOf(List.of(deliveries("a", 2_000)), 10, 100);

        assertEquals(20, messages.size());
        assertTrue(messages.stream().allMatch(message -> message.size() == 100));
    }

    @Test
    void noMessageMixesReceivers() {
        List<List<String>> messages = DeliveryQueue.messagesOf(List.of(deliveries("a", 25), deliveries("b", 3)), 10, 100);

        assertEquals(List.of(deliveries("a", 25).subList(0, 10), deliveries("a", 25).subList(10, 20),
                deliveries("a", 25).subList(20, 25), deliveries("b", 3)), messages);
    }
}
