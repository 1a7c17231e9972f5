#!/usr/bin/env bash
# Load benchmark: builds, starts the server on a fresh data directory, sets up parties (BenchParties)
# and drives fixed-length phases with wrk (bench/phases.lua): create, pay (each request created once),
# transfer (002 without token), 002 requests, confirm (002 with token, each once), an authenticated
# read, create with an Idempotency-Key. For each: requests, throughput,
# p50/p99/max, errors, the server's CPU milliseconds per operation (/proc) and SQL statements per
# operation (the server's own count, /metrics). Then the books' trial balance.
# ./bench.sh postgres: the same on the local PostgreSQL.
# ./bench.sh cluster: the same phases through the balancer of ./cluster.sh (two instances on the local
# PostgreSQL, a standalone broker, HAProxy), with CPU and statements summed over the instances.
# Then 1,000 concurrent make-payment calls (wait=30) on the sandbox's 3-second answer, with the server's
# peak threads and heap.
#   BENCH_CONNECTIONS (default 16), BENCH_SECONDS per phase (default 20), BENCH_PORT (default 18090),
#   BENCH_WARMUP (seconds per kind of call before measuring, default 15),
#   BENCH_PHASES (default all, in the order above; pay needs create, confirm needs request-002),
#   BENCH_SKIP_BUILD=1 (use what the last build left), BENCH_MAKE_PAYMENTS (default 1000; 0 skips that part), BENCH_PROFILE (a directory: a JFR recording of
#   each phase is written there, <phase>.jfr)
# Then the bulk import of BENCH_BULK_ROWS (default 100,000; 0 skips it), and expiry and callbacks at
# size, then owed callbacks alone (see expiry_phase; BENCH_DUE=0 skips both, BENCH_OWED=0 the second),
# and the books again.
# Then the heap with BENCH_PENDING (default 1,000,000; 0 skips it) more pending requests (pending_phase).
# ./bench.sh expiry: only those two. ./bench.sh pending: only the heap with a million pending.
# ./bench.sh bulk: a bulk file of BENCH_BULK_ROWS (default 100,000) requests imported once, with its time and the heap.
# ./bench.sh console: the console at size instead. Writes BENCH_REQUESTS (default 1,000,000) payment
# requests into a fresh embedded database (the server stopped), starts the server on it and times the
# dashboard and the searches by party, logged in as the first ADMIN.
set -euo pipefail
cd "$(dirname "$0")"
connections="${BENCH_CONNECTIONS:-16}"
seconds="${BENCH_SECONDS:-20}"
port="${BENCH_PORT:-18090}"

# wrk, a light load client (Debian's package), so that the figures are the server's and not the client's.
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = "0" ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q wrk > /dev/null \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -q > /dev/null \
         && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q wrk > /dev/null; }
fi

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -DskipTests install
  mvn -B -q -pl src-it test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
fi

# BENCH_DATA_DIR keeps the data (and, for the console, the seeded database) for another run.
data="${BENCH_DATA_DIR:-$(mktemp -d)}"
mkdir -p "$data"
log="$data/server.log"
classpath="src-it/target/test-classes:$(cat src-it/target/bench.classpath)"
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi; [ -n "${BENCH_DATA_DIR:-}" ] || rm -rf "$data"' EXIT

# Recording from the start: a recording started later made the JIT compiler recompile for a while.
recording="-XX:StartFlightRecording=name=bench,settings=default,maxage=30m"
start_server() {
  # The expiry phase's callbacks go to a receiver on this machine, which callbacks may not reach otherwise.
  PAYMENTS_OUTBOUND_ALLOW_HOSTS=127.0.0.1 \
  PAYMENTS_SKIP_BUILD=1 PAYMENTS_PORT="$port" PAYMENTS_DATA_DIR="$data" PAYMENTS_ADMIN_TOKEN=bench-admin-token \
    PAYMENTS_CONSOLE_ADMIN_PASSWORD=bench-console-password \
    PAYMENTS_JAVA_OPTS="${PAYMENTS_JAVA_OPTS:--Xms1g -Xmx2g}${BENCH_PROFILE:+ $recording}" ./run.sh >> "$log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    # /health answers before the application is deployed: wait for the application itself.
    if curl -sf -H "Authorization: Bearer bench-admin-token" "http://127.0.0.1:$port/payments/admin/v1/operators" > /dev/null; then return; fi
    sleep 1
  done
  echo "server did not start; see $log"; tail -50 "$log"; exit 1
}

