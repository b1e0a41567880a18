# postgres.sh starts and stops the throwaway PostgreSQL server of test.sh. Sourced, not run.
# The server lives in a temporary folder, listens only on 127.0.0.1 (and a socket in that
# folder) on a free port, trusts every local connection, and is removed by pg_stop.

PG_BIN=
PG_DIR=
PG_PORT=
PG_DSN=

# ensure_postgres_binaries sets PG_BIN to the folder of initdb and pg_ctl, installing
# Debian's PostgreSQL when none is found.
ensure_postgres_binaries() {
	local d
	for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
		if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			PG_BIN=$d
			return 0
		fi
	done
	apt_install postgresql || return 1
	for d in /usr/lib/postgresql/*/bin; do
		if [ -x "$d/initdb" ]; then
			PG_BIN=$d
			return 0
		fi
	done
	echo "postgresql installed but no initdb found" >&2
	return 1
}

# as_pg runs a command as the user that owns the server: postgres when we are root
# (initdb refuses root), else ourselves.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	local p i
	for i in $(seq 1 50); do
		p=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# pg_start initialises and starts the server and sets PG_DSN to its superuser DSN.
pg_start() {
	[ -n "$PG_DSN" ] && return 0
	[ -n "$PG_BIN" ] || ensure_postgres_binaries || return 1
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
	fi
	# /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
	PG_DIR=$(mktemp -d /tmp/pokot-pg.XXXXXX) || return 1
	[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
	local locale=C
	locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
	as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale="$locale" \
		--no-sync >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log"
		return 1
	}
	local try
	for try in 1 2 3 4 5; do
		PG_PORT=$(free_port) || return 1
		# fsync and friends are off: the data is thrown away at the end.
		if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
			-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
			start >/dev/null; then
			PG_DSN="postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
			echo "postgresql $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
			return 0
		fi
		echo "pg_ctl start on port $PG_PORT failed (try $try):"
		tail -5 "$PG_DIR/server.log" 2>/dev/null
	done
	return 1
}

# pg_stop stops the server and removes its folder; safe to call when none was started.
pg_stop() {
	if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
		if [ -f "$PG_DIR/data/postmaster.pid" ]; then
			as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
		fi
		rm -rf "$PG_DIR"
	fi
	PG_DIR=
	PG_DSN=
}
