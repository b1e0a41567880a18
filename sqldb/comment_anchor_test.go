package sqldb_test

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// threeOutcomes is a draft with outcomes A, B and C.
func threeOutcomes() *pokot.MicrocredentialContent {
	c := mcContent("Kolme tavoitetta", "", "")
	c.Outcomes = nil
	for _, x := range []string{"A", "B", "C"} {
		c.Outcomes = append(c.Outcomes, pokot.LearningOutcome{
			Text:     pokot.Text{"fi": "Osaa tehdä tehtävän " + x},
			Criteria: pokot.Text{"fi": "Tekee tehtävän " + x + " ohjeen mukaan"}})
	}
	return c
}

// anchoredText returns the Finnish text of the outcome a comment's anchor names in c, or
// "" when the outcome is no longer there.
func anchoredText(t *testing.T, c *pokot.Comment, content *pokot.MicrocredentialContent) string {
	t.Helper()
	id, index, _, ok := pokot.ParseOutcomeAnchor(c.Anchor)
	if !ok || index >= 0 {
		t.Fatalf("anchor %q does not name an outcome by ID", c.Anchor)
	}
	if i := content.OutcomeIndex(id); i >= 0 {
		return content.Outcomes[i].Text["fi"]
	}
	return ""
}

func onlyComment(t *testing.T, db *sqldb.DB, orgID, mcID int64) *pokot.Comment {
	t.Helper()
	cs, err := db.Comments(ctx, orgID, mcID)
	must(t, err)
	if len(cs) == 0 {
		t.Fatal("no comments")
	}
	return cs[0]
}

// TestCommentStaysOnItsOutcome: a comment on the third of three outcomes keeps pointing to
// the same text when the first is removed, when the outcomes are reordered, when a client
// sends them without their IDs, and in a new version; when its outcome is removed, the
// comment is still listed with its anchor (the studio marks it as about a removed outcome).
func TestCommentStaysOnItsOutcome(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	c := threeOutcomes()
	m, v, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	must(t, err)
	ids := map[string]bool{}
	for _, o := range v.Content.Outcomes {
		if !pokot.ValidOutcomeID(o.ID) || ids[o.ID] {
			t.Fatalf("outcome IDs %+v", v.Content.Outcomes)
		}
		ids[o.ID] = true
	}
	idC := v.Content.Outcomes[2].ID

	// By ID, and by index as before: both are stored by ID.
	must(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: w.bo.ID,
		Anchor: pokot.OutcomeAnchor(idC, "criteria"), Body: "Kriteeri C on epäselvä"}))
	byIndex := &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: w.bo.ID, Anchor: "outcomes[2].text.sv", Body: "Ruotsi puuttuu"}
	must(t, db.AddComment(ctx, byIndex))
	if byIndex.Anchor != pokot.OutcomeAnchor(idC, "text.sv") {
		t.Fatalf("index anchor stored as %q", byIndex.Anchor)
	}
	reply := &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, ParentID: &byIndex.ID, AuthorID: w.anna.ID, Anchor: "title", Body: "Lisään"}
	must(t, db.AddComment(ctx, reply))
	if reply.Anchor != byIndex.Anchor {
		t.Fatalf("a reply's anchor %q, its thread's %q", reply.Anchor, byIndex.Anchor)
	}
	for _, bad := range []string{"outcomes[3].text", pokot.OutcomeAnchor("zzzzzzzz", "text"), "outcomes[Abc].text"} {
		wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: w.bo.ID, Anchor: bad, Body: "x"}),
			pokot.EINVALID, "err.mc.anchor_invalid")
	}

	save := func(c *pokot.MicrocredentialContent) *pokot.MicrocredentialVersion {
		t.Helper()
		cur, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 1)
		must(t, err)
		v, err := db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, c, cur.Revision)
		must(t, err)
		return v
	}
	// Remove the first outcome.
	cur := v.Content
	v = save(&pokot.MicrocredentialContent{Title: cur.Title, Outcomes: []pokot.LearningOutcome{cur.Outcomes[1], cur.Outcomes[2]}})
	if got := anchoredText(t, onlyComment(t, db, w.org.ID, m.ID), &v.Content); got != "Osaa tehdä tehtävän C" {
		t.Fatalf("after removing the first outcome the comment is on %q", got)
	}
	// Reorder.
	v = save(&pokot.MicrocredentialContent{Title: cur.Title, Outcomes: []pokot.LearningOutcome{cur.Outcomes[2], cur.Outcomes[1]}})
	if got := anchoredText(t, onlyComment(t, db, w.org.ID, m.ID), &v.Content); got != "Osaa tehdä tehtävän C" || v.Content.Outcomes[0].ID != idC {
		t.Fatalf("after reordering the comment is on %q", got)
	}
	// A client that sends the outcomes without IDs: the unchanged text keeps its ID, a
	// changed one gets a new ID.
	noIDs := []pokot.LearningOutcome{{Text: pokot.Text{"fi": "Osaa tehdä tehtävän B paremmin"}}, {Text: cur.Outcomes[2].Text}}
	v = save(&pokot.MicrocredentialContent{Title: cur.Title, Outcomes: noIDs})
	if v.Content.Outcomes[1].ID != idC || v.Content.Outcomes[0].ID == cur.Outcomes[1].ID || !pokot.ValidOutcomeID(v.Content.Outcomes[0].ID) {
		t.Fatalf("IDs after a save without them: %+v", v.Content.Outcomes)
	}
	// IDs that are malformed or used twice are refused.
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, &pokot.MicrocredentialContent{Title: cur.Title,
		Outcomes: []pokot.LearningOutcome{{ID: idC, Text: cur.Outcomes[0].Text}, {ID: idC, Text: cur.Outcomes[1].Text}}}, v.Revision)
	wantCode(t, err, pokot.EINVALID)
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, &pokot.MicrocredentialContent{Title: cur.Title,
		Outcomes: []pokot.LearningOutcome{{ID: "<script>", Text: cur.Outcomes[0].Text}}}, v.Revision)
	wantCode(t, err, pokot.EINVALID)
	var es pokot.Errors
	if !errors.As(err, &es) || es[0].Field != "outcomes[0].id" || es[0].Key != "err.mc.outcome_id" {
		t.Fatalf("error %v", err)
	}

	// A new version keeps the IDs.
	v = save(threeOutcomes())
	v.Content.Outcomes[2].ID = idC // the web form and the API send the IDs back
	v = save(&v.Content)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := w.anna
		if to == pokot.StatusApproved {
			by = w.bo
		}
		_, err := db.Transition(ctx, w.org.ID, m.ID, 1, by.ID, to, "")
		must(t, err)
	}
	v2, err := db.NewVersion(ctx, w.org.ID, m.ID, w.anna.ID)
	must(t, err)
	for i, o := range v2.Content.Outcomes {
		if o.ID != v.Content.Outcomes[i].ID {
			t.Fatalf("version 2 outcome %d has ID %q, version 1 %q", i, o.ID, v.Content.Outcomes[i].ID)
		}
	}
	if got := anchoredText(t, onlyComment(t, db, w.org.ID, m.ID), &v2.Content); got != "Osaa tehdä tehtävän C" {
		t.Fatalf("in version 2 the comment is on %q", got)
	}

	// Removing the commented outcome in version 2: the comment stays, and its outcome is
	// found in the version it was written on.
	v2c := v2.Content
	v2c.Outcomes = v2c.Outcomes[:2]
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 2, w.anna.ID, &v2c, v2.Revision)
	must(t, err)
	now, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 2)
	must(t, err)
	cm := onlyComment(t, db, w.org.ID, m.ID)
	if got := anchoredText(t, cm, &now.Content); got != "" {
		t.Fatalf("a removed outcome's comment points to %q", got)
	}
	old, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, cm.Version)
	must(t, err)
	if got := anchoredText(t, cm, &old.Content); got != "Osaa tehdä tehtävän C" {
		t.Fatalf("in its own version the comment is on %q", got)
	}
	cs, err := db.Comments(ctx, w.org.ID, m.ID)
	must(t, err)
	if len(cs) != 3 {
		t.Fatalf("%d comments listed, want 3", len(cs))
	}
}

