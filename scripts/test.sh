#!/usr/bin/env bash
# test.sh runs the whole POKOT test suite on a fresh Debian machine with Go: gofmt, go vet,
# the tests with -race on SQLite and again on a throwaway PostgreSQL 15, the browser tests in
# real headless Chromium with axe-core, and a short run of every fuzz target. It installs what
# is missing (PostgreSQL and Chromium with apt when run as root, axe-core from npm), stops
# everything it started, and exits non-zero when any phase failed.
#
# Usage: scripts/test.sh [PHASE...]   (default: all phases, in this order)
#   fmt vet sqlite postgres browser fuzz
# Environment:
#   POKOT_FUZZTIME     inputs (or time) per fuzz target (default 20000x; see phase_fuzz)
#   POKOT_SCREENSHOTS  folder for the browser tests' screenshots (default .cache/screenshots)
#   POKOT_CHROMIUM     Chromium binary (default /usr/bin/chromium, installed when missing)
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh

ALL_PHASES=(fmt vet sqlite postgres browser fuzz)
if [ $# -gt 0 ]; then
	PHASES=("$@")
else
	PHASES=("${ALL_PHASES[@]}")
fi
for p in "${PHASES[@]}"; do
	case " ${ALL_PHASES[*]} " in
	*" $p "*) ;;
	*)
		echo "test.sh: unknown phase '$p' (want: ${ALL_PHASES[*]})" >&2
		exit 2
		;;
	esac
done
wants() { case " ${PHASES[*]} " in *" $1 "*) return 0 ;; esac; return 1; }

export GOFLAGS="${GOFLAGS:-} -count=1"
# A count, not a duration: with a duration, Go up to 1.26 can fail a target with a bare
# "context deadline exceeded" at the end of -fuzztime though it found nothing (a race in the
# fuzzing coordinator, golang/go#75804, fixed in Go 1.27). A count has no deadline.
FUZZTIME="${POKOT_FUZZTIME:-20000x}"
export POKOT_SCREENSHOTS="${POKOT_SCREENSHOTS:-$ROOT/.cache/screenshots}"
MODULE=$(go list -m)
BROWSER_PKG="$MODULE/browsertest"

# Every package of the module except the browser tests, which get a phase of their own.
mapfile -t UNIT_PKGS < <(go list -e ./... | grep -vx "$BROWSER_PKG")

phase_fmt() {
	local files
	files=$(find . -name '*.go' -not -path './.cache/*' -not -path './tmp/*' \
		-not -path '*/node_modules/*' -not -path '*/testdata/*' -print0 | xargs -0 gofmt -l)
	if [ -n "$files" ]; then
		echo "gofmt would change these files (run gofmt -w):"
		echo "$files"
		return 1
	fi
}

phase_vet() { go vet ./...; }

phase_sqlite() {
	if [ ${#UNIT_PKGS[@]} -eq 0 ]; then
		echo "go list ./... found no packages"
		return 1
	fi
	env -u POKOT_TEST_POSTGRES go test -race "${UNIT_PKGS[@]}"
}

# db_packages lists the packages whose test binary links the sqldb package: only their
# results can differ between SQLite and PostgreSQL.
db_packages() {
	go list -test -f '{{.ImportPath}} {{join .Deps " "}}' "${UNIT_PKGS[@]}" |
		awk -v db="$MODULE/sqldb" '$1 ~ /\.test$/ { for (i = 2; i <= NF; i++) if ($i == db) { sub(/\.test$/, "", $1); print $1; break } }'
}

phase_postgres() {
	pg_start || return 1
	local pkgs
	mapfile -t pkgs < <(db_packages)
	if [ ${#pkgs[@]} -eq 0 ]; then
		echo "no package links $MODULE/sqldb yet"
		return 0
	fi
	echo "packages that use the database: ${pkgs[*]}"
	POKOT_TEST_POSTGRES="$PG_DSN" go test -race "${pkgs[@]}"
}

phase_browser() {
	local ok=0
	ensure_chromium || ok=1
	ensure_axe || ok=1
	[ $ok -eq 0 ] || return 1
	mkdir -p "$POKOT_SCREENSHOTS"
	POKOT_BROWSER=1 POKOT_CHROMIUM="$CHROMIUM" POKOT_AXE="$AXE" \
		env -u POKOT_TEST_POSTGRES go test -race -v -timeout 10m ./browsertest 2>&1 |
		grep -vE '^=== (RUN|PAUSE|CONT)' # keep the log readable; results and failures stay
	local rc=${PIPESTATUS[0]}
	echo "screenshots: $POKOT_SCREENSHOTS"
	return "$rc"
}

# fuzz_targets prints "package FuzzName" for every fuzz target of the module.
fuzz_targets() {
	local dirs pkgs
	mapfile -t dirs < <(grep -rlE --include='*_test.go' '^func Fuzz[A-Z0-9_]' . 2>/dev/null |
		grep -vE '^\./(\.cache|tmp)/' | xargs -r -n1 dirname | sort -u)
	[ ${#dirs[@]} -gt 0 ] || return 0
	go test -list '^Fuzz' "${dirs[@]}" | awk '
		/^Fuzz/ { names[n++] = $1; next }
		/^ok / { for (i = 0; i < n; i++) print $2, names[i]; n = 0 }
		/^(FAIL|---)/ { print "LISTFAIL", $0 }'
}

phase_fuzz() {
	local list fails=0 count=0 pkg name
	list=$(fuzz_targets) || fails=1
	if grep -q '^LISTFAIL' <<<"$list"; then
		grep '^LISTFAIL' <<<"$list"
		fails=$((fails + 1))
	fi
	while read -r pkg name; do
		[ -n "$pkg" ] && [ "$pkg" != LISTFAIL ] || continue
		count=$((count + 1))
		echo "--- fuzz $pkg $name ($FUZZTIME)"
		if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg"; then
			fails=$((fails + 1))
			echo "FAIL fuzz $pkg $name"
		fi
	done <<<"$list"
	echo "fuzz targets: $count run, $fails failed"
	[ $fails -eq 0 ]
}

trap 'pg_stop' EXIT
trap 'exit 130' INT TERM

STARTED=$(date +%s)
if wants postgres; then ensure_postgres_binaries; fi
for p in "${ALL_PHASES[@]}"; do
	wants "$p" || continue
	run_phase "$p" "phase_$p"
done
print_summary "$STARTED"
