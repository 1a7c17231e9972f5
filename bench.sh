#!/usr/bin/env bash
# Load benchmark: builds, starts the server on a fresh data directory, runs LoadBenchmark
# (create, pay, health; a fixed time each from concurrent connections), prints the figures, stops.
# Then 1,000 concurrent make-payment calls (wait=30) on the sandbox's 3-second answer, with the server's
# peak threads and heap.
#   BENCH_CONNECTIONS (default 16), BENCH_SECONDS per phase (default 20), BENCH_PORT (default 18090),
#   BENCH_MAKE_PAYMENTS (default 1000; 0 skips that part)
# ./bench.sh bulk: a bulk file of BENCH_BULK_ROWS (default 100,000) requests imported once, with its time and the heap.
# ./bench.sh console: the console at size instead. Writes BENCH_REQUESTS (default 1,000,000) payment
# requests into a fresh embedded database (the server stopped), starts the server on it and times the
# dashboard and the searches by party, logged in as the first ADMIN.
set -euo pipefail
cd "$(dirname "$0")"
connections="${BENCH_CONNECTIONS:-16}"
seconds="${BENCH_SECONDS:-20}"
port="${BENCH_PORT:-18090}"

mvn -B -q -DskipTests install
mvn -B -q -pl src-it test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

# BENCH_DATA_DIR keeps the data (and, for the console, the seeded database) for another run.
data="${BENCH_DATA_DIR:-$(mktemp -d)}"
mkdir -p "$data"
log="$data/server.log"
classpath="src-it/target/test-classes:$(cat src-it/target/bench.classpath)"
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null; fi; [ -n "${BENCH_DATA_DIR:-}" ] || rm -rf "$data"' EXIT

start_server() {
  PAYMENTS_SKIP_BUILD=1 PAYMENTS_PORT="$port" PAYMENTS_DATA_DIR="$data" PAYMENTS_ADMIN_TOKEN=bench-admin-token \
    PAYMENTS_CONSOLE_ADMIN_PASSWORD=bench-console-password \
    PAYMENTS_JAVA_OPTS="${PAYMENTS_JAVA_OPTS:--Xms1g -Xmx2g}" ./run.sh >> "$log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    # /health answers before the application is deployed: wait for the application itself.
    if curl -sf -H "Authorization: Bearer bench-admin-token" "http://127.0.0.1:$port/payments/admin/v1/operators" > /dev/null; then return; fi
    sleep 1
  done
  echo "server did not start; see $log"; tail -50 "$log"; exit 1
}

stop_server() {
  # Only the schema-creating start is stopped this way; a kill loses nothing acknowledged (see CrashIT).
  kill -9 "$server"; wait "$server" 2>/dev/null || true; server=""
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

if [ "${1:-}" = "bulk" ]; then
  start_server
  java -cp "$classpath" api.pantheon.payments.bench.BulkBenchmark "http://127.0.0.1:$port" bench-admin-token "${BENCH_BULK_ROWS:-100000}"
  exit 0
fi

start_server

java -cp "$classpath" api.pantheon.payments.bench.LoadBenchmark \
  "http://127.0.0.1:$port" bench-admin-token "$connections" "$seconds"

if [ "${BENCH_MAKE_PAYMENTS:-1000}" != "0" ]; then
  # The client's 1,000 asynchronous calls would otherwise start a thread each on this core count (see run.sh).
  java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
    -cp "$classpath" api.pantheon.payments.bench.MakePaymentBenchmark \
    "http://127.0.0.1:$port" bench-admin-token "${BENCH_MAKE_PAYMENTS:-1000}"
fi
