package api.pantheon.payments.console;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** An account's statement: its postings, newest first, each with the balance after it, 50 a page. */
@Named
@RequestScoped
public class StatementPage {

    @Inject
    BackOffice backOffice;

    @Inject
    HttpServletRequest request;

    private BackOffice.Statement statement;

    @PostConstruct
    void load() {
        Params params = new Params(request);
        statement = params.number("account").flatMap(id -> backOffice.statement(id, params.text("before"), 50)).orElse(null);
    }

    public BackOffice.Statement getStatement() {
        return statement;
    }
}
