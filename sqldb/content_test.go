package sqldb_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestContent(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	late := &pokot.Event{OrgID: &org.ID, Title: pokot.Text{"fi": "Työpaja", "sv": "Verkstad", "en": "Workshop"},
		Description: pokot.Text{"fi": "Kuvaus"}, Starts: us(t0.Add(48 * time.Hour)), Ends: us(t0.Add(50 * time.Hour)), Place: "Espoo"}
	early := &pokot.Event{Title: pokot.Text{"fi": "Webinaari"}, Description: pokot.Text{}, Starts: us(t0), Ends: us(t0.Add(time.Hour)), Online: true}
	must(t, db.CreateEvent(ctx, late))
	must(t, db.CreateEvent(ctx, early))
	es, err := db.Events(ctx)
	must(t, err)
	if len(es) != 2 || !reflect.DeepEqual(es[0], early) || !reflect.DeepEqual(es[1], late) {
		t.Fatalf("Events =\n %+v\n %+v", es[0], es[1])
	}
	wantCode(t, db.CreateEvent(ctx, &pokot.Event{Title: pokot.Text{"fi": "x"}, Starts: t0, Ends: t0.Add(-time.Hour)}), pokot.EINVALID, "err.ends_before_starts")
	wantCode(t, db.CreateEvent(ctx, &pokot.Event{Starts: t0, Ends: t0}), pokot.EINVALID, "err.required")
	missing := int64(9999)
	wantCode(t, db.CreateEvent(ctx, &pokot.Event{OrgID: &missing, Title: pokot.Text{"fi": "x"}, Starts: t0, Ends: t0}), pokot.ENOTFOUND)

	old := &pokot.Publication{Title: pokot.Text{"fi": "Raportti"}, Summary: pokot.Text{"en": "Report"}, URL: "https://example.fi/r.pdf", Published: us(t0)}
	newer := &pokot.Publication{OrgID: &org.ID, Title: pokot.Text{"sv": "Blogg"}, Summary: pokot.Text{}, Published: us(t0.Add(time.Hour))}
	must(t, db.CreatePublication(ctx, old))
	must(t, db.CreatePublication(ctx, newer))
	ps, err := db.Publications(ctx)
	must(t, err)
	if len(ps) != 2 || !reflect.DeepEqual(ps[0], newer) || !reflect.DeepEqual(ps[1], old) {
		t.Fatalf("Publications =\n %+v\n %+v", ps[0], ps[1])
	}
	wantCode(t, db.CreatePublication(ctx, &pokot.Publication{Published: t0}), pokot.EINVALID, "err.required")
	wantCode(t, db.CreatePublication(ctx, &pokot.Publication{OrgID: &missing, Title: pokot.Text{"fi": "x"}}), pokot.ENOTFOUND)
}
