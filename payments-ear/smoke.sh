#!/usr/bin/env bash
# Deploys the EAR to a full Payara Server and walks one payment of each kind through it: a wallet
# paying a 001 request, a card approved at once (200) and a card the sandbox declines. Not part of
# ./test.sh: it downloads Payara Server (170 MB) and takes about two minutes.
#   SMOKE_PORTBASE (default 28000: HTTP on 28080, admin on 28048)
set -euo pipefail
cd "$(dirname "$0")/.."
portbase="${SMOKE_PORTBASE:-28000}"
http_port=$((portbase + 80))
version="$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)"
work="$(pwd)/payments-ear/target/smoke"

mvn -B -q -DskipTests install
mkdir -p "$work"
if [ ! -d "$work/payara6" ]; then
  mvn -B -q dependency:copy -Dartifact="fish.payara.distributions:payara:$version:zip" -DoutputDirectory="$work"
  unzip -q -o "$work/payara-$version.zip" -d "$work"
fi
asadmin="$work/payara6/bin/asadmin"
data="$(mktemp -d)"
domain="payments-smoke"

export PAYMENTS_DATA_DIR="$data" PAYMENTS_ADMIN_TOKEN=smoke-admin-token
export PAYMENTS_DATASOURCE_CLASS=org.h2.jdbcx.JdbcDataSource
export PAYMENTS_DATASOURCE_URL="jdbc:h2:file:$data/payments;MODE=LEGACY;LOCK_TIMEOUT=10000"
export PAYMENTS_DATASOURCE_USER=sa PAYMENTS_DATASOURCE_PASSWORD=payments
export PAYMENTS_BUSINESS_SYSTEM_URL="http://127.0.0.1:$http_port/payments/sandbox" PAYMENTS_SANDBOX_ENABLED=true

"$asadmin" delete-domain "$domain" > /dev/null 2>&1 || true
"$asadmin" create-domain --portbase "$portbase" --nopassword "$domain" > /dev/null
"$asadmin" start-domain "$domain" > /dev/null
trap '"$asadmin" stop-domain "$domain" > /dev/null 2>&1; rm -rf "$data"' EXIT
admin_port=$((portbase + 48))
escaped_url="vm\\://payments?broker.persistent\\=true&broker.useJmx\\=false&broker.dataDirectory\\=$data/activemq"
"$asadmin" --port "$admin_port" create-resource-adapter-config --property "ServerUrl=$escaped_url" activemq-rar > /dev/null
"$asadmin" --port "$admin_port" deploy --type rar --name activemq-rar payments-web/target/activemq-rar.rar > /dev/null
"$asadmin" --port "$admin_port" deploy payments-ear/target/payments.ear > /dev/null

B="http://127.0.0.1:$http_port/payments"
ADMIN="Authorization: Bearer $PAYMENTS_ADMIN_TOKEN"
JSON="Content-Type: application/json"
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
expect() { if [ "$2" != "$3" ]; then echo "FAIL: $1: expected $2, got $3"; exit 1; fi; echo "ok: $1 ($3)"; }

shop=$(curl -sf $B/admin/v1/parties -H "$ADMIN" -H "$JSON" -d '{"kind":"MERCHANT","username":"shop"}' | field "['id']")
shop_account=$(curl -sf $B/admin/v1/parties/$shop/accounts -H "$ADMIN" -H "$JSON" -d '{"currency":"USD"}' | field "['id']")
shop_token=$(curl -sf -X POST $B/admin/v1/parties/$shop/keys -H "$ADMIN" -H "Audit-Reason: smoke test" | field "['token']")
anna=$(curl -sf $B/admin/v1/parties -H "$ADMIN" -H "$JSON" -d '{"kind":"PERSON","username":"anna"}' | field "['id']")
anna_wallet=$(curl -sf $B/admin/v1/parties/$anna/accounts -H "$ADMIN" -H "$JSON" -d '{"currency":"USD"}' | field "['id']")
anna_card=$(curl -sf $B/admin/v1/parties/$anna/accounts -H "$ADMIN" -H "$JSON" -d '{"currency":"USD","type":"CARD"}' | field "['id']")
curl -sf $B/admin/v1/accounts/$anna_wallet/deposits -H "$ADMIN" -H "Audit-Reason: smoke test" -H "$JSON" -d '{"amount": 20.00}' > /dev/null
anna_token=$(curl -sf -X POST $B/admin/v1/parties/$anna/keys -H "$ADMIN" -H "Audit-Reason: smoke test" | field "['token']")
request() { curl -sf $B/v1/requests -H "Authorization: Bearer $shop_token" -H "$JSON" \
  -d "{\"amount\": $1, \"currency\": \"USD\", \"recipient\": \"anna\"}" | field "['id']"; }
make_payment() { curl -s -o /dev/null -w '%{http_code}' -X PATCH $B/v1/items/$1/make_payment -H "Authorization: Bearer $anna_token" \
  -H "$JSON" -d "{\"account_id\": $anna_card, \"device_id\": \"smoke\", \"ip_address\": \"127.0.0.1\", \"wait\": 10}"; }

by_wallet=$(request 10.99)
curl -sf $B/v1/requests/$by_wallet/pay -H "Authorization: Bearer $anna_token" -H "$JSON" -d "{\"account_id\": $anna_wallet}" > /dev/null
expect "001 request paid from the wallet" paid "$(curl -sf $B/v1/requests/$by_wallet -H "Authorization: Bearer $shop_token" | field "['status']")"
expect "card approved within wait" 200 "$(make_payment "$(request 5.00)")"
declined=$(request 5.01)
make_payment "$declined" > /dev/null
expect "card declined" FAILED "$(curl -sf $B/v1/items/$declined/status -H "Authorization: Bearer $anna_token" | field "['payment']['status']")"
expect "merchant balance" 15.99 "$(curl -sf $B/admin/v1/accounts/$shop_account -H "$ADMIN" | field "['balance']")"
expect "books balance" 0 "$(curl -sf $B/admin/v1/ledger/trial-balance -H "$ADMIN" \
  | field "['currencies'][-1]['balance_total']" | python3 -c 'import sys; print(int(float(sys.stdin.read())))')"
echo "EAR smoke test passed on Payara Server $version"
