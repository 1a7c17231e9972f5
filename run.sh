#!/usr/bin/env bash
# Builds what is needed and starts Pantheon Payments on Payara Micro with an embedded H2 database.
#   PAYMENTS_PORT        HTTP port (default 8080)
#   PAYMENTS_BIND        address to listen on (default 127.0.0.1)
#   PAYMENTS_DATA_DIR    database, generated secrets (default ./data)
#   PAYMENTS_ADMIN_TOKEN operator token (default: generated on first start, kept in the data directory)
#   PAYMENTS_EXTRA_LIBS  jars for the server's class path, colon-separated (a JDBC driver, say)
#   PAYMENTS_INSTANCE_NAME   this instance's name in logs, /health and /metrics (default: the host's)
#   PAYMENTS_CLUSTER_MEMBERS Hazelcast members host:port,... to cluster with (default: no cluster);
#                            PAYMENTS_CLUSTER_PORT is this instance's own data grid port (cluster.sh sets both)
# Any other setting (see payments-ejb/src/main/resources/META-INF/microprofile-config.properties)
# can be given the same way: payments.datasource.url -> PAYMENTS_DATASOURCE_URL.
set -euo pipefail
cd "$(dirname "$0")"

port="${PAYMENTS_PORT:-8080}"
bind="${PAYMENTS_BIND:-127.0.0.1}"
data="${PAYMENTS_DATA_DIR:-./data}"
mkdir -p "$data"
# H2 wants an absolute path; so does anyone reading the logs.
export PAYMENTS_DATA_DIR="$(cd "$data" && pwd)"

# The database, chosen by configuration alone. The embedded default is an H2 file in the data directory.
# H2's driver rather than its data source: that class is also an XADataSource, so Payara would enlist
# every connection through XA (start, end, one-phase commit, and a rollback at each enlistment), which cost
# a tenth of the server's CPU per payment; the application's transactions have one database resource.
export PAYMENTS_DATASOURCE_CLASS="${PAYMENTS_DATASOURCE_CLASS:-org.h2.Driver}"
export PAYMENTS_DATASOURCE_URL="${PAYMENTS_DATASOURCE_URL:-jdbc:h2:file:$PAYMENTS_DATA_DIR/payments;MODE=LEGACY;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=128;CACHE_SIZE=262144}"
export PAYMENTS_DATASOURCE_USER="${PAYMENTS_DATASOURCE_USER:-sa}"
export PAYMENTS_DATASOURCE_PASSWORD="${PAYMENTS_DATASOURCE_PASSWORD:-payments}"

# Card and bank payments go to a business system. Without a real one, the built-in sandbox answers.
if [ -z "${PAYMENTS_BUSINESS_SYSTEM_URL:-}" ]; then
  export PAYMENTS_BUSINESS_SYSTEM_URL="http://127.0.0.1:$port/payments/sandbox"
  export PAYMENTS_SANDBOX_ENABLED="${PAYMENTS_SANDBOX_ENABLED:-true}"
fi
export PAYMENTS_PUBLIC_URL="${PAYMENTS_PUBLIC_URL:-http://localhost:$port/payments}"