stop_server() {
  # Stopped only to write into its database; a kill loses nothing acknowledged (see CrashIT).
  kill -9 "$server"; wait "$server" 2>/dev/null || true; server=""
}

# The server's processes (one, or a cluster's instances; see below).
server_pids() { echo "$server"; }
# The server's own CPU time (user + system) in clock ticks, from /proc: what one operation costs it.
server_ticks() { local pid; for pid in $(server_pids); do awk '{ print $14 + $15 }' "/proc/$pid/stat"; done | awk '{ t += $1 } END { print t }'; }
ticks_per_second=$(getconf CLK_TCK)

# The books' whole check (the trial balance); an imbalance is printed in full and fails the run at its end.
unbalanced=""
books() {
  local trial
  trial=$(curl -s -H "Authorization: Bearer bench-admin-token" "http://127.0.0.1:$port/payments/admin/v1/ledger/trial-balance")
  if [[ "$trial" == *'"balanced":true'* ]]; then
    echo "books $1: balanced"
  else
    echo "books $1: DO NOT BALANCE: $trial"; unbalanced=1
  fi
}
finish() { [ -z "$unbalanced" ] || { echo "the books did not balance"; exit 1; }; exit 0; }

# Requests of a new merchant written straight into the server's database, the server stopped meanwhile
# (the embedded database takes one process): seed_requests <count> <due> <receiver port> <pending|owed>.
# The merchant is made through the admin API first: its callbacks are signed with a secret only the
# server can seal.
seed_requests() {
  java -cp "$classpath" api.pantheon.payments.bench.ExpiryAtScale merchant "http://127.0.0.1:$port" bench-admin-token "$data/merchant-$4"
  stop_server
  java -cp "$classpath${PAYMENTS_EXTRA_LIBS:+:$PAYMENTS_EXTRA_LIBS}" api.pantheon.payments.bench.ExpiryAtScale seed "$data/merchant-$4" \
    "${PAYMENTS_DATASOURCE_URL:-jdbc:h2:file:$data/payments;MODE=LEGACY}" "${PAYMENTS_DATASOURCE_USER:-sa}" \
    "${PAYMENTS_DATASOURCE_PASSWORD:-payments}" "$1" "$2" "$3" "$4"
  start_server
}

# Expiry and callbacks at size: BENCH_DUE (default 100,000) pending requests written into the database
# with the server stopped, all due in the same second, 90 s ahead (time for the server to start), each
# with a notify_url at the benchmark's receiver; then the server is started again and watched.
# With "owed": the requests are written expired already, each with its callback owed from that second,
# so that the callbacks' own pace shows, not the expiry's ahead of them.
expiry_phase() {
  local due count="${BENCH_DUE:-100000}" receiver="${BENCH_RECEIVER_PORT:-$((port + 1))}" kind="${1:-pending}"
  due=$(date -u -d "+90 seconds" +%Y-%m-%dT%H:%M:%SZ)
  seed_requests "$count" "$due" "$receiver" "$kind"
  local ticks; ticks=$(server_ticks)
  java -cp "$classpath" api.pantheon.payments.bench.ExpiryAtScale watch "http://127.0.0.1:$port" "$count" "$due" "$receiver" "$kind"
  awk -v cpu="$(( $(server_ticks) - ticks ))" -v tps="$ticks_per_second" -v n="$count" \
    'BEGIN { printf "  server CPU while watched (from its start, through the deadline, to the last callback): %.1f s, %.2f ms per request\n", cpu / tps, cpu * 1000 / tps / n }'
  [ -z "${BENCH_PROFILE:-}" ] || jcmd "$server" JFR.dump name=bench filename="$BENCH_PROFILE/expiry-$kind.jfr" > /dev/null
}

