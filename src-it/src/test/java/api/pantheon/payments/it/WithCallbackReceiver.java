package api.pantheon.payments.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Scenarios that need a client's callback endpoint: one receiver for the class, on a free port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithCallbackReceiver {

    protected CallbackReceiver receiver;

    @BeforeAll
    void listen() {
        receiver = new CallbackReceiver();
    }

    @AfterAll
    void stopListening() {
        receiver.close();
    }
}
