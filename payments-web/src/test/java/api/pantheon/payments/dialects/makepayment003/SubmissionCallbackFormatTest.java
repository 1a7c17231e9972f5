package api.pantheon.payments.dialects.makepayment003;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubmissionCallbackFormatTest {

    @Test
    void makePaymentSignaturesAreBase64UrlWithoutPaddingOverTimeDotBody() {
        // computed independently: base64url(HMAC-SHA256("Jefe", "1795262301." + body)), padding removed
        assertEquals("t=1795262301,v=oO2tigaJPRtVTw3uAQLMtpGEao0IRJRhrB8kbBays0w",
                SubmissionCallbackFormat.signature("Jefe", 1795262301L, "{\"id\":\"x\"}"));
    }
}
