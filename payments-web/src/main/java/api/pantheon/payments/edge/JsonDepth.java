package api.pantheon.payments.edge;

/**
 * How deep a JSON text nests, counted over its bytes before any parser sees it: a parser building
 * a thousand nested objects recursively can exhaust its stack, so depth is refused up front. Brackets
 * inside strings do not count.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    static boolean exceeds(byte[] json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > maxDepth) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
    }
}