// TestOutcomesStoredWithoutIDs: descriptions and comments stored before outcomes had IDs
// are read with the IDs of their positions, and the comments keep to their outcome from
// the first save on.
func TestOutcomesStoredWithoutIDs(t *testing.T) {
	t.Parallel()
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(context.Background(), dsn, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	driver := "sqlite"
	if db.Dialect() == sqldb.Postgres {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	must(t, err)
	t.Cleanup(func() { raw.Close() })

	w := newMCWorld(t, db)
	m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", threeOutcomes())
	must(t, err)
	legacy := `{"title":{"fi":"Kolme tavoitetta"},"outcomes":[` +
		`{"text":{"fi":"Osaa tehdä tehtävän A"},"criteria":{}},` +
		`{"text":{"fi":"Osaa tehdä tehtävän B"},"criteria":{}},` +
		`{"text":{"fi":"Osaa tehdä tehtävän C"},"criteria":{}}]}`
	if _, err := raw.ExecContext(ctx, `UPDATE mc_versions SET content = $1 WHERE mc_id = $2`, legacy, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO mc_comments (org_id, mc_id, version, anchor, author_id, body, mentions, created_at)
		VALUES ($1, $2, 1, 'outcomes[2].criteria', $3, 'Vanha kommentti', '[]', '2026-01-01T00:00:00Z')`, w.org.ID, m.ID, w.bo.ID); err != nil {
		t.Fatal(err)
	}
	v, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	for i, o := range v.Content.Outcomes {
		if o.ID != pokot.LegacyOutcomeID(i) {
			t.Fatalf("legacy outcome %d read with ID %q", i, o.ID)
		}
	}
	cm := onlyComment(t, db, w.org.ID, m.ID)
	if cm.Anchor != "outcomes[n2].criteria" || anchoredText(t, cm, &v.Content) != "Osaa tehdä tehtävän C" {
		t.Fatalf("legacy anchor read as %q", cm.Anchor)
	}
	// The studio saves what it read, without the first outcome.
	c := v.Content
	c.Outcomes = c.Outcomes[1:]
	v, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, &c, v.Revision)
	must(t, err)
	if got := anchoredText(t, onlyComment(t, db, w.org.ID, m.ID), &v.Content); got != "Osaa tehdä tehtävän C" {
		t.Fatalf("after removing the first legacy outcome the comment is on %q", got)
	}
}
