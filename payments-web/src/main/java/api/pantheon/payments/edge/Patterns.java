package api.pantheon.payments.edge;

/** The shapes some fields must have, shared by the records that declare bodies. */
public final class Patterns {

    /** An absolute http or https URL with a host: anything else could make the server fetch or link what it should not. */
    public static final String HTTP_URL = "[hH][tT][tT][pP][sS]?://[^\\s/?#@]+([/?#]\\S*)?";
    /** RFC 3339 with its offset, such as {@code 2020-02-01T21:22:12.800Z}. */
    public static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

    private Patterns() {
    }
}
