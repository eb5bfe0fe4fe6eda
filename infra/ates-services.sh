#!/usr/bin/env bash
# Brings up the services aTES needs WITHOUT Docker, on a Debian/Ubuntu machine, as root:
#   PostgreSQL (5432), Redis (6379), ClickHouse (8123), Kafka KRaft broker (9092), GreenMail SMTP (3025, API 8025).
#
#   infra/ates-services.sh up       start what is missing (servers already listening are reused)
#   infra/ates-services.sh status   one line per service
#   infra/ates-services.sh down     stop only what 'up' started
#   infra/ates-services.sh browser  install what the browser tests drive: Debian's Chromium and axe-core (npm)
#
# Data lives under $ATES_HOME (default: <repo>/.ates), ignored by git.
# With Docker, infra/docker-compose.yml brings up the same services instead.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ATES_HOME="${ATES_HOME:-$REPO/.ates}"
RUN="$ATES_HOME/run"
LOGS="$ATES_HOME/logs"

PG_PORT=5432
REDIS_PORT=6379
CH_HTTP_PORT=8123
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
SMTP_PORT=3025
MAIL_API_PORT=8025

KAFKA_VERSION=3.9.1
GREENMAIL_VERSION=2.1.13

say()  { printf '[ates-services] %s\n' "$*" >&2; }
fail() { # service, what went wrong, what to do
  printf '\n[ates-services] %s FAILED: %s\n[ates-services] What to do: %s\n' "$1" "$2" "$3" >&2
  exit 1
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # service, seconds, check command...
  local service=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}
mark_started() { echo "$2" > "$RUN/$1.started"; }
started_by_us() { [ -f "$RUN/$1.started" ]; }

APT_UPDATED=""
apt_install() { # service, packages...
  local service=$1; shift
  command -v apt-get >/dev/null || fail "$service" "apt-get not found, cannot install: $*" \
    "install $* yourself, or use Docker: docker compose -f infra/docker-compose.yml up -d"
  [ "$(id -u)" = 0 ] || fail "$service" "installing $* needs root" "run this script as root (or sudo)"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOGS/apt.log" 2>&1 \
      || fail "$service" "apt-get update failed (see $LOGS/apt.log)" "check the network/apt sources, then run again"
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1 \
    || fail "$service" "apt-get install $* failed (see $LOGS/apt.log)" "fix apt and run again"
}
mvn_cmd() { if [ -x "$REPO/mvnw" ]; then echo "$REPO/mvnw"; else echo mvn; fi; }

# ---------------------------------------------------------------- PostgreSQL
pg_up() {
  if ! listening $PG_PORT; then
    if ! command -v pg_ctlcluster >/dev/null; then apt_install PostgreSQL postgresql; fi
  fi
  # The package's own scripts may have started it already.
  if ! listening $PG_PORT; then
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    [ -n "$version" ] || fail PostgreSQL "no cluster found under /etc/postgresql" "run: pg_createcluster <version> main"
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >>"$LOGS/postgresql.log" 2>&1 \
      || fail PostgreSQL "pg_ctlcluster $version main start failed (see $LOGS/postgresql.log and /var/log/postgresql)" \
              "start it by hand: pg_ctlcluster --skip-systemctl-redirect $version main start"
    mark_started postgresql "$version"
    wait_for PostgreSQL 30 listening $PG_PORT \
      || fail PostgreSQL "not listening on 127.0.0.1:$PG_PORT after 30 s" "see /var/log/postgresql"
  fi
  # The app logs in as 'ates'/'ates' over TCP; it may create databases (the tests make one per run).
  local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ates') THEN
        CREATE ROLE ates LOGIN PASSWORD 'ates' CREATEDB;
      END IF; END \$\$;"
  psql_admin -c "$sql" >/dev/null \
    || fail PostgreSQL "could not create the role 'ates'" "connect as a superuser and run: CREATE ROLE ates LOGIN PASSWORD 'ates' CREATEDB"
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'ates'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE ates OWNER ates" >/dev/null \
      || fail PostgreSQL "could not create the database 'ates'" "run: CREATE DATABASE ates OWNER ates"
  fi
}
psql_admin() {
  if id postgres >/dev/null 2>&1 && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAc "SELECT 1" >/dev/null 2>&1; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"
  else
    PGPASSWORD="${PGPASSWORD:-postgres}" psql -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1 -q "$@"
  fi
}
pg_down() {
  started_by_us postgresql || return 0
  local version; version=$(cat "$RUN/postgresql.started")
  pg_ctlcluster --skip-systemctl-redirect "$version" main stop || true
  rm -f "$RUN/postgresql.started"
}

# ---------------------------------------------------------------- Redis
redis_up() {
  listening $REDIS_PORT && return 0
  command -v redis-server >/dev/null || apt_install Redis redis-server
  listening $REDIS_PORT && return 0
  mkdir -p "$ATES_HOME/redis"
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --dir "$ATES_HOME/redis" \
      --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --save "" --appendonly no \
    || fail Redis "redis-server did not start (see $LOGS/redis.log)" "start it by hand: redis-server --port $REDIS_PORT --daemonize yes"
  mark_started redis "$RUN/redis.pid"
  wait_for Redis 15 listening $REDIS_PORT || fail Redis "not listening on 127.0.0.1:$REDIS_PORT" "see $LOGS/redis.log"
}
redis_down() { stop_pidfile redis "$RUN/redis.pid"; }

