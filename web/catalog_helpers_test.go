package web_test

import (
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// catalogWorld is a site with two organisations whose POKs are created and published
// through the store's MicrocredentialService, as the studio does it.
type catalogWorld struct {
	*env
	hamk, omnia              *pokot.Organisation
	designer, approver       *pokot.User
	omniaDesigner, omniaBoss *pokot.User
}

func newCatalogWorld(t testing.TB) *catalogWorld {
	t.Helper()
	w := &catalogWorld{env: newEnvTB(t)}
	w.hamk = w.org("hamk", "Hämeen ammattikorkeakoulu")
	w.hamk.Name = pokot.Text{pokot.Finnish: "Hämeen ammattikorkeakoulu", pokot.Swedish: "Tavastlands yrkeshögskola", pokot.English: "Häme University of Applied Sciences"}
	w.hamk.Region, w.hamk.Homepage = "Kanta-Häme", "https://www.hamk.fi"
	if err := w.db.UpdateOrg(ctx, w.hamk); err != nil {
		t.Fatal(err)
	}
	w.omnia = w.org("omnia", "Omnia")
	w.designer = w.user("suunnittelija@hamk.fi", "Sanna Suunnittelija", false)
	w.approver = w.user("hyvaksyja@hamk.fi", "Heikki Hyväksyjä", false)
	w.member(w.hamk, w.designer, pokot.RoleDesigner)
	w.member(w.hamk, w.approver, pokot.RoleOrgAdmin)
	w.omniaDesigner = w.user("d@omnia.fi", "Olli Omnia", false)
	w.omniaBoss = w.user("boss@omnia.fi", "Outi Omnia", false)
	w.member(w.omnia, w.omniaDesigner, pokot.RoleDesigner)
	w.member(w.omnia, w.omniaBoss, pokot.RoleOrgAdmin)
	return w
}

// create makes a draft POK in o.
func (w *catalogWorld) create(o *pokot.Organisation, c pokot.MicrocredentialContent) *pokot.Microcredential {
	w.t.Helper()
	d := w.designer
	if o.ID == w.omnia.ID {
		d = w.omniaDesigner
	}
	m, _, err := w.db.CreateMicrocredential(ctx, o.ID, d.ID, "", &c)
	if err != nil {
		w.t.Fatalf("create %q: %v", c.Title.Get(pokot.Finnish), err)
	}
	return m
}

// publish takes version n of m through review and approval into the catalogue.
func (w *catalogWorld) publish(o *pokot.Organisation, m *pokot.Microcredential, n int) {
	w.t.Helper()
	d, a := w.designer, w.approver
	if o.ID == w.omnia.ID {
		d, a = w.omniaDesigner, w.omniaBoss
	}
	for _, step := range []struct {
		to pokot.Status
		by *pokot.User
	}{{pokot.StatusReview, d}, {pokot.StatusApproved, a}, {pokot.StatusPublished, d}} {
		if _, err := w.db.Transition(ctx, o.ID, m.ID, n, step.by.ID, step.to, ""); err != nil {
			w.t.Fatalf("%s → %s: %v", m.Slug, step.to, err)
		}
	}
}

// published creates and publishes a POK with content c.
func (w *catalogWorld) published(o *pokot.Organisation, c pokot.MicrocredentialContent) *pokot.Microcredential {
	w.t.Helper()
	m := w.create(o, c)
	w.publish(o, m, 1)
	return m
}

// newVersion makes and publishes version 2 of m with content c.
func (w *catalogWorld) newVersion(o *pokot.Organisation, m *pokot.Microcredential, c pokot.MicrocredentialContent) {
	w.t.Helper()
	d := w.designer
	if o.ID == w.omnia.ID {
		d = w.omniaDesigner
	}
	v, err := w.db.NewVersion(ctx, o.ID, m.ID, d.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.db.UpdateDraft(ctx, o.ID, m.ID, v.Number, d.ID, &c, v.Revision); err != nil {
		w.t.Fatal(err)
	}
	w.publish(o, m, v.Number)
}

// pokVariant is exchangetest.Content with another title, description, field, level,
// workload and languages: enough variety for filters to narrow.
func pokVariant(fi, sv, en, field string, level int, wl pokot.Workload, langs ...string) pokot.MicrocredentialContent {
	c := exchangetest.Content()
	c.Title = exchangetest.Tx(fi, sv, en)
	c.Description = exchangetest.Tx("Koulutuksessa opit: "+fi+".", "I utbildningen lär du dig: "+sv+".", "In this course you learn: "+en+".")
	c.ISCEDField = field
	c.EQFLevel = level
	c.Workload = wl
	c.Languages = langs
	c.Keywords = nil
	c.Price = pokot.Price{}
	c.Stackability = pokot.Stackability{Kind: pokot.Standalone}
	c.Image = nil
	return c
}

// seedCatalog publishes the catalogue most tests read: the care robotics POK (Jotpa,
// stackable, with a PNG badge), a practical nurse's POK, and others in technology,
// construction and hospitality; plus one draft that must never show.
func (w *catalogWorld) seedCatalog() map[string]*pokot.Microcredential {
	w.t.Helper()
	m := map[string]*pokot.Microcredential{}
	m["robo"] = w.published(w.hamk, exchangetest.Content())
	m["laake"] = w.published(w.hamk, pokVariant("Lähihoitajan lääkehoidon osaaminen", "Närvårdarens läkemedelsbehandling",
		"Medication skills for practical nurses", "0913", 4, pokot.Workload{Value: 2.5, Unit: pokot.UnitOSP}, "fi"))
	m["hitsaus"] = w.published(w.omnia, pokVariant("Robottihitsauksen perusteet", "Grunderna i robotsvetsning",
		"Basics of robot welding", "0715", 4, pokot.Workload{Value: 10, Unit: pokot.UnitOSP}, "fi", "en"))
	m["bim"] = w.published(w.omnia, pokVariant("Tietomallinnus rakennustyömaalla", "Byggnadsinformationsmodellering på byggplatsen",
		"Building information modelling on site", "0732", 5, pokot.Workload{Value: 3, Unit: pokot.UnitOP}, "fi"))
	m["asiakas"] = w.published(w.hamk, pokVariant("Asiakaspalvelu matkailualalla", "Kundservice inom turismen",
		"Customer service in tourism", "1015", 3, pokot.Workload{Value: 40, Unit: pokot.UnitHours}, "sv", "en"))
	m["draft"] = w.create(w.hamk, pokVariant("Salainen luonnos robotiikasta", "Hemligt utkast om robotik",
		"Secret draft on robotics", "0714", 4, pokot.Workload{Value: 5, Unit: pokot.UnitOSP}, "fi"))
	return m
}
