#!/usr/bin/env bash
# A real WordPress on this machine, to see how sard's three embed forms survive it.
#
#   bash scripts/wordpress/setup.sh          # install what is missing, start everything, install WordPress
#   bash scripts/wordpress/setup.sh stop     # stop what this script started (the two web servers, MariaDB)
#
# Idempotent: a second run finds the packages, the database, the site and the
# servers in place and only checks them. Root is needed (apt-get, MariaDB, /etc).
#
#   WordPress  http://127.0.0.1:${WP_PORT:-8090}/   (php -S, Debian's /usr/share/wordpress)
#   sard files http://127.0.0.1:${STATIC_PORT:-8091}/dist/…, /data/…  (this repository, with CORS)
#   users      admin / admin-pass (administrator), author / author-pass (Author: no unfiltered_html)
#   logs, pids /tmp/sard-wp/ (SARD_WP_STATE)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export WP_PORT=${WP_PORT:-8090}
export STATIC_PORT=${STATIC_PORT:-8091}
export SARD_WP_STATE=${SARD_WP_STATE:-/tmp/sard-wp}
WP_DIR=/usr/share/wordpress
CONTENT_DIR=/var/lib/wordpress/wp-content
CONFIG=/etc/wordpress/config-127.0.0.1.php
DB=sard_wp
mkdir -p "$SARD_WP_STATE"

log() { printf '[setup] %s\n' "$*"; }
up() { curl -s -o /dev/null --max-time 3 "$1"; }

stop_server() { # name
  local pidfile="$SARD_WP_STATE/$1.pid"
  if [[ -f $pidfile ]]; then
    local pid; pid=$(cat "$pidfile")
    # The servers run in their own session (setsid): end that group, which is ours.
    if kill -0 "$pid" 2>/dev/null; then kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; log "stopped $1 ($pid)"; fi
    rm -f "$pidfile"
  fi
}

if [[ ${1:-} == stop ]]; then
  stop_server wordpress
  stop_server static
  if [[ -f $SARD_WP_STATE/mariadb.started ]]; then mariadb-admin shutdown && log 'stopped MariaDB'; rm -f "$SARD_WP_STATE/mariadb.started"; fi
  exit 0
fi

# ── 1. packages ────────────────────────────────────────────────────────────
missing=()
for p in wordpress mariadb-server php-cli php-mysql; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$SARD_WP_STATE/apt.log" 2>&1 \
    || { tail -20 "$SARD_WP_STATE/apt.log"; exit 1; }
fi

# ── 2. MariaDB (no init system here: mysqld_safe by hand) ──────────────────
if ! mariadb-admin --silent ping >/dev/null 2>&1; then
  log 'starting MariaDB'
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  [[ -d /var/lib/mysql/mysql ]] || mariadb-install-db --user=mysql >"$SARD_WP_STATE/mariadb-install.log" 2>&1
  setsid nohup mysqld_safe --user=mysql >"$SARD_WP_STATE/mariadb.log" 2>&1 </dev/null &
  touch "$SARD_WP_STATE/mariadb.started" # so that `setup.sh stop` stops only a MariaDB it started
  for _ in $(seq 60); do mariadb-admin --silent ping >/dev/null 2>&1 && break; sleep 0.5; done
  mariadb-admin --silent ping >/dev/null 2>&1 || { log 'MariaDB did not start'; tail "$SARD_WP_STATE/mariadb.log"; exit 1; }
fi
mariadb <<SQL
CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB'@'localhost' IDENTIFIED BY '$DB';
GRANT ALL PRIVILEGES ON $DB.* TO '$DB'@'localhost';
FLUSH PRIVILEGES;
SQL

# ── 3. WordPress configuration (Debian: /etc/wordpress/config-<host>.php) ──
# Fixed salts: a local test site, nothing to protect. No outgoing HTTP (no network here).
cat >"$CONFIG.tmp" <<PHP
<?php
// Written by sard's scripts/wordpress/setup.sh: a local test site.
define('DB_NAME', '$DB');
define('DB_USER', '$DB');
define('DB_PASSWORD', '$DB');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', 'http://127.0.0.1:$WP_PORT');
define('WP_SITEURL', 'http://127.0.0.1:$WP_PORT');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) define(\$k, "sard-local-\$k");
\$table_prefix = 'wp_';
define('WP_DEBUG', false);
define('WP_CONTENT_DIR', '$CONTENT_DIR');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('SARD_STATIC', 'http://127.0.0.1:$STATIC_PORT');
PHP
mv "$CONFIG.tmp" "$CONFIG"
chmod 640 "$CONFIG"; chgrp www-data "$CONFIG" 2>/dev/null || true

# ── 4. the site-wide script, exactly as docs/embed.md's WordPress recipe ───
mkdir -p "$CONTENT_DIR/mu-plugins"
cat >"$CONTENT_DIR/mu-plugins/sard.php" <<PHP
<?php
/* Plugin Name: sard (test harness): loads sard.iife.js once on every page, for the plain-HTML form. */
add_action('wp_enqueue_scripts', function () {
  wp_enqueue_script('sard', 'http://127.0.0.1:$STATIC_PORT/dist/sard.iife.js', [], null, true);
});
PHP

# ── 5. install the site, the users, the theme ─────────────────────────────
php "$HERE/install.php"

# ── 6. the sard files ──────────────────────────────────────────────────────
[[ -f $ROOT/dist/sard.iife.js && -f $ROOT/dist/sard-embed.js && -f $ROOT/dist/embed/aleppo-2016.html ]] \
  || { log 'dist/ is incomplete: building'; (cd "$ROOT" && npm run build >"$SARD_WP_STATE/build.log" 2>&1) || { tail -20 "$SARD_WP_STATE/build.log"; exit 1; }; }

# ── 7. the two servers ─────────────────────────────────────────────────────
start_server() { # name url command…
  local name=$1 url=$2; shift 2
  if up "$url"; then log "$name already answers at $url"; return; fi
  stop_server "$name"
  setsid nohup "$@" >"$SARD_WP_STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$SARD_WP_STATE/$name.pid"
  for _ in $(seq 40); do up "$url" && { log "$name started at $url (pid $(cat "$SARD_WP_STATE/$name.pid"))"; return; }; sleep 0.25; done
  log "$name did not start"; tail "$SARD_WP_STATE/$name.log"; exit 1
}
# Several workers: the pages, their CSS and the REST calls come in parallel.
PHP_CLI_SERVER_WORKERS=4 start_server wordpress "http://127.0.0.1:$WP_PORT/wp-login.php" \
  php -S "127.0.0.1:$WP_PORT" -t "$WP_DIR" "$HERE/router.php"
start_server static "http://127.0.0.1:$STATIC_PORT/dist/sard.iife.js" \
  node "$HERE/static-server.mjs" "$ROOT" "$STATIC_PORT"

code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$WP_PORT/")
[[ $code == 200 ]] || { log "WordPress home answers $code"; exit 1; }
cors=$(curl -s -D - -o /dev/null -H "Origin: http://127.0.0.1:$WP_PORT" "http://127.0.0.1:$STATIC_PORT/data/aleppo-2016.events.json" | tr -d '\r' | grep -i '^access-control-allow-origin' || true)
[[ -n $cors ]] || { log 'the static server sends no CORS header'; exit 1; }
log "ready: WordPress http://127.0.0.1:$WP_PORT/ (admin/admin-pass, author/author-pass), sard http://127.0.0.1:$STATIC_PORT/"
log "next: php scripts/wordpress/posts.php && node scripts/wordpress/check.mjs"
