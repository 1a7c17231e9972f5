package api.pantheon.payments.edge;

/** Text from outside written into a CSV that people open in spreadsheets. */
public final class CsvText {

    private CsvText() {
    }

    /** Text a spreadsheet would take for a formula (=, +, -, @, a tab or a return first) is written as text. */
    public static String neutral(String text) {
        String value = text == null ? "" : text;
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