# ---------------------------------------------------------------- ClickHouse
clickhouse_ping() { curl -sf "http://127.0.0.1:$CH_HTTP_PORT/ping" 2>/dev/null | grep -q Ok; }
clickhouse_up() {
  clickhouse_ping && return 0
  command -v curl >/dev/null || apt_install ClickHouse curl
  clickhouse_ping && return 0
  [ -x /usr/sbin/clickhouse-server ] || apt_install ClickHouse clickhouse-server clickhouse-client
  # The package's own scripts may have started it already.
  clickhouse_ping && return 0
  # Data under $ATES_HOME when the clickhouse user can reach it, else under /var/lib/ates-clickhouse.
  local dir="$ATES_HOME/clickhouse"
  mkdir -p "$dir"; chown clickhouse:clickhouse "$dir"
  if ! runuser -u clickhouse -- test -w "$dir" 2>/dev/null; then
    dir=/var/lib/ates-clickhouse; mkdir -p "$dir"; chown clickhouse:clickhouse "$dir"
  fi
  # A copy of Debian's config with every path moved into $dir, and the server bound to loopback only.
  sed -e "s#/var/lib/clickhouse/#$dir/data/#g" -e "s#/var/log/clickhouse-server/#$dir/log/#g" \
      -e 's#<listen_host>[^<]*</listen_host>##g' \
      -e 's#</yandex>#<listen_host>127.0.0.1</listen_host></yandex>#' \
      /etc/clickhouse-server/config.xml > "$dir/config.xml"
  cp /etc/clickhouse-server/users.xml "$dir/users.xml"
  mkdir -p "$dir/data" "$dir/log"; chown -R clickhouse:clickhouse "$dir"
  say "starting ClickHouse (data in $dir)"
  runuser -u clickhouse -- /usr/sbin/clickhouse-server --config-file="$dir/config.xml" --daemon \
      --pid-file="$dir/clickhouse-server.pid" >>"$LOGS/clickhouse.log" 2>&1 \
    || fail ClickHouse "clickhouse-server did not start (see $dir/log and $LOGS/clickhouse.log)" "check the log, free port $CH_HTTP_PORT, run again"
  mark_started clickhouse "$dir/clickhouse-server.pid"
  # It loads every table before it answers: after many test and benchmark namespaces (2.7 GB, 23 databases)
  # that took 90 s here.
  wait_for ClickHouse 240 clickhouse_ping \
    || fail ClickHouse "no answer on http://127.0.0.1:$CH_HTTP_PORT/ping after 240 s" "see $dir/log/clickhouse-server.err.log"
}
clickhouse_down() {
  started_by_us clickhouse || return 0
  stop_pidfile clickhouse "$(cat "$RUN/clickhouse.started")"
}

