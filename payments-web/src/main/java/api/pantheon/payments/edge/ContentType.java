package api.pantheon.payments.edge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Type} header read strictly (RFC 9110: {@code type/subtype *( ; name=value )}), so
 * that what the server cannot understand is refused with 415 before any library tries and fails.
 */
record ContentType(String type, String subtype, Optional<String> charset) {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA = Pattern.compile("\\s*(" + TOKEN + ")/(" + TOKEN + ")\\s*((?:;.*)?)");
    /** RFC 9110 allows an empty parameter ({@code application/json;}). */
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*;\\s*(?:(" + TOKEN + ")=(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?\\s*");

    /** Empty when there is no header; refused (IllegalArgumentException) when it is not one. */
    static Optional<ContentType> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher media = MEDIA.matcher(header);
        if (!media.matches()) {
            throw new IllegalArgumentException("not a media type");
        }
        String charset = null;
        Matcher parameter = PARAMETER.matcher(media.group(3));
        int at = 0;
        while (at < media.group(3).length()) {
            if (!parameter.find(at) || parameter.start() != at) {
                throw new IllegalArgumentException("malformed parameters");
            }
            if ("charset".equalsIgnoreCase(parameter.group(1))) {
                charset = parameter.group(2).replace("\"", "");
            }
            at = parameter.end();
        }
        return Optional.of(new ContentType(media.group(1).toLowerCase(Locale.ROOT), media.group(2).toLowerCase(Locale.ROOT),
                Optional.ofNullable(charset)));
    }

    static boolean isUtf8(String charset) {
        return charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || charset.equalsIgnoreCase("utf8");
    }

    /** {@code text/csv}: a bulk file. */
    boolean isCsv() {
        return type.equals("text") && subtype.equals("csv");
    }

    /** {@code application/json}, or a JSON suffix such as {@code application/problem+json}. */
    boolean isJson() {
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
