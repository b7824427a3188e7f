#!/usr/bin/env bash
# Builds local container images from Debian's packages, for machines that reach Debian's
# archive but no image registry (CI here). The world uses the standard images instead
# (eclipse-temurin, postgres, redis, nginx: see compose.yaml and server/pom.xml).
#
#   scripts/debian-images.sh [jre] [postgres] [redis] [nginx]     (default: all four)
#
# Images: gatehouse/debian-jre:local        Debian 12 + openjdk-17-jre-headless (the server's base)
#         gatehouse/debian-postgres:local   PostgreSQL 15, POSTGRES_USER/PASSWORD/DB as the official image
#         gatehouse/debian-redis:local      Redis 7.0
#         gatehouse/debian-nginx:local      nginx 1.22, /etc/nginx/conf.d/*.conf as the official image
#
# One minimal Debian (debootstrap --variant=minbase) is made once and copied for each image;
# each copy gets its packages with apt-get in a chroot, then `docker import` with its CMD.
# Needs root, debootstrap and a running Docker engine. DEBIAN_MIRROR overrides the mirror.
set -euo pipefail

mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
work=${GATEHOUSE_IMAGE_WORK:-/var/tmp/gatehouse-debian-images}
images=("$@")
[ ${#images[@]} -eq 0 ] && images=(jre postgres redis nginx)

log() { printf '== %s\n' "$*" >&2; }

base="$work/base"
if [ ! -f "$base/.complete" ]; then
  log "debootstrap $suite (minbase) into $base"
  rm -rf "$base"
  mkdir -p "$work"
  debootstrap --variant=minbase "$suite" "$base" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  # The package lists once, for every image made from this base.
  cat >"$base/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security} $suite-security main
SOURCES
  cp /etc/resolv.conf "$base/etc/resolv.conf"
  chroot "$base" apt-get update -qq
  touch "$base/.complete"
fi

# Installs packages into a copy of the base and imports it as an image.
build() {
  local name=$1 packages=$2; shift 2
  local root="$work/$name"
  log "gatehouse/debian-$name:local ($packages)"
  rm -rf "$root"
  cp -a "$base" "$root"
  rm -f "$root/.complete"
  # No daemon may start inside the chroot while its package installs.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  # The JRE's and the CA certificates' install scripts run java, which wants /proc.
  mount -t proc proc "$root/proc"
  trap 'umount "$root/proc" 2>/dev/null || true' EXIT
  chroot "$root" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq --no-install-recommends $packages >/dev/null \
    && apt-get clean && rm -rf /var/lib/apt/lists/*"
  umount "$root/proc"
  trap - EXIT
  setup_"$name" "$root"
  rm -f "$root/usr/sbin/policy-rc.d"
  : >"$root/etc/resolv.conf"
  tar --numeric-owner -C "$root" -c . | docker import "$@" - "gatehouse/debian-$name:local" >/dev/null
  rm -rf "$root"
}

setup_jre() { :; }
setup_redis() { mkdir -p "$1/data"; }

setup_nginx() {
  local root=$1
  # As the official image: the site configs in conf.d, logs to the container's output.
  rm -f "$root/etc/nginx/sites-enabled/default"
  ln -sf /dev/stdout "$root/var/log/nginx/access.log"
  ln -sf /dev/stderr "$root/var/log/nginx/error.log"
}

setup_postgres() {
  local root=$1
  cat >"$root/usr/local/bin/postgres-entrypoint" <<'SH'
#!/bin/sh
# Creates the cluster on first start from POSTGRES_USER / POSTGRES_PASSWORD(_FILE) / POSTGRES_DB
# (as the official postgres image does), then runs the server in the foreground.
set -eu
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
bin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
user=${POSTGRES_USER:-postgres} db=${POSTGRES_DB:-${POSTGRES_USER:-postgres}}
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE"); fi
  pwfile=$(mktemp); printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE is required}" >"$pwfile"
  chown postgres "$pwfile"
  su postgres -s /bin/sh -c "$bin/initdb -D '$PGDATA' -U '$user' --pwfile='$pwfile' --auth-local=trust --auth-host=scram-sha-256" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$PGDATA' -o \"-c listen_addresses=''\" -w start" >/dev/null
  [ "$db" = postgres ] || su postgres -s /bin/sh -c "$bin/psql -q -U '$user' -d postgres -c 'CREATE DATABASE \"$db\"'"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$PGDATA' -m fast -w stop" >/dev/null
fi
exec su postgres -s /bin/sh -c "exec $bin/postgres -D '$PGDATA' -c listen_addresses='*'"
SH
  chmod 755 "$root/usr/local/bin/postgres-entrypoint"
}

for image in "${images[@]}"; do
  case "$image" in
    jre) build jre "openjdk-17-jre-headless ca-certificates" \
      -c 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' -c 'ENV LANG=C.UTF-8' ;;
    postgres) build postgres "postgresql" \
      -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'EXPOSE 5432' \
      -c 'CMD ["/usr/local/bin/postgres-entrypoint"]' ;;
    redis) build redis "redis-server" -c 'EXPOSE 6379' \
      -c 'CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data"]' ;;
    nginx) build nginx "nginx-light" -c 'EXPOSE 80' \
      -c 'CMD ["nginx", "-g", "daemon off;"]' ;;
    *) echo "unknown image: $image (jre, postgres, redis, nginx)" >&2; exit 2 ;;
  esac
done
docker images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^gatehouse/debian-' >&2 || true