# A million pending requests cost the server no heap of their own (no timer or object per request: the
# sweep reads the due ones from an index, 500 at a time): its heap after a full GC, before and after
# BENCH_PENDING (default 1,000,000) requests due in three hours are written into its database.
heap_used_mib() {
  jcmd "$server" GC.run > /dev/null
  jcmd "$server" GC.heap_info | awk '/garbage-first heap/ { sub("K,?", "", $6); printf "%.0f", $6 / 1024 }'
}
pending_phase() {
  local count="${BENCH_PENDING:-1000000}" before
  before=$(heap_used_mib)
  seed_requests "$count" "$(date -u -d "+3 hours" +%Y-%m-%dT%H:%M:%SZ)" 1 pending
  sleep 10   # ten of the sweep's rounds over them
  echo "Pending requests and the heap: $before MiB used after a full GC before, $(heap_used_mib) MiB with $count more pending (the server restarted between)"
}

if [ "${1:-}" = "console" ]; then
  if [ ! -f "$data/seeded" ]; then
    start_server   # creates the schema
    stop_server
    java -cp "$classpath" api.pantheon.payments.bench.ConsoleAtScale seed \
      "jdbc:h2:file:$data/payments;MODE=LEGACY;CACHE_SIZE=2097152" "${BENCH_REQUESTS:-1000000}"
    touch "$data/seeded"
  fi
  start_server
  java -cp "$classpath" api.pantheon.payments.bench.ConsoleAtScale time "http://127.0.0.1:$port" admin bench-console-password
  exit 0
fi

if [ "${1:-}" = "pending" ]; then
  start_server   # creates the schema
  pending_phase
  finish
fi

if [ "${1:-}" = "expiry" ]; then
  start_server   # creates the schema
  expiry_phase pending
  [ "${BENCH_OWED:-1}" = "0" ] || expiry_phase owed
  books "at the end"
  finish
fi

if [ "${1:-}" = "bulk" ]; then
  start_server
  java -cp "$classpath" api.pantheon.payments.bench.BulkBenchmark "http://127.0.0.1:$port" bench-admin-token "${BENCH_BULK_ROWS:-100000}"
  exit 0
fi

database="H2 embedded"
if [ "${1:-}" = "postgres" ]; then
  # The same phases on the local PostgreSQL (127.0.0.1:5432, database test), in a schema of its own
  # that is dropped afterwards; the driver comes from Maven Central like every other dependency.
  mvn -B -q dependency:copy -Dartifact=org.postgresql:postgresql:42.7.4 -DoutputDirectory="$data/lib"
  schema="bench_$(date +%s)"
  pg="postgresql://postgres@127.0.0.1:5432/test"
  psql --no-psqlrc --quiet "$pg" -c "CREATE SCHEMA $schema"
  trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi; psql --no-psqlrc --quiet "$pg" -c "DROP SCHEMA $schema CASCADE" > /dev/null; [ -n "${BENCH_DATA_DIR:-}" ] || rm -rf "$data"' EXIT
  export PAYMENTS_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
  export PAYMENTS_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
  export PAYMENTS_DATASOURCE_USER=postgres PAYMENTS_DATASOURCE_PASSWORD=unused-with-trust-auth
  export PAYMENTS_EXTRA_LIBS="$data/lib/postgresql-42.7.4.jar"
  database="PostgreSQL"
fi

# Where each of the server's processes counts its statements.
metrics_urls() { echo "http://127.0.0.1:$port/metrics"; }
if [ "${1:-}" = "cluster" ]; then
  cluster=(env PAYMENTS_SKIP_BUILD=1 PAYMENTS_PORT="$port" PAYMENTS_CLUSTER_DIR="$data/cluster" PAYMENTS_ADMIN_TOKEN=bench-admin-token
    PAYMENTS_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/bench_cluster" PAYMENTS_BROKER_PORT=$((port + 50))
    PAYMENTS_JAVA_OPTS="-Xms1g -Xmx2g" ./cluster.sh)
  psql --no-psqlrc --quiet postgresql://postgres@127.0.0.1:5432/postgres -c "DROP DATABASE IF EXISTS bench_cluster WITH (FORCE)"
  trap '"${cluster[@]}" down > /dev/null; [ -n "${BENCH_DATA_DIR:-}" ] || rm -rf "$data"' EXIT
  "${cluster[@]}" up
  server_pids() { cat "$data"/cluster/pids/p*.pid; }
  metrics_urls() { for i in 1 2; do echo "http://127.0.0.1:$((port + i))/metrics"; done; }
  database="PostgreSQL, two instances behind HAProxy"
  BENCH_MAKE_PAYMENTS=0 BENCH_BULK_ROWS=0 BENCH_DUE=0
