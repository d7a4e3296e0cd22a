#!/usr/bin/env bash
# Makes sure the services the integration tests talk to are running on loopback:
# PostgreSQL (127.0.0.1:5432, trust auth) and Redis (127.0.0.1:6379). Installs them
# from Debian's packages when absent (needs root, as on CI). Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! pg_ready; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  version=$(ls /etc/postgresql | sort -n | tail -1)
  if [ ! -d "/etc/postgresql/$version/main" ]; then as_root pg_createcluster "$version" main; fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "ensure-services: PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
# Tests connect as postgres over TCP without a password (trust auth, as on these machines).
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select 1" >/dev/null 2>&1; then
  echo "ensure-services: cannot connect as postgres@127.0.0.1:5432 without a password;" \
    "set TEST_DATABASE_URL to a URL whose user may CREATE DATABASE" >&2
  [ -n "${TEST_DATABASE_URL:-}" ] || exit 1
fi

redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! redis_ready; then
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis_ready && break; sleep 0.5; done
  redis_ready || { echo "ensure-services: Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
fi
echo "ensure-services: PostgreSQL and Redis are up on 127.0.0.1"
