package api.pantheon.payments.parties.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers usDefault = new PhoneNumbers(1);
    private final PhoneNumbers icelandDefault = new PhoneNumbers(354);

    @ParameterizedTest
    @ValueSource(strings = {"+14155551212", "14155551212", "4155551212", "(415) 555-1212", "+1 415 555 1212", "011 1 415 555 1212"})
    void readsAUsNumberWrittenAnyWay(String written) {
        assertEquals(Optional.of("+14155551212"), usDefault.toE164(written));
    }

    @ParameterizedTest
    @CsvSource({"5551234,+3545551234", "+354 555 1234,+3545551234", "+14155551212,+14155551212"})
    void addsTheConfiguredCountryCodeOnlyWhenNoneIsWritten(String written, String expected) {
        assertEquals(Optional.of(expected), icelandDefault.toE164(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "anna", "+1 415 555 1212 ext", "++1", "0000000000000000000000"})
    void refusesWhatIsNotAPhoneNumber(String written) {
        assertEquals(Optional.empty(), usDefault.toE164(written));
    }
}
