package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.balance;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.eventually;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real headless Chromium against the real server: logins, a refund found and made
 * from the request page, a viewer who can do nothing, a dead callback replayed, logout. Nested in
 * {@link PaymentsIT}, on its server.
 */
abstract class ConsoleScenarios extends WithCallbackReceiver {

    private static final String PASSWORD = "a long enough passphrase";

    private Browser browser;

    /** A failed test leaves the page it saw under target/screenshots (before @AfterEach closes the browser). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshots = context -> {
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.screenshot(context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private static String operator(String role) {
        String username = Api.unique(role.toLowerCase().substring(0, 3)).toLowerCase();
        check(admin("POST", "operators", json("username", username, "password", PASSWORD, "role", role)), 201);
        return username;
    }

    private record Paid(Client merchant, Client payer, String phone, String requestId) {
    }

    private Paid paidRequest(String notifyUrl) {
        String phone = "+1415" + (5550000 + (int) (Math.random() * 9999));
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", phone, "USD", "50");
        String id = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("20.00"), "currency", "USD",
                "recipient", phone, "description", "Console test", "notify_url", notifyUrl)), 200).string("id");
        check(post(payer.token(), "v1/requests/" + id + "/pay", json("account_id", payer.accountId())), 200);
        return new Paid(merchant, payer, phone, id);
    }

    @Test
    void aWrongPasswordIsRefusedAndFiveInARowLockTheAccount() {
        String username = operator("VIEWER");
        browser.logIn(username, "not the password");
        assertTrue(browser.textOf("login-error", "Wrong").contains("Wrong username or password"));
        for (int attempt = 2; attempt <= 5; attempt++) {
            browser.logIn(username, "not the password");
        }
        assertTrue(browser.textOf("login-error", "locked").contains("locked"));
        browser.logIn(username, PASSWORD);
        assertTrue(browser.textOf("login-error", "locked").contains("locked"), "the right password does not open a locked account");
        assertTrue(browser.url().contains("login.xhtml"));
        List<JsonObject> lines = check(admin("GET", "audit?target=" + username + "&action=operator.lock", null), 200)
                .json().getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(1, lines.size(), lines.toString());
    }

    @Test
    void anOperatorFindsAPaidRequestByIdAndByPhoneAndRefundsPartOfIt() {
        Paid paid = paidRequest(null);
        String username = operator("OPERATOR");
        browser.logIn(username, PASSWORD);
        assertEquals("balanced", browser.textOf("dashboard-books", "balanced"));

        browser.click("nav-requests");
        browser.type("search-query", paid.requestId());
        browser.click("search-submit");
        browser.textOf("result-row", paid.requestId());
        assertEquals(1, browser.all("result-row").size());

        browser.click("nav-requests");
        browser.type("search-query", paid.phone());
        browser.click("search-submit");
        WebElement row = browser.the("result-row");
        assertTrue(row.getText().contains(paid.requestId()), row.getText());
        row.findElement(By.tagName("a")).click();

        assertEquals("paid", browser.textOf("request-status", "paid"));
        List<String> timeline = browser.all("timeline-entry").stream().map(WebElement::getText).toList();
        assertTrue(timeline.stream().anyMatch(entry -> entry.contains("payment_request.paid")), timeline.toString());
        assertTrue(timeline.stream().anyMatch(entry -> entry.contains("Posting PAYMENT")), timeline.toString());

        browser.click("action-refund");
        browser.type("refund-amount", "4.00");
        browser.type("reason", "customer returned one item");
        browser.click("confirm");
        assertTrue(browser.textOf("flash", "Refunded").contains("4.00 USD"));
        assertEquals(new BigDecimal("16.00"), balance(paid.merchant().accountId()));
        assertEquals(new BigDecimal("34.00"), balance(paid.payer().accountId()));
        assertTrue(browser.the("refunded-amount").getText().startsWith("4.00"));

        browser.click("nav-audit");
        browser.type("audit-target", paid.requestId());
        browser.click("audit-submit");
        browser.waiting().until(ExpectedConditions.urlContains("target="));
        String refundLine = browser.all("audit-row").stream().map(WebElement::getText)
                .filter(text -> text.contains("request.refund")).findFirst().orElseThrow(() -> new AssertionError("no audit row"));
        assertTrue(refundLine.contains(username) && refundLine.contains("customer returned one item"), refundLine);
    }

    @Test
    void aViewerSeesNoActionAndAForgedPostIsRefusedLeavingOnlyARefusedLine() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "50");
        String pending = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("5.00"), "currency", "USD",
                "recipient", payer.username())), 200).string("id");
        String username = operator("VIEWER");
        browser.logIn(username, PASSWORD);
        browser.the("dashboard-books");
        browser.open("request.xhtml?id=" + pending);
        assertEquals("pending", browser.textOf("request-status", "pending"));
        assertTrue(browser.allStartingWith("action-").isEmpty(), "a viewer is offered no action");

        // What a viewer could still send by hand: the form the page did not offer, with the session's own token.
        browser.script("const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
                + "const fields = {csrf: document.querySelector('input[name=csrf]').value, do: 'cancel', id: arguments[1],"
                + " reason: 'forged', back: location.pathname + location.search};"
                + "for (const [name, value] of Object.entries(fields)) { const input = document.createElement('input');"
                + " input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input); }"
                + "document.body.appendChild(form); form.submit();", Api.BASE + "console/act", pending);
        assertTrue(browser.textOf("flash", "does not allow").contains("VIEWER"));
        assertEquals("pending", check(get(merchant.token(), "v1/requests/" + pending), 200).string("status"));
        List<JsonObject> lines = check(admin("GET", "audit?target=" + pending, null), 200).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        List<String> cancels = lines.stream().filter(line -> line.getString("action").equals("request.cancel"))
                .map(line -> line.getString("outcome") + " by " + line.getString("actor")).toList();
        assertEquals(List.of("REFUSED by " + username), cancels);
    }

    @Test
    void aDeadCallbackIsReplayedFromTheCallbacksPageAndArrives() throws InterruptedException {
        // Six failures in a row (the suite's schedule: 1 s, 1 s, 1 s, 1 s, 20 s) and the callback is dead.
        receiver.failFirst("/console-dead", 6);
        Paid paid = paidRequest(receiver.url("/console-dead"));
        String username = operator("OPERATOR");
        browser.logIn(username, PASSWORD);
        browser.the("dashboard-books");
        browser.open("callbacks.xhtml");
        WebElement dead = eventually(() -> {
            browser.reload();
            return browser.all("dead-row").stream().filter(row -> row.getText().contains(paid.requestId())).findFirst();
        }, java.util.Optional::isPresent, 60_000).orElseThrow(() -> new AssertionError("the callback never died"));
        dead.findElement(By.cssSelector("[data-test='dead-select']")).click();
        browser.click("action-replay");
        assertTrue(browser.textOf("flash", "replayed").contains("owed again"));
        List<CallbackReceiver.Received> arrived = receiver.await("/console-dead", 1, 20_000);
        assertEquals(paid.requestId(), arrived.get(0).body().getString("id"));
        assertEquals("paid", arrived.get(0).body().getString("status"));
    }

    @Test
    void anAdminRunsTheSettlementReportFromTheJobsPageAndWatchesItFinish() {
        operator("VIEWER");
        browser.logIn("admin", "it-console-admin-password");
        browser.the("dashboard-books");
        browser.click("nav-jobs");
        browser.click("job-start");
        // A date field takes keys in the browser's locale; its value is set as the form will send it.
        browser.the("job-date");
        browser.script("document.querySelector(\"[data-test='job-date']\").value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        browser.click("confirm");
        assertTrue(browser.textOf("flash", "Started").contains("settlement-report"));
        String status = eventually(() -> {
            browser.open("jobs.xhtml");
            return browser.the("job-status").getText();
        }, text -> !text.startsWith("START"), 30_000);
        assertEquals("COMPLETED", status);
        assertEquals("100", browser.the("job-progress").getAttribute("value"));
        assertFalse(browser.all("report-row").isEmpty());
    }

    @Test
    void anAdminReconcilesTodayFromTheJobsPageAndTheDashboardCountsItsDifferences() {
        browser.logIn("admin", "it-console-admin-password");
        browser.the("dashboard-books");
        browser.click("nav-jobs");
        browser.click("job-start");
        browser.script("document.querySelector(\"[data-test='job-name']\").value = arguments[0];", "reconciliation");
        browser.script("document.querySelector(\"[data-test='job-date']\").value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        browser.click("confirm");
        String flash = browser.textOf("flash", "Started");
        assertTrue(flash.contains("reconciliation"), flash);
        String runId = flash.substring(flash.indexOf("(run ") + 5, flash.indexOf(')'));
        Reply run = eventually(() -> check(admin("GET", "jobs/" + runId, null), 200),
                reply -> !reply.string("status").startsWith("START"), 60_000);
        assertEquals("COMPLETED", run.string("status"), run.toString());
        JsonObject counts = check(admin("GET", "reconciliations/" + runId, null), 200).json().getJsonObject("counts");
        long differences = counts.keySet().stream().filter(outcome -> !List.of("matched", "settled").contains(outcome))
                .mapToLong(outcome -> counts.getJsonNumber(outcome).longValue()).sum();
        browser.open("dashboard.xhtml");
        assertEquals(String.valueOf(differences), browser.the("dashboard-mismatches").getText());
        assertEquals(Math.min(differences, 10), browser.all("dashboard-mismatch").size());
        String csv = (String) browser.script("return fetch(arguments[0]).then(answer => answer.text());",
                browser.the("dashboard-reconciliation-csv").getAttribute("href"));
        assertTrue(csv.startsWith("line,submission_id,outcome"), csv);
        long lines = csv.lines().count() - 1;
        long all = counts.keySet().stream().mapToLong(outcome -> counts.getJsonNumber(outcome).longValue()).sum();
        assertEquals(all, lines, "every line of the run, in the operator's download");
    }

    @Test
    void anOperatorUploadsABulkFileForAMerchantFromItsPageWithAReason() throws java.io.IOException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", null);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bulk", ".csv");
        java.nio.file.Files.writeString(file, "recipient,amount,currency,description,order,expires_in,notify_url,external_id\n"
                + payer.username() + ",4.00,USD,Season ticket,,,,console-1\n" + payer.username() + ",oops,USD,,,,,console-2\n");
        browser.logIn(operator("OPERATOR"), PASSWORD);
        browser.the("dashboard-books");
        browser.open("party.xhtml?id=" + merchant.partyId());
        browser.click("action-upload-bulk");
        browser.the("bulk-file").sendKeys(file.toAbsolutePath().toString());
        browser.type("reason", "merchant's portal is down");
        browser.click("confirm");
        String flash = browser.textOf("flash", "received");
        String runId = flash.substring(flash.indexOf("runs as ") + 8, flash.indexOf(" (see"));
        Reply run = eventually(() -> check(get(merchant.token(), "v1/bulk-requests/" + runId), 200),
                reply -> !reply.string("status").startsWith("start"), 30_000);
        assertEquals("completed", run.string("status"), run.toString());
        assertEquals(1, run.number("rows_done"));
        assertEquals(1, run.number("rows_failed"));
        JsonObject line = check(admin("GET", "audit?target=" + runId + "&action=job.start", null), 200).json()
                .getJsonArray("entries").getJsonObject(0);
        assertEquals("OPERATOR", line.getString("actor_kind"));
        assertTrue(line.getString("reason").startsWith("merchant's portal is down"), line.toString());
        java.nio.file.Files.delete(file);
    }

    @Test
    void consolePagesForbidFramingNameTheirScriptsAndKeepTheCookieFromScriptsAndOtherSites() {
        Reply login = Api.send("GET", "console/login.xhtml", null, null, java.util.Map.of());
        assertEquals(200, login.status());
        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(policy -> policy.contains("frame-ancestors 'none'")), policies.toString());
        assertTrue(policies.stream().anyMatch(policy -> policy.contains("script-src 'self' 'nonce-")), policies.toString());
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("the login page opens a session for its form token"));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "not over plain HTTP: " + cookie);
        Reply anonymous = Api.send("GET", "console/dashboard.xhtml", null, null, java.util.Map.of());
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/console/login.xhtml"));
    }

    @Test
    void loggingOutEndsTheSession() {
        String username = operator("OPERATOR");
        browser.logIn(username, PASSWORD);
        browser.the("dashboard-books");
        browser.click("logout");
        browser.the("login-username");
        browser.open("dashboard.xhtml");
        browser.the("login-username");
        assertTrue(browser.url().contains("login.xhtml"), browser.url());
        assertFalse(browser.all("dashboard-books").stream().findAny().isPresent());
    }
}