else
  start_server
fi
java -cp "$classpath" api.pantheon.payments.bench.BenchParties "http://127.0.0.1:$port" bench-admin-token "$data/parties.lua"
mkdir -p "$data/wrk"

# The SQL statements the server has sent, from its own count (the sql_statements gauge in /metrics).
server_statements() { local url; for url in $(metrics_urls); do curl -s "$url"; done | awk '/^sql_statements/ { t += $2 } END { print t }'; }

# One phase: wrk from $connections connections for $2 seconds; prints its line of figures.
phase() {
  local name="$1" duration="$2" quiet="${3:-}"
  local ticks statements line
  ticks=$(server_ticks); statements=$(server_statements)
  line=$(BENCH_PHASE="$name" BENCH_PARTIES="$data/parties.lua" BENCH_OUT="$data/wrk"     wrk -t"$connections" -c"$connections" -d"${duration}s" --timeout 10s -s bench/phases.lua "http://127.0.0.1:$port" | grep '^WRK ')
  [ -n "$quiet" ] && return
  [ -z "${BENCH_PROFILE:-}" ] || jcmd "$server" JFR.dump name=bench begin="-${duration}s" filename="$BENCH_PROFILE/$name.jfr" > /dev/null
  read -r _ requests rate p50 p99 max errors _ <<< "$line"
  awk -v n="$name" -v r="$requests" -v rate="$rate" -v p50="$p50" -v p99="$p99" -v max="$max" -v e="$errors"       -v cpu="$(( $(server_ticks) - ticks ))" -v tps="$ticks_per_second" -v sql="$(( $(server_statements) - statements ))"       'BEGIN { printf "%-18s %9d %10.0f %8.1f %8.1f %8.1f %7d %9.2f %8.1f\n", n, r, rate, p50, p99, max, e, r ? cpu * 1000 / tps / r : 0, r ? sql / r : 0 }'
}

# The JIT compiler is still busy for the first minute (it took a third of the CPU in a 15 s create phase
# after 10 s of warm-up), so every kind of call is warmed before anything is measured.
echo "Warming up (${BENCH_WARMUP:-15} s per kind of call)"
for name in create pay transfer request-002 confirm; do
  phase "$name" "${BENCH_WARMUP:-15}" quiet
done
echo "$connections connections (wrk, one thread each), $seconds s per phase; $database"
echo "phase               requests   per-sec   p50 ms   p99 ms   max ms  errors  cpu ms/op  sql/op"
for name in ${BENCH_PHASES:-create pay transfer request-002 confirm read create-idempotent}; do
  phase "$name" "$seconds"
done
books "after the phases"

if [ "${BENCH_MAKE_PAYMENTS:-1000}" != "0" ]; then
  # The client's 1,000 asynchronous calls would otherwise start a thread each on this core count (see run.sh).
  java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
    -cp "$classpath" api.pantheon.payments.bench.MakePaymentBenchmark \
    "http://127.0.0.1:$port" bench-admin-token "${BENCH_MAKE_PAYMENTS:-1000}"
  [ -z "${BENCH_PROFILE:-}" ] || jcmd "$server" JFR.dump name=bench begin=-20s filename="$BENCH_PROFILE/make-payment.jfr" > /dev/null
fi

if [ "${BENCH_BULK_ROWS:-100000}" != "0" ]; then
  java -cp "$classpath" api.pantheon.payments.bench.BulkBenchmark "http://127.0.0.1:$port" bench-admin-token "${BENCH_BULK_ROWS:-100000}"
fi

if [ "${BENCH_DUE:-100000}" != "0" ]; then
  expiry_phase pending
  [ "${BENCH_OWED:-1}" = "0" ] || expiry_phase owed
fi
[ "${BENCH_PENDING:-1000000}" = "0" ] || pending_phase
books "at the end"
finish