# ---------------------------------------------------------------- Kafka (KRaft, one node)
kafka_up() {
  local home="$ATES_HOME/kafka"
  mkdir -p "$home"
  # Fetched even when a broker already listens: tests start brokers of their own from these jars.
  if [ ! -f "$home/lib/.complete" ]; then
    say "fetching Kafka $KAFKA_VERSION jars from Maven Central"
    "$(mvn_cmd)" -q -B -f "$REPO/infra/kafka-broker/pom.xml" dependency:copy-dependencies \
        -Dkafka.version=$KAFKA_VERSION -DoutputDirectory="$home/lib" >"$LOGS/kafka-fetch.log" 2>&1 \
      || fail Kafka "could not fetch the broker jars (see $LOGS/kafka-fetch.log)" "check that Maven Central is reachable, then run again"
    touch "$home/lib/.complete"
  fi
  listening $KAFKA_PORT && return 0
  write_kafka_config "$home" $KAFKA_PORT $KAFKA_CONTROLLER_PORT
  say "starting Kafka broker on 127.0.0.1:$KAFKA_PORT"
  start_kafka "$home" || fail Kafka "the broker did not start (see $home/kafka.out)" "free ports $KAFKA_PORT/$KAFKA_CONTROLLER_PORT, or delete $home/data and run again"
  mark_started kafka "$RUN/kafka.pid"
}
write_kafka_config() { # home, port, controller port
  local home=$1
  cat > "$home/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$3
listeners=PLAINTEXT://127.0.0.1:$2,CONTROLLER://127.0.0.1:$3
advertised.listeners=PLAINTEXT://127.0.0.1:$2
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$home/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics keep every event forever: projections are rebuilt by replaying them.
log.retention.hours=-1
log.retention.bytes=-1
EOF
  cat > "$home/log4j.properties" <<EOF
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$home/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
EOF
}
start_kafka() { # home
  local home=$1
  if [ ! -f "$home/data/meta.properties" ]; then
    local id
    id=$(java -cp "$home/lib/*" -Dlog4j.configuration="file:$home/log4j.properties" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$home/lib/*" -Dlog4j.configuration="file:$home/log4j.properties" kafka.tools.StorageTool \
      format -t "$id" -c "$home/server.properties" --ignore-formatted >"$home/format.out" 2>&1 || return 1
  fi
  nohup java -Xmx512m -Xms128m -cp "$home/lib/*" -Dlog4j.configuration="file:$home/log4j.properties" \
    kafka.Kafka "$home/server.properties" >"$home/kafka.out" 2>&1 &
  echo $! > "$RUN/kafka.pid"
  wait_for Kafka 60 listening $KAFKA_PORT
}
kafka_down() { stop_pidfile kafka "$RUN/kafka.pid"; }

# ---------------------------------------------------------------- SMTP (GreenMail)
mail_up() {
  listening $SMTP_PORT && return 0
  local home="$ATES_HOME/greenmail" jar
  jar="$home/greenmail-standalone-$GREENMAIL_VERSION.jar"
  mkdir -p "$home"
  if [ ! -f "$jar" ]; then
    say "fetching GreenMail $GREENMAIL_VERSION from Maven Central"
    "$(mvn_cmd)" -q -B -f "$REPO/infra/kafka-broker/pom.xml" dependency:copy \
        -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION -DoutputDirectory="$home" >"$LOGS/greenmail-fetch.log" 2>&1 \
      || fail SMTP "could not fetch GreenMail (see $LOGS/greenmail-fetch.log)" "check that Maven Central is reachable, then run again"
  fi
  say "starting GreenMail SMTP on 127.0.0.1:$SMTP_PORT (mails readable at http://127.0.0.1:$MAIL_API_PORT)"
  # GreenMail keeps every mail in memory: a close of 100,000 popugs sends 50,000 (128 MB ran out at 7,500).
  nohup java -Xmx1g -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_API_PORT -jar "$jar" >"$LOGS/greenmail.log" 2>&1 &
  echo $! > "$RUN/greenmail.pid"
  mark_started greenmail "$RUN/greenmail.pid"
  wait_for SMTP 30 listening $SMTP_PORT || fail SMTP "GreenMail not listening on $SMTP_PORT (see $LOGS/greenmail.log)" "free port $SMTP_PORT/$MAIL_API_PORT and run again"
}
mail_down() { stop_pidfile greenmail "$RUN/greenmail.pid"; }

# ---------------------------------------------------------------- common
stop_pidfile() { # service, pidfile
  started_by_us "$1" || return 0
  local pid
  pid=$(cat "$2" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$RUN/$1.started"
}
line() { # name, address, up?, service key
  local state=down owner=external
  $3 && state=up
  started_by_us "$4" && owner="started by ates-services"
  printf '%-11s %-24s %-5s %s\n' "$1" "$2" "$state" "$owner"
}

# ---------------------------------------------------------------- browser tests (BrowserJourneysIT)
AXE_CORE_VERSION=4.14.1
browser_tools() {
  # fonts-liberation is only recommended by the package: without it the pages have no font to render with.
  command -v chromium >/dev/null || apt_install Chromium chromium fonts-liberation
  if [ ! -f "$ATES_HOME/npm/node_modules/axe-core/axe.min.js" ]; then
    command -v npm >/dev/null || fail axe-core "npm not found" "install Node.js 18 or newer (apt-get install nodejs npm), then run again"
    say "npm install axe-core@$AXE_CORE_VERSION (into $ATES_HOME/npm)"
    npm install --prefix "$ATES_HOME/npm" --no-audit --no-fund --silent "axe-core@$AXE_CORE_VERSION" >>"$LOGS/npm.log" 2>&1 \
      || fail axe-core "npm install failed (see $LOGS/npm.log)" "check the network to the npm registry, then run again"
  fi
}

cmd=${1:-}
case "$cmd" in
  up)
    mkdir -p "$RUN" "$LOGS"
    pg_up; redis_up; clickhouse_up; kafka_up; mail_up
    say "all services up (infra/ates-services.sh status)"
    ;;
  status)
    mkdir -p "$RUN"
    line PostgreSQL "127.0.0.1:$PG_PORT" "listening $PG_PORT" postgresql
    line Redis "127.0.0.1:$REDIS_PORT" "listening $REDIS_PORT" redis
    line ClickHouse "http://127.0.0.1:$CH_HTTP_PORT" clickhouse_ping clickhouse
    line Kafka "127.0.0.1:$KAFKA_PORT" "listening $KAFKA_PORT" kafka
    line SMTP "127.0.0.1:$SMTP_PORT" "listening $SMTP_PORT" greenmail
    ;;
  down)
    mkdir -p "$RUN"
    mail_down; kafka_down; clickhouse_down; redis_down; pg_down
    say "stopped what 'up' had started"
    ;;
  browser)
    mkdir -p "$LOGS"
    browser_tools
    say "browser test tools ready: $(chromium --version 2>/dev/null | head -1), axe-core $AXE_CORE_VERSION"
    ;;
  *)
    echo "usage: $0 up|status|down|browser" >&2; exit 2 ;;
esac