if [ "${PAYMENTS_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -DskipTests -pl payments-web -am install
fi

preboot="$PAYMENTS_DATA_DIR/preboot.asadmin"
# Requests that wait (make payment) are suspended, not parked on threads: 64 request threads do.
{
  printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=%s\n' "$bind"
  printf 'set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64\n'
  # Answers do not name the product and its version: that only helps whoever looks for its known holes.
  printf 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false\n'
  printf 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false\n'
  # HTTP/1.1 only. Payara's cleartext HTTP/2 reads a stream's body on a request thread (slow clients could
  # starve the server past the non-blocking body reader) and recycles an upgraded request under an
  # answer still being written. TLS and HTTP/2 end at the load balancer, which speaks HTTP/1.1 to us.
  printf 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.http2-enabled=false\n'
  # The console's session cookie goes to no other site's requests, and only over TLS when the request came over it.
  printf 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-enabled=true\n'
  printf 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-value=Strict\n'
  printf 'set configs.config.server-config.http-service.virtual-server.server.session-cookie-secure=dynamic\n'
} > "$preboot"

# JMS: ActiveMQ's resource adapter, deployed before the application. By default it runs an embedded
# broker that keeps its messages in the data directory; PAYMENTS_JMS_URL names an external one.
jms_url="${PAYMENTS_JMS_URL:-vm://payments?broker.persistent=true&broker.useJmx=false&broker.dataDirectory=$PAYMENTS_DATA_DIR/activemq}"
postboot="$PAYMENTS_DATA_DIR/postboot.asadmin"
escaped_url=$(printf '%s' "$jms_url" | sed -e 's/:/\\:/g' -e 's/=/\\=/g')
# Jakarta Batch keeps its job repository in the application's own database (a server-level pool on the
# same URL), so job history survives a restart and every instance sees the same. Its connections stay
# out of the chunks' transactions: with the application's own (non-XA) connection already in one, a
# second is refused, and XA would cost every chunk a two-phase commit. The jobs resume from their
# own records where those are ahead of the runtime's checkpoint (see BulkRowReader).
# The batch runtime's pool wants a data source class; H2's driver is not one.
batch_datasource_class="$PAYMENTS_DATASOURCE_CLASS"
if [ "$batch_datasource_class" = "org.h2.Driver" ]; then batch_datasource_class=org.h2.jdbcx.JdbcDataSource; fi
asadmin_value() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }
{
  printf 'create-resource-adapter-config --property ServerUrl=%s activemq-rar\n' "$escaped_url"
  printf 'deploy --type rar --name activemq-rar %s\n' "$(pwd)/payments-web/target/activemq-rar.rar"
  printf 'create-jdbc-connection-pool --datasourceclassname=%s --restype=javax.sql.DataSource --nontransactionalconnections=true --property user=%s:password=%s:URL=%s payments-batch\n' \
    "$batch_datasource_class" "$(asadmin_value "$PAYMENTS_DATASOURCE_USER")" \
    "$(asadmin_value "$PAYMENTS_DATASOURCE_PASSWORD")" "$(asadmin_value "$PAYMENTS_DATASOURCE_URL")"
  printf 'create-jdbc-resource --connectionpoolid=payments-batch jdbc/payments-batch\n'
  printf 'set-batch-runtime-configuration --datasourcelookupname=jdbc/payments-batch --executorservicelookupname=concurrent/__defaultManagedExecutorService\n'
} > "$postboot"

echo "Starting Pantheon Payments on http://$bind:$port/payments (data in $PAYMENTS_DATA_DIR)"
# hazelcast.socket.bind.any=false keeps Payara's data grid port on the same address as HTTP.
# The JDK's HTTP client (submissions to the business system) completes every response on
# CompletableFuture's default executor, which starts a new thread per task unless the common pool
# has at least two threads, as it does not on a machine with two cores.
cluster=(--nocluster)
if [ -n "${PAYMENTS_CLUSTER_MEMBERS:-}" ]; then
  cluster=(--clustername "${PAYMENTS_CLUSTER_NAME:-payments}" --clustermode "tcpip:$PAYMENTS_CLUSTER_MEMBERS"
    --startport "${PAYMENTS_CLUSTER_PORT:-5900}")
fi
# Metrics carry the instance's name, as /health does.
export PAYMENTS_INSTANCE_NAME="${PAYMENTS_INSTANCE_NAME:-${HOSTNAME:-payments}}"
instance_name="$PAYMENTS_INSTANCE_NAME"
exec java -Dhazelcast.socket.bind.any=false \
  -Dmp.metrics.tags="instance=$instance_name" -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 ${PAYMENTS_JAVA_OPTS:-} -jar payments-web/target/payara-micro.jar \
  "${cluster[@]}" --interfaces "$bind" \
  --name "$instance_name" \
  --port "$port" \
  --prebootcommandfile "$preboot" \
  --postbootcommandfile "$postboot" \
  ${PAYMENTS_EXTRA_LIBS:+--addlibs "$PAYMENTS_EXTRA_LIBS"} \
  --deploy payments-web/target/payments.war --contextroot payments
