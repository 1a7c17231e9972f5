#!/usr/bin/env bash
# The production topology on one machine: PostgreSQL, a standalone ActiveMQ broker, two (or more)
# Payara Micro instances clustered through Hazelcast, and HAProxy in front of them.
#
#   ./cluster.sh up            build, then start whatever is not running and wait until it serves
#   ./cluster.sh down          stop everything it started (SIGTERM: instances park their in-flight work)
#   ./cluster.sh stop NAME     stop one piece with SIGTERM: p1, p2, ..., broker or balancer
#   ./cluster.sh start NAME    start it again (an instance is waited for until it is ready)
#   ./cluster.sh kill NAME     kill -9 one piece (fault tests)
#   ./cluster.sh status        what runs, and each instance's readiness
#
#   PAYMENTS_PORT            the balancer's public port (default 8080); instance i listens on PAYMENTS_PORT+i
#   PAYMENTS_INSTANCES       how many instances (default 2), named p1, p2, ...
#   PAYMENTS_DATASOURCE_URL  the database (default jdbc:postgresql://127.0.0.1:5432/payments), created when
#                            absent; PAYMENTS_DATASOURCE_USER / _PASSWORD (default postgres, trust auth)
#   PAYMENTS_BROKER_PORT     the broker's OpenWire port (default 61616)
#   PAYMENTS_CLUSTER_DIR     logs, process ids, shared secrets, the broker's journal (default ./cluster-data)
# Every other PAYMENTS_* setting is handed to each instance, as run.sh reads it.
set -euo pipefail
cd "$(dirname "$0")"

lb_port="${PAYMENTS_PORT:-8080}"
instances="${PAYMENTS_INSTANCES:-2}"
broker_port="${PAYMENTS_BROKER_PORT:-61616}"
mkdir -p "${PAYMENTS_CLUSTER_DIR:-./cluster-data}"
dir="$(cd "${PAYMENTS_CLUSTER_DIR:-./cluster-data}" && pwd)"
mkdir -p "$dir/logs" "$dir/pids" "$dir/lib"
db_url="${PAYMENTS_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/payments}"
db_user="${PAYMENTS_DATASOURCE_USER:-postgres}"

