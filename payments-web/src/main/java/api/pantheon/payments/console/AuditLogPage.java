package api.pantheon.payments.console;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.audit.entity.AuditView;
import api.pantheon.payments.operators.boundary.Operators;
import api.pantheon.payments.operators.entity.OperatorRole;
import api.pantheon.payments.operators.entity.OperatorView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The audit trail, narrowed by operator, action, target and time; and the operators who may log in. */
@Named
@RequestScoped
public class AuditLogPage {

    static final int PAGE = 50;

    @Inject
    Audit audit;

    @Inject
    Operators operators;

    @Inject
    HttpServletRequest request;

    private List<AuditView> lines;
    private List<String> problems;

    @PostConstruct
    void load() {
        Params params = new Params(request);
        lines = audit.search(params.text("actor"), params.text("action"), params.text("target"), params.time("from"),
                params.time("to"), params.number("before").orElse(null), PAGE);
        problems = params.problems();
    }

    public List<AuditView> getLines() {
        return lines;
    }

    public List<String> getProblems() {
        return problems;
    }

    public List<OperatorView> getOperators() {
        return operators.list();
    }

    public List<OperatorRole> getRoles() {
        return Arrays.asList(OperatorRole.values());
    }

    /** The next (older) page with the same filters, or none on the last page. */
    public String getNext() {
        if (lines.size() < PAGE) {
            return null;
        }
        return Stream.of("actor", "action", "target", "from", "to")
                .filter(name -> request.getParameter(name) != null && !request.getParameter(name).isBlank())
                .map(name -> name + "=" + URLEncoder.encode(request.getParameter(name), StandardCharsets.UTF_8))
                .collect(Collectors.collectingAndThen(Collectors.joining("&"),
                        query -> (query.isEmpty() ? "" : query + "&") + "before=" + lines.get(lines.size() - 1).id()));
    }
}
