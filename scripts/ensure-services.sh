#!/usr/bin/env bash
# Makes sure Redis (127.0.0.1:6379), which the integration tests talk to, is running on
# loopback; installs it from Debian's packages when absent (needs root, as on CI).
# PostgreSQL needs nothing here: the tests use TEST_DATABASE_URL when a server answers
# there and start the embedded PostgreSQL otherwise. Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! redis_ready; then
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis_ready && break; sleep 0.5; done
  redis_ready || { echo "ensure-services: Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
fi
echo "ensure-services: Redis is up on 127.0.0.1:6379"
