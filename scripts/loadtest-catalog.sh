#!/bin/sh
# Load test of the public catalogue on loopback: builds pokot, starts `pokot serve --demo` on
# a fresh SQLite database, publishes POKS descriptions through the store's
# MicrocredentialService (the same code path as the studio: create, review, approve,
# publish), then runs wrk against
#   /healthz                                  the same server's ceiling
#   /microcredentials?q=robotiikka            one catalogue search, repeated
#   /microcredentials (varied)                random words, filters, sorts and pages
#   /microcredentials (filters)               random combinations of up to seven filters
#   /microcredentials/{id}                    one POK's page
# and prints requests/s and latency for each. Results go to docs/benchmarks.md by hand.
#
#   scripts/loadtest-catalog.sh                  # 50,000 POKs, 20 s per URL, 64 connections
#   POKS=2000 DURATION=10s scripts/loadtest-catalog.sh
#   DB=/tmp/pokot-50k.db scripts/loadtest-catalog.sh   # seed once, keep the file, reuse it
#
# Needs wrk (apt-get install -y wrk). Pin the server and wrk to separate cores with
# SERVER_CPUS / WRK_CPUS (taskset lists, e.g. SERVER_CPUS=0-1 WRK_CPUS=2-3) when the
# machine has more than two.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
POKS=${POKS:-50000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18391}
SERVER_CPUS=${SERVER_CPUS:-}
WRK_CPUS=${WRK_CPUS:-}

if ! command -v wrk >/dev/null 2>&1; then
	echo "wrk is missing: installing it with apt-get" >&2
	apt-get install -y wrk >/dev/null || { echo "install wrk (apt-get install -y wrk) and run again" >&2; exit 1; }
fi

WORK=$(mktemp -d)
SEED="$ROOT/scripts/_loadseed_$$"
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK" "$SEED"
}
trap cleanup EXIT INT TERM

cd "$ROOT"
go build -o "$WORK/pokot" ./cmd/pokot

# The seeder lives in the module for the run only (it imports sqldb), and is removed after.
mkdir -p "$SEED"
cat >"$SEED/main.go" <<'EOF'
// Command _loadseed publishes n POK descriptions into the demo database.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
)

var topics = []struct{ fi, sv, en, field string }{
	{"Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics", "0913"},
	{"Lähihoitajan lääkehoito", "Närvårdarens läkemedelsbehandling", "Medication for practical nurses", "0913"},
	{"Robottihitsaus", "Robotsvetsning", "Robot welding", "0715"},
	{"Tietomallinnus työmaalla", "Informationsmodellering på byggplatsen", "Building information modelling on site", "0732"},
	{"Asiakaspalvelu matkailussa", "Kundservice inom turismen", "Customer service in tourism", "1015"},
	{"Sähköautojen huolto", "Service av elbilar", "Servicing electric cars", "0716"},
	{"Ikääntyneiden kotihoito", "Hemvård för äldre", "Home care for older people", "0921"},
	{"Verkkokaupan markkinointi", "Marknadsföring för e-handel", "Marketing for online shops", "0414"},
	{"Ravintolan hygieniaosaaminen", "Hygienkunskap i restaurang", "Restaurant hygiene", "1013"},
	{"Puurakentamisen työturvallisuus", "Arbetssäkerhet i träbyggande", "Safety in timber construction", "0732"},
	{"Ohjelmistotestauksen perusteet", "Grunderna i programvarutestning", "Basics of software testing", "0613"},
	{"Varhaiskasvatuksen digitaidot", "Digitala färdigheter i småbarnspedagogik", "Digital skills in early childhood education", "0112"},
}

func tx(fi, sv, en string) pokot.Text { return pokot.Text{"fi": fi, "sv": sv, "en": en} }

