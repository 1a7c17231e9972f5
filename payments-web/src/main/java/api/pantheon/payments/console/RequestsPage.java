package api.pantheon.payments.console;

import api.pantheon.payments.requests.boundary.RequestPage;
import api.pantheon.payments.requests.boundary.RequestSearch;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Request search: the filters are the page's query, so a search can be bookmarked, shared and exported. */
@Named
@RequestScoped
public class RequestsPage {

    static final int PAGE = 50;
    static final List<String> FILTERS = List.of("q", "status", "currency", "min", "max", "from", "to");

    @Inject
    RequestSearch search;

    @Inject
    HttpServletRequest request;

    private RequestPage page;
    private List<String> problems;

    @PostConstruct
    void load() {
        Params params = new Params(request);
        RequestSearch.Criteria criteria = criteriaOf(params);
        page = search.search(criteria, positionOf(params.text("after")), PAGE);
        problems = params.problems();
    }

    static RequestSearch.Criteria criteriaOf(Params params) {
        String currency = params.text("currency");
        return new RequestSearch.Criteria(params.text("q"), params.choice("status", RequestStatus.class),
                currency == null ? null : currency.toUpperCase(), params.amount("min"), params.amount("max"),
                params.time("from"), params.time("to"));
    }

    /** The keyset cursor, {@code <created>_<id>}: a bad one starts from the top. */
    static RequestPage.Position positionOf(String after) {
        if (after != null) {
            int cut = after.indexOf('_');
            if (cut > 0) {
                try {
                    return new RequestPage.Position(Instant.parse(after.substring(0, cut)), after.substring(cut + 1));
                } catch (DateTimeParseException ignored) {
                    // A hand-edited cursor: the first page is the honest answer.
                }
            }
        }
        return RequestPage.Position.START;
    }

    public RequestPage getPage() {
        return page;
    }

    public List<String> getProblems() {
        return problems;
    }

    public List<RequestStatus> getStatuses() {
        return Arrays.asList(RequestStatus.values());
    }

    public String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** The current filters as a query string, for the next page and the CSV export. */
    public String getQuery() {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value);
            }
        });
        return filters.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String getNext() {
        return page.next().map(position -> URLEncoder.encode(position.createdAt() + "_" + position.id(), StandardCharsets.UTF_8))
                .orElse(null);
    }
}
