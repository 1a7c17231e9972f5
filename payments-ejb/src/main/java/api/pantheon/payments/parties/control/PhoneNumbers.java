package api.pantheon.payments.parties.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Phone numbers in E.164. A number written without its country code is read as a number of the
 * configured default country ({@code payments.phone.default-country-code}), as people write them.
 */
@ApplicationScoped
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private String defaultRegion;

    protected PhoneNumbers() {
        // for CDI's client proxy
    }

    @Inject
    public PhoneNumbers(@ConfigProperty(name = "payments.phone.default-country-code") int defaultCountryCode) {
        this.defaultRegion = UTIL.getRegionCodeForCountryCode(defaultCountryCode);
    }

    /** The number in E.164, or empty when the text is not a possible phone number. */
    public Optional<String> toE164(String text) {
        if (text == null || text.isBlank() || !text.matches("[+0-9 ().-]{4,32}")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