func main() {
	ctx := context.Background()
	n, _ := strconv.Atoi(os.Args[2])
	db, err := sqldb.Open(ctx, os.Args[1], slog.New(slog.DiscardHandler))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	orgs, err := db.Orgs(ctx)
	if err != nil {
		panic(err)
	}
	type team struct {
		org               *pokot.Organisation
		designer, approve int64
	}
	var teams []team
	for _, o := range orgs {
		ms, err := db.Members(ctx, o.ID)
		if err != nil {
			panic(err)
		}
		t := team{org: o}
		for _, m := range ms {
			switch m.Role {
			case pokot.RoleDesigner:
				if t.designer == 0 {
					t.designer = m.UserID
				}
			case pokot.RoleOrgAdmin:
				if t.approve == 0 {
					t.approve = m.UserID
				}
			}
		}
		if t.designer != 0 && t.approve != 0 && t.designer != t.approve {
			teams = append(teams, t)
		}
	}
	if len(teams) == 0 {
		panic("the demo has no organisation with a designer and an org admin")
	}
	units := []pokot.WorkloadUnit{pokot.UnitOSP, pokot.UnitOP, pokot.UnitHours}
	for i := 0; i < n; i++ {
		tp := topics[i%len(topics)]
		tm := teams[i%len(teams)]
		suffix := ""
		if i >= len(topics) {
			suffix = " " + strconv.Itoa(i/len(topics)+1)
		}
		c := &pokot.MicrocredentialContent{
			Title:       tx(tp.fi+suffix, tp.sv+suffix, tp.en+suffix),
			Description: tx("Koulutuksessa opit: "+tp.fi+".", "I utbildningen lär du dig: "+tp.sv+".", "In this course you learn: "+tp.en+"."),
			Outcomes: []pokot.LearningOutcome{{
				Text:     tx("Osaa suunnitella työnsä turvallisesti", "Kan planera sitt arbete säkert", "Can plan their work safely"),
				Criteria: tx("Suunnitelma on laadittu ja perusteltu", "Planen är skriven och motiverad", "The plan is written and justified"),
				Skills: []pokot.Concept{{URI: fmt.Sprintf("http://data.europa.eu/esco/skill/load-%04d", i%300),
					Label: tx(fmt.Sprintf("taito %d", i%300), fmt.Sprintf("färdighet %d", i%300), fmt.Sprintf("skill %d", i%300))}},
			}},
			Workload:         pokot.Workload{Value: float64(1 + i%15), Unit: units[i%3]},
			EQFLevel:         3 + i%3,
			Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
			Participation:    []pokot.ParticipationForm{pokot.ParticipationForms[i%len(pokot.ParticipationForms)]},
			QualityAssurance: tx("Oppilaitoksen laatujärjestelmä", "Läroanstaltens kvalitetssystem", "The institution's quality system"),
			ISCEDField:       tp.field,
			Languages:        []string{"fi", "sv", "en"}[:1+i%3],
			Price:            pokot.Price{Jotpa: i%7 == 0},
			IsPOK:            true,
			Partners:         []pokot.WorkingLifePartner{{Name: "Työelämäkumppani Oy"}},
		}
		if i%5 == 0 {
			c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "106936", Name: tx("Hyvinvointiteknologian käyttö", "Användning av välfärdsteknik", "Use of welfare technology")}}
		}
		m, _, err := db.CreateMicrocredential(ctx, tm.org.ID, tm.designer, "", c)
		if err != nil {
			panic(err)
		}
		for _, st := range []struct {
			to pokot.Status
			by int64
		}{{pokot.StatusReview, tm.designer}, {pokot.StatusApproved, tm.approve}, {pokot.StatusPublished, tm.designer}} {
			if _, err := db.Transition(ctx, tm.org.ID, m.ID, 1, st.by, st.to, ""); err != nil {
				panic(err)
			}
		}
		if (i+1)%5000 == 0 {
			fmt.Fprintf(os.Stderr, "  %d published\n", i+1)
		}
	}
}
EOF

REUSE=
if [ -n "${DB:-}" ] && [ -s "$DB" ]; then
	REUSE=1
else
	DB=${DB:-"$WORK/pokot.db"}
fi
BASE="http://127.0.0.1:$PORT"
start_server() {
	# Warnings only: a log line per request would measure the logger.
	POKOT_LOG_LEVEL=warn ${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} "$WORK/pokot" serve --addr "127.0.0.1:$PORT" --db "$DB" --demo \
		>"$WORK/serve.out" 2>"$WORK/serve.err" &
	SERVER_PID=$!
	i=0
	until curl -fsS "$BASE/healthz" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 100 ] && { cat "$WORK/serve.err" >&2; exit 1; }
		sleep 0.1
	done
}

