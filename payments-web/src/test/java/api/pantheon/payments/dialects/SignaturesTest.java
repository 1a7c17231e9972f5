package api.pantheon.payments.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known vectors, so a change to how signatures are made cannot pass unnoticed. */
class SignaturesTest {

    @Test
    void theHmacEveryDialectSignsWithMatchesRfc4231() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(Hmac.sha256("Jefe", "what do ya want for nothing?")));
    }
}
