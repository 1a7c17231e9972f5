package api.pantheon.payments.console;

import api.pantheon.payments.audit.boundary.Acting;
import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.bulk.boundary.BulkImports;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.AccountKind;
import api.pantheon.payments.operators.boundary.Operators;
import api.pantheon.payments.parties.boundary.IssuedKey;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.PartyKind;
import api.pantheon.payments.payments.boundary.Payments;
import api.pantheon.payments.payments.boundary.Reconciliation;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every action of the console, as a plain form post: the form token must match the session's, the
 * role must allow the action (a post the page would not have offered is refused and the refusal
 * kept in the audit trail), and the boundaries do the rest with the same rules as the API. The answer
 * is a redirect back to the page, which shows the outcome once (post, redirect, get).
 */
@WebServlet(urlPatterns = "/console/act")
// A bulk file is kept on disk as it arrives (beyond 64 KiB), never whole in memory. The container refuses
// a larger post before the form token is read: at most the import's default limit and a little form.
@MultipartConfig(fileSizeThreshold = 64 * 1024, maxFileSize = 50L * 1024 * 1024, maxRequestSize = 50L * 1024 * 1024 + 64 * 1024)
public class ActionServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ActionServlet.class.getName());

    /** One thing an operator can do: the role it needs, what it is done to, and the doing. */
    private record Action(String auditName, String role, String targetKind, String targetParam, Doing doing) {
    }

    @FunctionalInterface
    private interface Doing {
        Console.Flash apply(Form form);
    }

    /** The posted fields, read as text; the boundaries check them as they check the API's. */
    record Form(HttpServletRequest request) {
        /** An uploaded file's content, streamed; refused when the form carries none. */
        InputStream file(String name) {
            try {
                Part part = request.getContentType() != null && request.getContentType().startsWith("multipart/")
                        ? request.getPart(name) : null;
                if (part == null || part.getSize() == 0) {
                    throw ErrorCode.INVALID_DATA.exception(name + ": choose a file");
                }
                return part.getInputStream();
            } catch (IOException | ServletException unreadable) {
                throw ErrorCode.INVALID_DATA.exception(name + ": the upload could not be read");
            }
        }

        String text(String name) {
            String value = request.getParameter(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        BigDecimal amount(String name) {
            String value = text(name);
            if (value == null || !Params.AMOUNT.matcher(value).matches()) {
                throw ErrorCode.INVALID_DATA.exception(name + ": a positive amount such as 12.50");
            }
            return new BigDecimal(value);
        }

        Long number(String name) {
            String value = text(name);
            if (value == null || !value.matches("\\d{1,18}")) {
                throw ErrorCode.INVALID_DATA.exception(name + ": a number");
            }
            return Long.valueOf(value);
        }
    }

    @Inject
    PaymentRequests requests;

    @Inject
    Payments payments;

    @Inject
    Events events;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Ledger ledger;

    @Inject
    Parties parties;

    @Inject
    Operators operators;

    @Inject
    Audit audit;

    @Inject
    Jobs jobs;

    @Inject
    BulkImports bulk;

    @Inject
    Acting acting;

    private Map<String, Action> actions;

    @Override
    public void init() {
        actions = Map.ofEntries(
                Map.entry("cancel", new Action("request.cancel", ConsoleRoles.OPERATOR, "request", "id", form -> {
                    requests.cancelAsStaff(form.text("id"), form.text("reason"));
                    return done("Request cancelled.");
                })),
                Map.entry("expire", new Action("request.expire", ConsoleRoles.OPERATOR, "request", "id", form -> {
                    requests.expireNow(form.text("id"), form.text("reason"));
                    return done("Request expired.");
                })),
                Map.entry("refund", new Action("request.refund", ConsoleRoles.OPERATOR, "request", "id", form -> {
                    var refund = payments.refundAsStaff(form.text("id"), form.amount("amount"), form.text("reason"));
                    return done("Refunded " + refund.amount().amount().toPlainString() + " " + refund.amount().currencyCode()
                            + " (refund " + refund.id() + ").");
                })),
                Map.entry("replay", new Action("delivery.replay", ConsoleRoles.OPERATOR, "delivery", "delivery", form -> {
                    String[] deliveries = form.request().getParameterValues("delivery");
                    if (deliveries == null || deliveries.length == 0) {
                        throw ErrorCode.INVALID_DATA.exception("delivery: choose at least one");
                    }
                    Arrays.stream(deliveries).distinct().limit(500).forEach(events::replayDelivery);
                    return done(deliveries.length == 1 ? "Callback replayed: it is owed again."
                            : deliveries.length + " callbacks replayed: they are owed again.");
                })),
                Map.entry("ask-again", new Action("payment.ask_again", ConsoleRoles.OPERATOR, "payment", "payment", form ->
                        done("Asked the business system again: " + reconciliation.askAgain(form.text("payment"))))),
                Map.entry("deposit", new Action("account.deposit", ConsoleRoles.ADMIN, "account", "account", form -> {
                    var account = ledger.deposit(form.number("account"), form.amount("amount"), "console", form.text("reason"));
                    return done("Deposited; the balance is " + account.balance().amount().toPlainString() + ".");
                })),
                Map.entry("issue-key", new Action("key.issue", ConsoleRoles.ADMIN, "party", "party", form -> {
                    IssuedKey key = parties.issueKey(form.text("party"), form.text("reason"));
                    return new Console.Flash(true, "Key " + key.keyId() + " issued. Copy the token and signing secret now:"
                            + " they are not shown again.", "token " + key.token() + "   signing secret " + key.signingSecret());
                })),
                Map.entry("revoke-key", new Action("key.revoke", ConsoleRoles.ADMIN, "key", "key", form -> {
                    parties.revokeKey(form.text("party"), form.text("key"), form.text("reason"));
                    return done("Key revoked.");
                })),
                Map.entry("new-party", new Action("party.register", ConsoleRoles.ADMIN, "party", "username", form -> {
                    var party = parties.register(kindOf(form.text("kind")), form.text("username"), form.text("phone"),
                            form.text("display_name"), null, null);
                    return done("Party " + party.id() + " registered.");
                })),
                Map.entry("new-account", new Action("account.open", ConsoleRoles.ADMIN, "party", "party", form -> {
                    var account = ledger.open(form.text("party"), form.text("currency"), AccountKind.WALLET);
                    return done("Account " + account.id() + " opened.");
                })),
                Map.entry("new-operator", new Action("operator.create", ConsoleRoles.ADMIN, "operator", "username", form -> {
                    var operator = operators.create(form.text("username"), form.request().getParameter("password"),
                            form.text("role"), form.text("reason"));
                    return done("Operator " + operator.username() + " created as " + operator.role() + ".");
                })),
                Map.entry("upload-bulk", new Action("job.start", ConsoleRoles.OPERATOR, "party", "party", form -> {
                    var run = bulk.receive(parties.view(form.text("party")).id(), form.file("file"));
                    return done("Bulk file received; its import runs as " + run.id() + " (see Jobs).");
                })),
                Map.entry("start-job", new Action("job.start", ConsoleRoles.ADMIN, "job", "job", form -> {
                    String date = "retention".equals(form.text("job")) ? null : form.text("date");
                    var run = jobs.start(form.text("job"), date == null ? Map.of() : Map.of("date", date));
                    return done("Started " + run.jobName() + " (run " + run.id() + ").");
                })),
                Map.entry("stop-job", new Action("job.stop", ConsoleRoles.ADMIN, "job", "run", form -> {
                    jobs.stop(form.text("run"));
                    return done("Stopping at the next checkpoint.");
                })),
                Map.entry("restart-job", new Action("job.restart", ConsoleRoles.ADMIN, "job", "run", form -> {
                    jobs.restart(form.text("run"));
                    return done("Restarted from the last checkpoint.");
                })),
                Map.entry("remove-operator", new Action("operator.remove", ConsoleRoles.ADMIN, "operator", "username", form -> {
                    operators.remove(form.text("username"), form.text("reason"));
                    return done("Operator removed.");
                })));
    }

    private static PartyKind kindOf(String kind) {
        return "MERCHANT".equals(kind) ? PartyKind.MERCHANT : PartyKind.PERSON;
    }

    private static Console.Flash done(String text) {
        return new Console.Flash(true, text, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        HttpSession session = request.getSession(false);
        if (session == null || !Console.sameToken(Console.tokenIfAny(session).orElse(""), request.getParameter("csrf"))) {
            // Not from a page of ours (or the session has ended): nothing is done and nothing is said.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if ("logout".equals(request.getParameter("do"))) {
            request.logout();
            session.invalidate();
            response.sendRedirect(request.getContextPath() + ConsoleRoles.LOGIN_PAGE + "?bye");
            return;
        }
        Action action = actions.get(String.valueOf(request.getParameter("do")));
        Form form = new Form(request);
        Console.Flash outcome;
        if (action == null) {
            outcome = new Console.Flash(false, "No such action.", null);
        } else if (!request.isUserInRole(action.role())) {
            audit.refused(action.auditName(), new Audit.Target(action.targetKind(),
                    String.valueOf(form.text(action.targetParam()))), form.text("reason"));
            outcome = new Console.Flash(false, "Your role (" + ConsoleRoles.of(request) + ") does not allow this; the attempt is"
                    + " recorded.", null);
        } else {
            // the reason typed in the form is the reason of everything the action writes
            acting.because(form.text("reason"));
            outcome = attempt(action, form);
        }
        session.setAttribute(Console.FLASH, outcome);
        response.sendRedirect(back(request));
    }

    private static Console.Flash attempt(Action action, Form form) {
        try {
            return action.doing().apply(form);
        } catch (PaymentsException refused) {
            return new Console.Flash(false, refused.getMessage(), null);
        } catch (EJBException failed) {
            if (failed.getCause() instanceof PaymentsException refused) {
                return new Console.Flash(false, refused.getMessage(), null);
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "console action " + action.auditName() + " failed (" + reference + ")", failed);
            return new Console.Flash(false, "It failed unexpectedly; nothing was changed. Reference " + reference
                    + " in the server log.", null);
        }
    }

    /** Back to the console page the form was on; never anywhere else. */
    private static String back(HttpServletRequest request) {
        String console = request.getContextPath() + "/console/";
        String back = request.getParameter("back");
        if (back != null && back.startsWith(console) && !back.contains("//") && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl)) {
            return back;
        }
        return console + "dashboard.xhtml";
    }
}