if [ -z "$REUSE" ]; then
	echo "Creating the demo and publishing $POKS POKs (this takes a while) …"
	start_server
	kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
	go run "./scripts/_loadseed_$$" "$DB" "$POKS" >/dev/null
fi
rm -rf "$SEED"
start_server
POKS=$(curl -fsS "$BASE/microcredentials" | grep -o '[0-9]* osaamiskokonaisuutta' | head -1)
FIRST=$(curl -fsS "$BASE/microcredentials?q=robotiikka&sort=title" | grep -o 'href="/microcredentials/[0-9]*"' | head -1 | grep -o '[0-9]*')

cat >"$WORK/varied.lua" <<'EOF'
-- Random catalogue searches: words, filters, sorts and pages, so that few repeat.
local words = {"robotiikka", "hoitaja", "hitsaus", "rakentaminen", "asiakaspalvelu", "huolto", "kotihoito",
  "markkinointi", "hygienia", "turvallisuus", "ohjelmisto", "varhaiskasvatus", "lääkehoito", "tietomallinnus",
  "matkailu", "sähköauto", "puu", "verkkokauppa", "testaus", "digitaidot"}
local levels = {"", "&level=3", "&level=4", "&level=5"}
local units = {"", "&unit=osp", "&unit=op", "&unit=h&min=2&max=10"}
local sorts = {"", "&sort=newest", "&sort=title", "&sort=workload"}
math.randomseed(os.time())
request = function()
  local q = words[math.random(#words)]
  if math.random(3) == 1 then q = q .. "+" .. words[math.random(#words)] end
  q = q:gsub("[^%w+]", function(c) return string.format("%%%02X", string.byte(c)) end)
  local path = "/microcredentials?q=" .. q .. levels[math.random(#levels)] .. units[math.random(#units)] ..
    sorts[math.random(#sorts)] .. "&page=" .. math.random(3)
  return wrk.format("GET", path)
end
EOF

cat >"$WORK/filters.lua" <<'EOF'
-- Random filter combinations, with or without a word: every filter in use shows the counts
-- of its other values (disjunctive facet counts), which Search gives from the one pass.
local words = {"", "", "robotiikka", "hoitaja", "huolto", "turvallisuus", "testaus"}
local filters = {{"&level=3", "&level=4", "&level=5"}, {"&unit=osp", "&unit=op", "&unit=h"},
  {"&language=fi", "&language=sv", "&language=en"}, {"&participation=online", "&participation=blended",
  "&participation=onsite"}, {"&jotpa=1"}, {"&stackable=1"}, {"&field=09", "&field=0732", "&field=10"}}
math.randomseed(os.time() + 1)
request = function()
  local path = "/microcredentials?q=" .. words[math.random(#words)]
  for _, f in ipairs(filters) do
    if math.random(2) == 1 then path = path .. f[math.random(#f)] end
  end
  return wrk.format("GET", path .. "&page=" .. math.random(2))
end
EOF

# cpu_ticks is the server's user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# run prints wrk's figures and the server's CPU time per request, which a machine shared with
# other work does not distort as much as requests/s.
run() {
	echo
	echo "== $1"
	shift
	before=$(cpu_ticks)
	${WRK_CPUS:+taskset -c "$WRK_CPUS"} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$WORK/wrk.out"
	after=$(cpu_ticks)
	grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors|requests in' "$WORK/wrk.out"
	n=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
	awk -v t=$((after - before)) -v n="$n" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { if (n > 0) printf "  server CPU per request: %.0f µs (⇒ %.0f requests/s per fully used core)\n", t / hz / n * 1e6, n * hz / t }'
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3), $POKS published"
run "GET /healthz (ceiling)" "$BASE/healthz"
run "GET /microcredentials?q=robotiikka" "$BASE/microcredentials?q=robotiikka"
run "GET /microcredentials (varied searches)" -s "$WORK/varied.lua" "$BASE"
run "GET /microcredentials (varied filter combinations)" -s "$WORK/filters.lua" "$BASE"
run "GET /microcredentials/$FIRST" "$BASE/microcredentials/$FIRST"
