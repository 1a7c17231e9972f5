package api.pantheon.payments.bench;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console at size. {@code seed}: writes N payment requests straight into a stopped server's
 * embedded database, with balanced books (each paid request has its payment, its ledger transaction
 * and two postings; payers were funded by one deposit each). A year of requests, the last day busier.
 * {@code time}: logs in to the running console and times the dashboard, a party search and a search
 * of requests by phone, each several times.
 */
public final class ConsoleAtScale {

    private static final int MERCHANTS = 100;
    private static final int PERSONS = 10_000;
    private static final int BATCH = 5_000;

    private ConsoleAtScale() {
    }

    public static void main(String[] args) throws Exception {
        if ("seed".equals(args[0])) {
            seed(args[1], Integer.parseInt(args[2]));
        } else {
            time(args[1], args[2], args[3]);
        }
    }

    static void seed(String url, int count) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(42);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(url, "sa", "payments")) {
            db.setAutoCommit(false);
            long system = single(db, "select id from account where system_currency = 'USD'");
            long nextAccount = single(db, "select coalesce(max(id), 1000) + 1 from account") + 10;
            String[] merchants = new String[MERCHANTS];
            long[] merchantAccounts = new long[MERCHANTS];
            String[] persons = new String[PERSONS];
            long[] personAccounts = new long[PERSONS];
            long[] balances = new long[MERCHANTS + PERSONS];
            try (PreparedStatement party = db.prepareStatement(
                    "insert into party (id, kind, username, phone, display_name, created_at) values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement account = db.prepareStatement("insert into account (id, party_id, currency, kind, balance,"
                         + " created_at, version) values (?, ?, 'USD', 'WALLET', 0, ?, 0)")) {
                for (int i = 0; i < MERCHANTS + PERSONS; i++) {
                    boolean merchant = i < MERCHANTS;
                    String id = UUID.randomUUID().toString();
                    long accountId = nextAccount++;
                    party.setString(1, id);
                    party.setString(2, merchant ? "MERCHANT" : "PERSON");
                    party.setString(3, merchant ? "shop" + i : "person" + (i - MERCHANTS));
                    party.setString(4, merchant ? null : "+1212" + (5_000_000 + i - MERCHANTS));
                    party.setString(5, merchant ? "Shop " + i : null);
                    party.setObject(6, now.minusDays(400));
                    party.addBatch();
                    account.setLong(1, accountId);
                    account.setString(2, id);
                    account.setObject(3, now.minusDays(400));
                    account.addBatch();
                    if (merchant) {
                        merchants[i] = id;
                        merchantAccounts[i] = accountId;
                    } else {
                        persons[i - MERCHANTS] = id;
                        personAccounts[i - MERCHANTS] = accountId;
                    }
                }
                party.executeBatch();
                account.executeBatch();
            }
            db.commit();
            // The secondary indexes are built once at the end, from all the rows, rather than row by row.
            List<String> indexes = new java.util.ArrayList<>();
            try (Statement drop = db.createStatement()) {
                for (String index : secondaryIndexes(db)) {
                    try {
                        drop.execute("DROP INDEX " + index.replaceFirst("(?s)^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
                        indexes.add(index);
                    } catch (SQLException heldByAConstraint) {
                        // A foreign key's own index stays; the others are rebuilt at the end.
                    }
                }
            }
            String[] statuses = {"PAID", "PAID", "PAID", "PAID", "PAID", "PAID", "EXPIRED", "EXPIRED", "DECLINED", "PENDING"};
            try (PreparedStatement request = db.prepareStatement("insert into payment_request (id, requester_party_id,"
                    + " requester_account_id, recipient_party_id, payer_account_id, amount, currency, description, order_ref,"
                    + " expires_at, status, transaction_id, created_at, updated_at, version, refunded_amount)"
                    + " values (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, 0, 0)");
                 PreparedStatement payment = db.prepareStatement("insert into payment (id, request_id, payer_party_id,"
                         + " payer_account_id, payee_account_id, amount, currency, status, ledger_transaction_id, created_at,"
                         + " updated_at, version, kind) values (?, ?, ?, ?, ?, ?, 'USD', 'COMPLETED', ?, ?, ?, 0, 'PAYMENT')");
                 PreparedStatement transaction = db.prepareStatement(
                         "insert into ledger_transaction (id, kind, reference, created_at) values (?, ?, ?, ?)");
                 PreparedStatement posting = db.prepareStatement("insert into posting (id, transaction_id, account_id, amount,"
                         + " currency, created_at) values (?, ?, ?, ?, 'USD', ?)")) {
                for (int n = 0; n < count; n++) {
                    // One request in fifty in the last day; the rest over the year before it.
                    long secondsAgo = n % 50 == 0 ? random.nextInt(86_400) : 86_400 + random.nextInt(364 * 86_400);
                    OffsetDateTime created = now.minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MICROS);
                    int m = random.nextInt(MERCHANTS);
                    int p = random.nextInt(PERSONS);
                    String status = statuses[random.nextInt(statuses.length)];
                    if ("PENDING".equals(status) && secondsAgo > 86_400) {
                        status = "EXPIRED";
                    }
                    long cents = 100 + random.nextInt(20_000);
                    BigDecimal amount = BigDecimal.valueOf(cents, 2);
                    String id = UUID.randomUUID().toString();
                    boolean paid = "PAID".equals(status);
                    String paymentId = paid ? UUID.randomUUID().toString() : null;
                    request.setString(1, id);
                    request.setString(2, merchants[m]);
                    request.setLong(3, merchantAccounts[m]);
                    request.setString(4, persons[p]);
                    request.setObject(5, paid ? personAccounts[p] : null);
                    request.setBigDecimal(6, amount);
                    request.setString(7, "Order of " + created.toLocalDate());
                    request.setString(8, "o-" + n);
                    request.setObject(9, created.plusDays(1));
                    request.setString(10, status);
                    request.setString(11, paymentId);
                    request.setObject(12, created);
                    request.setObject(13, created);
                    request.addBatch();
                    if (paid) {
                        String transactionId = UUID.randomUUID().toString();
                        transaction.setString(1, transactionId);
                        transaction.setString(2, "PAYMENT");
                        transaction.setString(3, paymentId);
                        transaction.setObject(4, created);
                        transaction.addBatch();
                        payment.setString(1, paymentId);
                        payment.setString(2, id);
                        payment.setString(3, persons[p]);
                        payment.setLong(4, personAccounts[p]);
                        payment.setLong(5, merchantAccounts[m]);
                        payment.setBigDecimal(6, amount);
                        payment.setString(7, transactionId);
                        payment.setObject(8, created);
                        payment.setObject(9, created);
                        payment.addBatch();
                        addPosting(posting, transactionId, personAccounts[p], amount.negate(), created);
                        addPosting(posting, transactionId, merchantAccounts[m], amount, created);
                        balances[m] += cents;
                        balances[MERCHANTS + p] -= cents;
                    }
                    if ((n + 1) % BATCH == 0 || n == count - 1) {
                        request.executeBatch();
                        transaction.executeBatch();
                        payment.executeBatch();
                        posting.executeBatch();
                        db.commit();
                    }
                    if ((n + 1) % 100_000 == 0) {
                        System.out.printf("  %,d requests written (%d s)%n", n + 1, (System.nanoTime() - started) / 1_000_000_000);
                    }
                }
                fund(db, transaction, posting, system, personAccounts, balances, now.minusDays(366));
            }
            try (PreparedStatement balance = db.prepareStatement("update account set balance = ? where id = ?")) {
                for (int i = 0; i < balances.length; i++) {
                    long accountId = i < MERCHANTS ? merchantAccounts[i] : personAccounts[i - MERCHANTS];
                    balance.setBigDecimal(1, BigDecimal.valueOf(Math.max(0, balances[i]), 2));
                    balance.setLong(2, accountId);
                    balance.addBatch();
                }
                balance.executeBatch();
            }
            db.commit();
            try (Statement rebuild = db.createStatement()) {
                for (String index : indexes) {
                    rebuild.execute(index);
                }
                rebuild.execute("ANALYZE");
            }
            db.commit();
        }
        System.out.printf("Seeded %,d payment requests in %d s%n", count, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The plain (not unique, not key) indexes of the tables the seed fills, as H2 scripts them. */
    private static List<String> secondaryIndexes(Connection db) throws SQLException {
        List<String> indexes = new java.util.ArrayList<>();
        try (Statement script = db.createStatement(); ResultSet lines = script.executeQuery("SCRIPT NODATA")) {
            while (lines.next()) {
                String line = lines.getString(1).strip();
                if (line.matches("(?s)^CREATE INDEX \\S+ ON \"PUBLIC\"\\.\"(PAYMENT_REQUEST|PAYMENT|POSTING|LEDGER_TRANSACTION)\".*")) {
                    indexes.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
                }
            }
        }
        return indexes;
    }

    /** Each payer was funded from the system account with exactly what it paid: every wallet ends at zero or more. */
    private static void fund(Connection db, PreparedStatement transaction, PreparedStatement posting, long system,
                             long[] personAccounts, long[] balances, OffsetDateTime at) throws SQLException {
        long total = 0;
        for (int p = 0; p < personAccounts.length; p++) {
            long owed = -balances[MERCHANTS + p];
            if (owed <= 0) {
                continue;
            }
            String transactionId = UUID.randomUUID().toString();
            transaction.setString(1, transactionId);
            transaction.setString(2, "DEPOSIT");
            transaction.setString(3, "seed");
            transaction.setObject(4, at);
            transaction.addBatch();
            addPosting(posting, transactionId, system, BigDecimal.valueOf(-owed, 2), at);
            addPosting(posting, transactionId, personAccounts[p], BigDecimal.valueOf(owed, 2), at);
            balances[MERCHANTS + p] = 0;
            total += owed;
        }
        transaction.executeBatch();
        posting.executeBatch();
        try (PreparedStatement systemBalance = db.prepareStatement("update account set balance = balance - ? where id = ?")) {
            systemBalance.setBigDecimal(1, BigDecimal.valueOf(total, 2));
            systemBalance.setLong(2, system);
            systemBalance.executeUpdate();
        }
        db.commit();
    }

    private static void addPosting(PreparedStatement posting, String transactionId, long account, BigDecimal amount,
                                   OffsetDateTime at) throws SQLException {
        posting.setString(1, UUID.randomUUID().toString());
        posting.setString(2, transactionId);
        posting.setLong(3, account);
        posting.setBigDecimal(4, amount);
        posting.setObject(5, at);
        posting.addBatch();
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Logs in as the operator and times each page: the first read warms the server, the next five count. */
    static void time(String root, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String console = root + "/payments/console/";
        // The full check of the books runs at every start and reads every posting: wait for it, and say how long it took.
        long waiting = System.nanoTime();
        while (get(http, root + "/health/ready").statusCode() != 200) {
            if (System.nanoTime() - waiting > 1_200_000_000_000L) {
                throw new IllegalStateException("not ready after 20 minutes");
            }
            Thread.sleep(500);
        }
        System.out.printf("Ready (books checked at start) %d s after the application answered%n",
                (System.nanoTime() - waiting) / 1_000_000_000);
        String login = get(http, console + "login.xhtml").body();
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no form token on the login page");
        }
        String form = "csrf=" + enc(token.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(console + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (loggedIn.statusCode() != 302 || !loggedIn.headers().firstValue("Location").orElse("").contains("dashboard")) {
            throw new IllegalStateException("login failed: " + loggedIn.statusCode());
        }
        System.out.println("Console at size (ms per page: min / median / max of 5, after one warm-up read)");
        for (String page : List.of("dashboard.xhtml", "parties.xhtml?q=person42", "parties.xhtml?q=%2B12125000042",
                "requests.xhtml?q=%2B12125000042", "requests.xhtml?q=person42&status=PAID", "requests.xhtml", "requests.xhtml?status=PAID", "audit.xhtml")) {
            get(http, console + page);
            long[] millis = new long[5];
            int rows = 0;
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(http, console + page);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(page + " answered " + answer.statusCode());
                }
                rows = answer.body().split("data-test=\"(result-row|party-row)\"", -1).length - 1;
            }
            Arrays.sort(millis);
            System.out.printf("  %-42s %5d / %5d / %5d   (%d rows)%n", page, millis[0], millis[2], millis[4], rows);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
