package api.pantheon.payments.bench;

import api.pantheon.payments.ids.TimeOrderedIds;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expiry and callbacks at size. {@code seed}: writes N pending payment requests straight into the
 * database (a stopped server's embedded one, or PostgreSQL), all due in the same second, each with a
 * notify_url at a local receiver. {@code watch}: receives those callbacks while the running server
 * expires the requests, and prints how long after the deadline the last one was expired (the server's
 * own count of overdue requests, from /metrics), the callbacks delivered per second, duplicates, and
 * the server's heap. Every expiry owes exactly one callback, so N distinct arrivals also show that
 * every expired request has its event.
 */
public final class ExpiryAtScale {

    private static final int RECIPIENTS = 1_000;
    private static final int BATCH = 5_000;
    private static final Duration GAUGE_FRESHNESS = Duration.ofMillis(1_100);
    private static final Pattern OVERDUE = Pattern.compile("(?m)^payment_requests_overdue\\S*\\s+([0-9.eE+-]+)$");

    private ExpiryAtScale() {
    }

    public static void main(String[] args) throws Exception {
        if ("merchant".equals(args[0])) {
            merchant(args[1], args[2], Path.of(args[3]));
        } else if ("seed".equals(args[0])) {
            String[] merchant = Files.readString(Path.of(args[1])).strip().split(" ");
            seed(args[2], args[3], args[4], merchant[0], Long.parseLong(merchant[1]), Integer.parseInt(args[5]),
                    Instant.parse(args[6]), Integer.parseInt(args[7]), args.length > 8 && "owed".equals(args[8]));
        } else {
            watch(args[1], Integer.parseInt(args[2]), Instant.parse(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 && "owed".equals(args[5]));
        }
    }

    /**
     * The requester, made through the admin API while the server runs: its callbacks are signed with its
     * key's secret, which only the server can seal. Writes "party-id account-id" to {@code file}.
     */
    static void merchant(String root, String admin, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchHttp.Merchant merchant = BenchHttp.merchant(http, root, admin,
                "dueshop" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        Files.writeString(file, merchant.partyId() + " " + merchant.accountId() + "\n");
    }

    /**
     * {@code owed}: the requests are written expired already, each with its event and its callback owed
     * from {@code due}, so that the callbacks' pace is measured alone, not behind the expiry's.
     */
    static void seed(String url, String user, String password, String merchant, long merchantAccount, int count, Instant due,
                     int receiverPort, boolean owed) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            long nextAccount;
            try (Statement max = db.createStatement(); ResultSet row = max.executeQuery("select coalesce(max(id), 1000) + 10 from account")) {
                row.next();
                nextAccount = row.getLong(1);
            }
            String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            String[] persons = new String[RECIPIENTS];
            try (PreparedStatement party = db.prepareStatement(
                    "insert into party (id, kind, username, phone, display_name, created_at) values (?, ?, ?, null, null, ?)");
                 PreparedStatement account = db.prepareStatement("insert into account (id, party_id, currency, kind, balance,"
                         + " created_at, version) values (?, ?, 'USD', 'WALLET', 0, ?, 0)")) {
                for (int i = 0; i < RECIPIENTS; i++) {
                    persons[i] = TimeOrderedIds.next();
                    party.setString(1, persons[i]);
                    party.setString(2, "PERSON");
                    party.setString(3, "due" + i + "x" + run);
                    party.setObject(4, now);
                    party.addBatch();
                    account.setLong(1, nextAccount++);
                    account.setString(2, persons[i]);
                    account.setObject(3, now);
                    account.addBatch();
                }
                party.executeBatch();
                account.executeBatch();
            }
            // The server numbers the accounts it opens after these (a second run of this, say, opens one).
            try (Statement sequence = db.createStatement()) {
                sequence.execute("alter sequence account_seq restart with " + (nextAccount + 10));
            }
            OffsetDateTime deadline = due.atOffset(ZoneOffset.UTC);
            OffsetDateTime expiresAt = owed ? now : deadline;
            // Event numbers far above any the server hands out during a benchmark.
            long firstSequence = 1_000_000_000_000L + System.nanoTime() % 1_000_000_000L * 1_000;
            try (PreparedStatement request = db.prepareStatement("insert into payment_request (id, requester_party_id,"
                    + " requester_account_id, recipient_party_id, amount, currency, description, order_ref, notify_url,"
                    + " expires_at, status, created_at, updated_at, version, refunded_amount, channel, last_event_sequence)"
                    + " values (?, ?, ?, ?, ?, 'USD', 'Due together', ?, ?, ?, ?, ?, ?, 0, 0, 'INBOX', ?)");
                 PreparedStatement event = db.prepareStatement("insert into event (id, sequence, party_id, request_id, status,"
                         + " occurred_at) values (?, ?, ?, ?, 'EXPIRED', ?)");
                 PreparedStatement delivery = db.prepareStatement("insert into delivery (id, event_id, event_sequence, request_id,"
                         + " url, state, attempts, next_attempt_at, created_at, updated_at, version, party_id, kind)"
                         + " values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, 0, ?, 'REQUEST_CALLBACK')")) {
                for (int n = 0; n < count; n++) {
                    String requestId = TimeOrderedIds.next();
                    String notifyUrl = "http://127.0.0.1:" + receiverPort + "/expired/" + n;
                    long sequence = firstSequence + n;
                    bind(request, requestId, merchant, merchantAccount, persons[n % RECIPIENTS],
                            BigDecimal.valueOf(100 + n % 10_000, 2), "due-" + n, notifyUrl, expiresAt, owed ? "EXPIRED" : "PENDING",
                            now, now, owed ? sequence : null);
                    if (owed) {
                        String eventId = TimeOrderedIds.next();
                        bind(event, eventId, sequence, merchant, requestId, now);
                        event.addBatch();
                        bind(delivery, TimeOrderedIds.next(), eventId, sequence, requestId, notifyUrl, deadline, now, now,
                                merchant);
                        delivery.addBatch();
                    }
                    request.addBatch();
                    if ((n + 1) % BATCH == 0 || n == count - 1) {
                        request.executeBatch();
                        if (owed) {
                            event.executeBatch();
                            delivery.executeBatch();
                        }
                        db.commit();
                    }
                }
            }
        }
        System.out.printf(owed ? "Seeded %,d expired requests, their callbacks owed from %s%n"
                : "Seeded %,d pending requests due at %s%n", count, due);
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.BIGINT); // the only value written empty: a request's last event number
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    static void watch(String root, int count, Instant due, int receiverPort, boolean owed) throws Exception {
        BitSet seen = new BitSet(count);
        AtomicLong arrivals = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/expired/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/expired/".length()));
            long at = System.nanoTime();
            first.compareAndSet(0, at);
            last.set(at);
            synchronized (seen) {
                if (seen.get(n)) {
                    duplicates.incrementAndGet();
                } else {
                    seen.set(n);
                }
            }
            arrivals.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong threads = new AtomicLong();
        AtomicLong heap = new AtomicLong();
        while (Instant.now().isBefore(due)) {
            BenchHttp.sample(http, root, threads, heap);
            Thread.sleep(200);
        }
        long dueNanos = System.nanoTime();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        // Callbacks still arriving when the time is up are counted as they stand.
        double expiredAfter = -1;
        long overdue = -1;
        while (Instant.now().isBefore(giveUp)) {
            String metrics = BenchHttp.sample(http, root, threads, heap);
            Matcher m = OVERDUE.matcher(metrics);
            overdue = m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
            // The server's gauges share one reading of at most a second ago: a zero read sooner may predate the deadline.
            boolean readAfterDeadline = System.nanoTime() - dueNanos > GAUGE_FRESHNESS.toNanos();
            if (expiredAfter < 0 && overdue == 0 && readAfterDeadline) {
                expiredAfter = (System.nanoTime() - dueNanos) / 1e9;
            }
            if (expiredAfter >= 0 && seen.cardinality() >= count) {
                break;
            }
            Thread.sleep(100);
        }
        receiver.stop(0);
        double spread = (last.get() - first.get()) / 1e9;
        if (!owed) {
            System.out.printf("Expiry of %,d requests due in the same second: %s%n", count, expiredAfter < 0
                    ? String.format("NOT all expired within 5 minutes: %,d expired (%.0f per second), %,d still overdue",
                            count - overdue, (count - overdue) / 300.0, overdue)
                    : String.format("all expired %.1f s after their deadline (%.0f per second)", expiredAfter, count / expiredAfter));
        }
        System.out.printf("%s: %,d of %,d received, %d duplicates; first to last %.1f s, %.0f per second%n",
                owed ? "Owed callbacks alone" : "Callbacks",
                seen.cardinality(), count, duplicates.get(), spread, spread > 0 ? arrivals.get() / spread : 0.0);
        System.out.printf("  server heap used at its peak: %d MiB, threads at their peak: %d%n", heap.get() / 1048576, threads.get());
        System.exit(0);
    }
}
