# lib.sh holds the helpers of test.sh: phase timing and the summary, apt installs, and
# finding Chromium and axe-core. Sourced, not run.

# AXE_VERSION pins axe-core; npm checks the package's integrity against the registry.
AXE_VERSION=4.14.1

PHASE_NAMES=()
PHASE_RESULTS=()
PHASE_SECONDS=()

# run_phase NAME FUNC runs one phase, timing it and recording whether it passed.
run_phase() {
	local name=$1 fn=$2 start rc
	echo
	echo "===== $name ====="
	start=$(date +%s)
	"$fn"
	rc=$?
	PHASE_NAMES+=("$name")
	PHASE_SECONDS+=($(($(date +%s) - start)))
	if [ $rc -eq 0 ]; then PHASE_RESULTS+=(ok); else PHASE_RESULTS+=(FAIL); fi
	echo "===== $name: $([ $rc -eq 0 ] && echo ok || echo "FAIL (exit $rc)") in $(($(date +%s) - start))s"
}

# print_summary START prints one line per phase and exits 1 when any failed. Its last line
# has the form "phases: N passed, N failed" that CI reads.
print_summary() {
	local i passed=0 failed=0
	echo
	echo "===== summary ====="
	for i in "${!PHASE_NAMES[@]}"; do
		printf '%-10s %-5s %4ss\n' "${PHASE_NAMES[$i]}" "${PHASE_RESULTS[$i]}" "${PHASE_SECONDS[$i]}"
		if [ "${PHASE_RESULTS[$i]}" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	done
	printf '%-10s %-5s %4ss\n' total "" "$(($(date +%s) - $1))"
	echo "phases: $passed passed, $failed failed"
	[ $failed -eq 0 ] || exit 1
	exit 0
}

APT_UPDATED=
# apt_install PKG... installs Debian packages; only root may, and apt-get update runs once.
apt_install() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing: $* — install it (apt-get install $*) or run this script as root" >&2
		return 1
	fi
	if [ -z "$APT_UPDATED" ]; then
		echo "apt-get update"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
		APT_UPDATED=1
	fi
	echo "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || return 1
}

# ensure_chromium sets CHROMIUM to a Chromium binary, installing Debian's when missing.
ensure_chromium() {
	CHROMIUM=${POKOT_CHROMIUM:-/usr/bin/chromium}
	if [ ! -x "$CHROMIUM" ]; then
		if [ -n "${POKOT_CHROMIUM:-}" ]; then
			echo "POKOT_CHROMIUM=$POKOT_CHROMIUM is not executable" >&2
			return 1
		fi
		apt_install chromium fonts-liberation || return 1
	fi
	echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
}

# ensure_axe sets AXE to axe.min.js, installed from the npm registry into .cache/npm.
ensure_axe() {
	local dir="$ROOT/.cache/npm"
	AXE="$dir/node_modules/axe-core/axe.min.js"
	if [ -f "$AXE" ] && grep -q "\"version\": \"$AXE_VERSION\"" "$dir/node_modules/axe-core/package.json" 2>/dev/null; then
		echo "axe-core $AXE_VERSION: $AXE"
		return 0
	fi
	if ! command -v npm >/dev/null; then
		apt_install npm || return 1
	fi
	mkdir -p "$dir"
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir" "axe-core@$AXE_VERSION" || return 1
	[ -f "$AXE" ] || {
		echo "npm installed axe-core but $AXE is missing" >&2
		return 1
	}
	echo "axe-core $AXE_VERSION: $AXE"
}
