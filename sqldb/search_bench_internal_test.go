package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// benchPOKs is the size of the catalogue the search benchmark runs on.
const benchPOKs = 50000

// benchDB opens the benchmark catalogue, generating it on first use: a SQLite file under
// os.TempDir, or with POKOT_TEST_POSTGRES a database "pokot_bench_search" on that server.
// Both are kept between runs (delete them to regenerate).
func benchDB(b *testing.B) *DB {
	b.Helper()
	ctx := context.Background()
	dsn := filepath.Join(os.TempDir(), fmt.Sprintf("pokot-bench-search-%d.db", benchPOKs))
	if admin := os.Getenv("POKOT_TEST_POSTGRES"); admin != "" {
		conn, err := sql.Open("pgx", admin)
		if err != nil {
			b.Fatal(err)
		}
		var n int
		conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_database WHERE datname = 'pokot_bench_search'`).Scan(&n)
		if n == 0 {
			if _, err := conn.ExecContext(ctx, `CREATE DATABASE pokot_bench_search`); err != nil {
				b.Fatal(err)
			}
		}
		conn.Close()
		dsn = replaceDBName(admin, "pokot_bench_search")
	}
	db, err := Open(ctx, dsn, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM catalog`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	if n < benchPOKs {
		start := time.Now()
		if err := fillBench(ctx, db, n); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d published POKs on %s in %s", benchPOKs-n, db.dialect, time.Since(start).Round(time.Second))
	}
	db.w.ExecContext(ctx, `ANALYZE`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start, cpu0 := time.Now(), cpuTime()
	if _, err := db.Search(ctx, pokot.CatalogQuery{}); err != nil {
		b.Fatal(err)
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.Logf("%s: loading the catalogue snapshot took %s (CPU %s; once per process, patched after publications), heap %.1f MiB",
		db.dialect, took.Round(time.Millisecond), cpu.Round(time.Millisecond), float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	return db
}

func replaceDBName(dsn, name string) string {
	// postgres://user@host:port/db?params
	i := len("postgres://")
	for j := i; j < len(dsn); j++ {
		if dsn[j] == '/' {
			k := j + 1
			for k < len(dsn) && dsn[k] != '?' {
				k++
			}
			return dsn[:j+1] + name + dsn[k:]
		}
	}
	return dsn + "/" + name
}

// Vocabulary for generated POKs: real words of the fields, so that stems and compounds
// behave as in a real catalogue.
var (
	benchFI = []string{"hoivarobotiikan", "lähihoitajan", "lääkehoidon", "puurakentamisen", "asiakaspalvelun", "digitalisaation",
		"työturvallisuuden", "ensiavun", "varhaiskasvatuksen", "kiertotalouden", "hitsauksen", "sähköasennusten",
		"automaation", "ohjelmistotestauksen", "johtamisen", "myynnin", "markkinoinnin", "matkailun", "ravintolatyön",
		"kuntoutuksen", "vanhustyön", "mielenterveystyön", "logistiikan", "kiinteistöhuollon", "energiatehokkuuden"}
	benchFITail = []string{"perusteet", "täydennyskoulutus", "syventävät opinnot", "käytännöt", "erikoistuminen", "työpaja", "osaaja"}
	benchSV     = []string{"vårdrobotik", "närvårdare", "läkemedelsbehandling", "träbyggande", "kundservice", "digitalisering",
		"arbetssäkerhet", "första hjälp", "småbarnspedagogik", "cirkulär ekonomi", "svetsning", "elinstallation",
		"automation", "programtestning", "ledarskap", "försäljning", "marknadsföring", "turism", "restaurangarbete",
		"rehabilitering", "äldreomsorg", "mentalvård", "logistik", "fastighetsskötsel", "energieffektivitet"}
	benchEN = []string{"care robotics", "practical nursing", "medication", "timber construction", "customer service", "digitalisation",
		"occupational safety", "first aid", "early childhood education", "circular economy", "welding", "electrical installation",
		"automation", "software testing", "leadership", "sales", "marketing", "tourism", "restaurant work",
		"rehabilitation", "elderly care", "mental health work", "logistics", "property maintenance", "energy efficiency"}
	benchField = []string{"0921", "0913", "0913", "0732", "0416", "0611", "1022", "0913", "0112", "0712", "0715", "0713",
		"0714", "0613", "0413", "0416", "0414", "1015", "1013", "0915", "0921", "0923", "1041", "0732", "0713"}
)

func benchContent(r *rand.Rand, i int) *pokot.MicrocredentialContent {
	k := r.IntN(len(benchFI))
	tail := benchFITail[r.IntN(len(benchFITail))]
	units := []pokot.WorkloadUnit{pokot.UnitOSP, pokot.UnitOP, pokot.UnitHours}
	u := units[r.IntN(3)]
	v := float64(1 + r.IntN(15))
	if u == pokot.UnitHours {
		v *= 10
	}
	other := benchFI[r.IntN(len(benchFI))]
	c := &pokot.MicrocredentialContent{
		Title: pokot.Text{"fi": fmt.Sprintf("%s %s %d", capitalise(benchFI[k]), tail, i),
			"sv": fmt.Sprintf("Grunderna i %s %d", benchSV[k], i), "en": fmt.Sprintf("%s basics %d", capitalise(benchEN[k]), i)},
		Description: pokot.Text{"fi": "Koulutus vahvistaa " + benchFI[k] + " ja " + other + " osaamista työelämän tarpeisiin.",
			"sv": "Utbildningen stärker kunnandet inom " + benchSV[k] + ".", "en": "The training strengthens skills in " + benchEN[k] + "."},
		Outcomes: []pokot.LearningOutcome{
			{Text: pokot.Text{"fi": "Osaa suunnitella " + benchFI[k] + " tehtäviä", "en": "Can plan tasks in " + benchEN[k]},
				Criteria: pokot.Text{"fi": "Suunnitelma on toteutettavissa"},
				Skills:   []pokot.Concept{{URI: fmt.Sprintf("http://data.europa.eu/esco/skill/bench-%04d", r.IntN(300)), Label: pokot.Text{"fi": "taito"}}}},
			{Text: pokot.Text{"fi": "Toimii turvallisesti", "en": "Works safely"}, Criteria: pokot.Text{"fi": "Noudattaa ohjeita"}},
		},
		Workload:         pokot.Workload{Value: v, Unit: u},
		EQFLevel:         4 + r.IntN(3),
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
		Participation:    []pokot.ParticipationForm{pokot.ParticipationForms[r.IntN(4)]},
		QualityAssurance: pokot.Text{"fi": "Laatujärjestelmä"},
		ISCEDField:       benchField[k],
		Languages:        []string{"fi"},
		Price:            pokot.Price{Jotpa: r.IntN(4) == 0},
		IsPOK:            true,
	}
	if r.IntN(5) == 0 {
		c.Languages = append(c.Languages, "sv")
	}
	if r.IntN(6) == 0 {
		c.Languages = append(c.Languages, "en")
	}
	if r.IntN(5) == 0 {
		c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: fmt.Sprint(100000 + r.IntN(9000)), Name: pokot.Text{"fi": "Tutkinnon osa"}}}
	}
	return c
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// fillBench inserts published POKs (without the workflow, which the unit tests cover) in
// batches, each through the same catalogue indexing as publication.
func fillBench(ctx context.Context, db *DB, from int) error {
	r := rand.New(rand.NewPCG(1, uint64(from)))
	var orgs []int64
	for i := 0; i < 5; i++ {
		var id int64
		slug := fmt.Sprintf("bench-%d", i)
		err := db.w.QueryRowContext(ctx, `SELECT id FROM organisations WHERE slug = $1`, slug).Scan(&id)
		if err != nil {
			o := &pokot.Organisation{Slug: slug, Name: pokot.Text{"fi": "Oppilaitos " + slug}, Country: "FI"}
			if err := db.CreateOrg(ctx, o); err != nil {
				return err
			}
			id = o.ID
		}
		orgs = append(orgs, id)
	}
	const batch = 500
	for i := from; i < benchPOKs; i += batch {
		err := db.tx(ctx, func(tx *sql.Tx) error {
			if _, err := db.bumpGeneration(ctx, tx); err != nil {
				return err
			}
			for j := i; j < i+batch && j < benchPOKs; j++ {
				c := benchContent(r, j)
				m := &pokot.Microcredential{OrgID: orgs[j%len(orgs)], Slug: fmt.Sprintf("pok-%d", j), CurrentVersion: 1, PublishedVersion: 1}
				now := db.ts(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(j) * time.Minute))
				if err := tx.QueryRowContext(ctx, `INSERT INTO microcredentials (org_id, slug, current_version, published_version, created_at, updated_at)
					VALUES ($1, $2, 1, 1, $3, $4) RETURNING id`, m.OrgID, m.Slug, now, now).Scan(&m.ID); err != nil {
					return err
				}
				v, err := db.insertVersion(ctx, tx, m, 1, 0, c)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'published', published_at = $1 WHERE id = $2`, now, v.ID); err != nil {
					return err
				}
				v.Status = pokot.StatusPublished
				t, _ := parseTime(now)
				v.PublishedAt = &t
				if err := db.insertCatalog(ctx, tx, m, v, pokot.Text{"fi": "Oppilaitos"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// benchQueries is the query mix: inflected Finnish, Swedish and English words, the empty
// catalogue page, filters alone and with words, a short term, sorting and paging.
var benchQueries = []struct {
	name string
	q    pokot.CatalogQuery
}{
	{"robotiikka", pokot.CatalogQuery{Q: "robotiikka"}},
	{"hoitaja", pokot.CatalogQuery{Q: "hoitaja"}},
	{"lääkehoito", pokot.CatalogQuery{Q: "lääkehoito"}},
	{"rakentaminen_perusteet", pokot.CatalogQuery{Q: "rakentaminen perusteet"}},
	{"sv_närvårdare", pokot.CatalogQuery{Q: "närvårdaren"}},
	{"en_welding", pokot.CatalogQuery{Q: "welding"}},
	{"common_word", pokot.CatalogQuery{Q: "perusteet"}},
	{"no_match", pokot.CatalogQuery{Q: "kvanttifysiikka"}},
	{"short_term", pokot.CatalogQuery{Q: "ai"}},
	{"empty", pokot.CatalogQuery{}},
	{"level_field", pokot.CatalogQuery{Level: 5, Field: "09"}},
	{"unit_range", pokot.CatalogQuery{Unit: pokot.UnitOSP, Min: 2, Max: 5, Sort: pokot.SortWorkload}},
	{"jotpa_sv", pokot.CatalogQuery{Jotpa: true, Language: "sv"}},
	{"q_filters", pokot.CatalogQuery{Q: "hoito", Level: 4, Participation: pokot.ParticipationOnline}},
	{"title_page3", pokot.CatalogQuery{Sort: pokot.SortTitle, Page: 3}},
	{"skill", pokot.CatalogQuery{Skill: "http://data.europa.eu/esco/skill/bench-0042"}},
}

// BenchmarkCatalogSearch runs the query mix over 50,000 published POKs and reports the
// 95th percentile latency per query (p95-ms) besides the mean.
func BenchmarkCatalogSearch(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	var all []time.Duration
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			var ds []time.Duration
			hits := 0
			cpu0 := cpuTime()
			for b.Loop() {
				start := time.Now()
				r, err := db.Search(ctx, bq.q)
				ds = append(ds, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				hits = r.Total
				if bq.name != "no_match" && r.Total == 0 {
					b.Fatalf("%s: no results", bq.name)
				}
			}
			b.ReportMetric(p95(ds), "p95-ms")
			b.ReportMetric(float64(hits), "hits")
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(len(ds)), "cpu-ms/op")
			all = append(all, ds...)
		})
	}
	if len(all) > 0 {
		b.Logf("query mix: p95 %.2f ms over %d searches (%s)", p95(all), len(all), db.dialect)
	}
}

// cpuTime is the CPU time (user and system) this process has used: on a shared machine it
// says what a search costs, where wall time also says how busy the neighbours were. On
// PostgreSQL it leaves out the server's share.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func p95(ds []time.Duration) float64 {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return float64(s[(len(s)*95)/100]) / float64(time.Millisecond)
}