names() { for i in $(seq 1 "$instances"); do printf 'p%s ' "$i"; done; }
pid_of() { cat "$dir/pids/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
port_of() { echo $((lb_port + ${1#p})); }
say() { printf '%s\n' "$*"; }

# A command from a Debian package, installed when this user may (root, or sudo without a password).
need() {
  command -v "$1" > /dev/null && return
  local apt_get=()
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); elif sudo -n true 2> /dev/null; then apt_get=(sudo apt-get); fi
  if [ ${#apt_get[@]} -eq 0 ] || ! command -v apt-get > /dev/null; then
    say "$1 is missing: install Debian's package $2"; exit 1
  fi
  say "Installing Debian's $2 package"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q "$2" > "$dir/logs/apt-$2.log" 2>&1 \
    || { "${apt_get[@]}" update -q > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q "$2" > "$dir/logs/apt-$2.log" 2>&1; } \
    || { say "Could not install $2 (see $dir/logs/apt-$2.log); install Debian's package $2"; exit 1; }
}

# Built once: the application, the broker's jars (ActiveMQ Classic from the resource adapter the build
# takes from Maven Central, with the JMS API) and PostgreSQL's driver.
build() {
  if [ "${PAYMENTS_SKIP_BUILD:-}" != "1" ]; then
    mvn -B -q -DskipTests -pl payments-web -am install
  fi
  if [ ! -f "$dir/lib/postgresql.jar" ]; then
    mvn -B -q -N dependency:copy -Dartifact=org.postgresql:postgresql:42.7.4 -DoutputDirectory="$dir/lib" -Dmdep.stripVersion=true
  fi
  if [ ! -f "$dir/lib/broker/activemq-broker-6.1.8.jar" ] || [ payments-web/target/activemq-rar.rar -nt "$dir/lib/broker" ]; then
    rm -rf "$dir/lib/broker" && mkdir -p "$dir/lib/broker"
    (cd "$dir/lib/broker" && unzip -q -o "$OLDPWD/payments-web/target/activemq-rar.rar" '*.jar')
    mvn -B -q -N dependency:copy -Dartifact=jakarta.jms:jakarta.jms-api:3.1.0 -DoutputDirectory="$dir/lib/broker"
  fi
}

# The database named by the URL, created when absent (PostgreSQL's own client does it).
database() {
  if [[ ! "$db_url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]]; then
    say "PAYMENTS_DATASOURCE_URL must be a jdbc:postgresql:// URL naming a database"; exit 1
  fi
  local host="${BASH_REMATCH[1]}" port="${BASH_REMATCH[3]:-5432}" name="${BASH_REMATCH[4]}"
  need psql postgresql-client
  local server="postgresql://$db_user@$host:$port/postgres"
  if ! PGPASSWORD="${PAYMENTS_DATASOURCE_PASSWORD:-}" psql --no-psqlrc -qtA "$server" -c 'select 1' > /dev/null; then
    say "PostgreSQL does not answer at $host:$port as $db_user"; exit 1
  fi
  if [ -z "$(PGPASSWORD="${PAYMENTS_DATASOURCE_PASSWORD:-}" psql --no-psqlrc -qtA "$server" \
      -c "select 1 from pg_database where datname = '$name'")" ]; then
    PGPASSWORD="${PAYMENTS_DATASOURCE_PASSWORD:-}" psql --no-psqlrc -q "$server" -c "create database \"$name\""
    say "Created database $name"
  fi
}

# Every instance must seal and open the same secrets and accept the same admin token: generated
# once here, handed to each instance, kept readable by this user only.
secret() {
  local file="$dir/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$dir/secrets" && chmod 700 "$dir/secrets"
    (umask 077 && eval "$2" > "$file")
  fi
  cat "$file"
}

# In this shell, before any instance starts: instances started side by side must not each make their own.
shared_secrets() {
  export PAYMENTS_ADMIN_TOKEN="${PAYMENTS_ADMIN_TOKEN:-$(secret admin-token 'head -c 32 /dev/urandom | base64 | tr -d "/+=\n"')}"
  export PAYMENTS_SECRETS_MASTER_KEY="${PAYMENTS_SECRETS_MASTER_KEY:-$(secret master.key 'head -c 32 /dev/urandom | base64')}"
  export PAYMENTS_CONSOLE_ADMIN_PASSWORD="${PAYMENTS_CONSOLE_ADMIN_PASSWORD:-$(secret console-admin-password 'head -c 18 /dev/urandom | base64 | tr -d "/+=\n"')}"
}

instance_environment() {
  local name=$1
  export PAYMENTS_PORT="$(port_of "$name")" PAYMENTS_INSTANCE_NAME="$name" PAYMENTS_DATA_DIR="$dir/$name"
  export PAYMENTS_SKIP_BUILD=1
  # The jobs' files (bulk uploads, reports) in one folder for all: on separate machines, a shared volume.
  export PAYMENTS_FILES_DIR="$dir/files"
  export PAYMENTS_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource PAYMENTS_DATASOURCE_URL="$db_url"
  export PAYMENTS_DATASOURCE_USER="$db_user" PAYMENTS_DATASOURCE_PASSWORD="${PAYMENTS_DATASOURCE_PASSWORD:-unused-with-trust-auth}"
  export PAYMENTS_EXTRA_LIBS="$dir/lib/postgresql.jar"
  # The failover transport reconnects through a broker restart; a send waits at most 5 s for it.
  export PAYMENTS_JMS_URL="failover:(tcp://127.0.0.1:$broker_port)?timeout=5000&initialReconnectDelay=100&maxReconnectDelay=1000"
  export PAYMENTS_PUBLIC_URL="${PAYMENTS_PUBLIC_URL:-http://localhost:$lb_port/payments}"
  # One business system for every instance, as a real one would be: without one, p1's built-in sandbox.
  if [ -z "${PAYMENTS_BUSINESS_SYSTEM_URL:-}" ]; then
    export PAYMENTS_BUSINESS_SYSTEM_URL="http://127.0.0.1:$(port_of p1)/payments/sandbox" PAYMENTS_SANDBOX_ENABLED=true
  fi
  # The balancer takes an instance out after two failed checks a second apart (longer when the machine
  # is busy); a stopping one serves 5 s more.
  export PAYMENTS_STOP_DRAIN_SECONDS="${PAYMENTS_STOP_DRAIN_SECONDS:-5}"
  local members="" i
  for i in $(seq 1 "$instances"); do members="${members:+$members,}127.0.0.1:$((5900 + i))"; done
  export PAYMENTS_CLUSTER_MEMBERS="$members" PAYMENTS_CLUSTER_PORT=$((5900 + ${name#p}))
}

# Something else on the port would answer in the instance's place (another run's instance, say).
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null; then
    say "Port $1 is taken by another process; stop it first"; exit 1
  fi
}

start_instance() {
  local name=$1
  running "$name" && return
  port_free "$(port_of "$name")"
  (instance_environment "$name" && exec setsid ./run.sh >> "$dir/logs/$name.log" 2>&1 < /dev/null) &
  echo $! > "$dir/pids/$name.pid"
  say "Started $name on http://127.0.0.1:$(port_of "$name")/payments (log: $dir/logs/$name.log)"
}

start_broker() {
  running broker && return
  port_free "$broker_port"
  (exec setsid java -Xmx512m -cp "$dir/lib/broker/*" cluster/Broker.java "tcp://127.0.0.1:$broker_port" "$dir/broker" \
    >> "$dir/logs/broker.log" 2>&1 < /dev/null) &
  echo $! > "$dir/pids/broker.pid"
  wait_for "broker" "listening on $broker_port" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$broker_port" 2> /dev/null
}

start_balancer() {
  running balancer && return
  port_free "$lb_port"
  need haproxy haproxy
  local name
  {
    cat <<CONFIG
# Written by cluster.sh.
global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 2s
    timeout client 60s
    # Longer than any call waits (make payment waits for the business system).
    timeout server 60s
    # An instance that is stopping answers 503 with Retry-After before it does anything, and one that
    # is down refuses the connection: both are safe to send to another instance. Nothing else is
    # retried, so a call that may have been carried out is never sent twice.
    retries 2
    retry-on conn-failure 503
    option redispatch 1
    # An instance takes calls while it takes payments: its readiness check "payments-intake" is UP from the
    # moment the application is deployed until it starts to stop. The checks of what all instances share
    # (the database, the books) are left out on purpose: were they DOWN, taking every instance out at
    # once would help no one. Payara's health endpoint answers a few seconds before the application's
    # pages do, so an unauthenticated call must also be refused by the application itself (401).
    option httpchk
    http-check connect
    http-check send meth GET uri /health/ready
    http-check expect rstring '"name":"payments-intake","status":"UP"'
    http-check connect
    http-check send meth GET uri /payments/v1/events
    http-check expect status 401
    default-server inter 1s fall 2 rise 2

frontend public
    bind 127.0.0.1:$lb_port
    # The console keeps its login in the instance's HTTP session: its pages stay on one instance.
    use_backend console if { path_beg /payments/console }
    default_backend api

backend api
    balance roundrobin
CONFIG
    for name in $(names); do printf '    server %s 127.0.0.1:%s check\n' "$name" "$(port_of "$name")"; done
    printf '\nbackend console\n    balance roundrobin\n    cookie PAYMENTS_INSTANCE insert indirect nocache httponly\n'
    for name in $(names); do printf '    server %s 127.0.0.1:%s check cookie %s\n' "$name" "$(port_of "$name")" "$name"; done
  } > "$dir/haproxy.cfg"
  (exec setsid haproxy -db -f "$dir/haproxy.cfg" >> "$dir/logs/balancer.log" 2>&1 < /dev/null) &
  echo $! > "$dir/pids/balancer.pid"
  say "Balancer on http://127.0.0.1:$lb_port/payments"
}

# Waits until the command succeeds, for at most the given seconds.
wait_for() {
  local what=$1 signal=$2 seconds=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ $SECONDS -ge "$deadline" ]; then
      say "$what is not $signal after ${seconds} s; see $dir/logs/$what.log"; return 1
    fi
    if [ "$what" != broker ] && [ "$what" != balancer ] && ! running "$what"; then
      say "$what stopped; see $dir/logs/$what.log"; return 1
    fi
    sleep 1
  done
}

# Ready, and the application serving (see the balancer's check below for why both).
ready_at() {
  curl -fs --max-time 2 "$1/health/ready" | grep -q '"name":"payments-intake","status":"UP"' \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/payments/v1/events")" = 401 ]
}
ready() { ready_at "http://127.0.0.1:$(port_of "$1")"; }
# Whether a call through the balancer reached the instance (each instance names itself in /health).
via_balancer() {
  local i
  for i in 1 2 3 4 5 6; do
    curl -s --max-time 2 "http://127.0.0.1:$lb_port/health/ready" | grep -q "\"name\":\"$1\"" && return 0
  done
  return 1
}

stop_piece() {
  local name=$1 signal=${2:-TERM} pid
  pid=$(pid_of "$name")
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$dir/pids/$name.pid"; return
  fi
  kill -"$signal" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt "$deadline" ]; do sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/pids/$name.pid"
  say "Stopped $name ($signal)"
}

start_piece() {
  case "$1" in
    broker) start_broker ;;
    balancer) start_balancer ;;
    p[0-9]*)
      shared_secrets
      start_instance "$1"
      wait_for "$1" ready 300 ready "$1"
      # In a rolling restart the next instance stops as soon as this returns: the balancer must be
      # sending calls here by then, or for a moment it would have no instance at all.
      if running balancer; then
        wait_for "$1" "in the balancer's rotation" 60 via_balancer "$1"
      fi
      say "$1 is ready"
      ;;
    *) say "No such piece: $1 (p1..p$instances, broker, balancer)"; exit 2 ;;
  esac
}

case "${1:-}" in
  up)
    need curl curl
    need unzip unzip
    build
    database
    shared_secrets
    start_broker
    for name in $(names); do start_instance "$name"; done
    for name in $(names); do wait_for "$name" ready 300 ready "$name"; done
    start_balancer
    wait_for balancer serving 30 ready_at "http://127.0.0.1:$lb_port"
    say "Cluster up: http://127.0.0.1:$lb_port/payments ($instances instances; admin token in $dir/secrets/admin-token)"
    ;;
  down)
    stop_piece balancer
    for name in $(names); do stop_piece "$name" & done
    wait
    stop_piece broker
    ;;
  stop) stop_piece "${2:?which piece}" ;;
  kill) stop_piece "${2:?which piece}" 9 ;;
  start) start_piece "${2:?which piece}" ;;
  status)
    for name in broker balancer $(names); do
      if running "$name"; then state=running; else state=stopped; fi
      case "$name" in p*) ready "$name" 2>/dev/null && state="$state, ready" ;; esac
      say "$name: $state"
    done
    ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
