package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// offeringLanguages are the languages of instruction offered in the form.
var offeringLanguages = []string{"fi", "sv", "en"}

type offeringFormData struct {
	Org       *pokot.Organisation
	POK       *pokot.Microcredential
	Offering  *pokot.Offering // nil when new
	Form      *form
	Action    string
	Jotpa     bool
	Assessors []*pokot.User // the organisation's assessors to choose from
	Languages []string
}

// localLayout is how <input type="datetime-local"> sends a moment (Helsinki time).
const localLayout = "2006-01-02T15:04"

// fillOfferingForm puts an offering's stored values into the form.
func fillOfferingForm(f *form, o *pokot.Offering) {
	f.Set("starts", o.Starts.Format(dateOnly))
	f.Set("ends", o.Ends.Format(dateOnly))
	for _, l := range pokot.Langs {
		f.Set("schedule_"+string(l), o.Schedule[l])
		f.Set("place_"+string(l), o.Place[l])
	}
	if o.Online {
		f.Set("online", "1")
	}
	f.Set("language", o.Language)
	f.Set("capacity", strconv.Itoa(o.Capacity))
	f.Set("reg_opens", o.RegistrationOpens.In(i18n.Helsinki).Format(localLayout))
	f.Set("reg_closes", o.RegistrationCloses.In(i18n.Helsinki).Format(localLayout))
	f.Set("price", formatEuros(o.PriceCents, pokot.Finnish))
	f.Values["assessors"] = nil
	for _, a := range o.Assessors {
		f.Values.Add("assessors", strconv.FormatInt(a, 10))
	}
	f.Set("jotpa_case", o.JotpaCaseNumber)
	if o.AutoIssue {
		f.Set("auto_issue", "1")
	}
}

const dateOnly = "2006-01-02"

// readOfferingForm reads the form into o; what cannot even be parsed is recorded in f, the
// rest is left to pokot.ValidateOffering (through the store).
func readOfferingForm(f *form, o *pokot.Offering) {
	parseDay := func(name string) time.Time {
		v := f.Get(name)
		if v == "" {
			return time.Time{}
		}
		t, ok := pokot.ParseDate(v)
		if !ok {
			f.Add(name, "err.offering.date_invalid")
		}
		return t
	}
	o.Starts, o.Ends = parseDay("starts"), parseDay("ends")
	o.Schedule, o.Place = pokot.Text{}, pokot.Text{}
	for _, l := range pokot.Langs {
		if v := f.Get("schedule_" + string(l)); v != "" {
			o.Schedule[l] = v
		}
		if v := f.Get("place_" + string(l)); v != "" {
			o.Place[l] = v
		}
	}
	o.Online = f.Get("online") != ""
	o.Language = f.Get("language")
	o.Capacity = 0
	if v := f.Get("capacity"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.Add("capacity", "err.offering.capacity_invalid")
		}
		o.Capacity = n
	}
	parseMoment := func(name string) time.Time {
		v := f.Get(name)
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation(localLayout, v, i18n.Helsinki)
		if err != nil {
			if d, ok := pokot.ParseDate(v); ok {
				return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, i18n.Helsinki).UTC()
			}
			f.Add(name, "err.offering.moment_invalid")
		}
		return t.UTC()
	}
	o.RegistrationOpens, o.RegistrationCloses = parseMoment("reg_opens"), parseMoment("reg_closes")
	o.PriceCents = 0
	if v := f.Get("price"); v != "" {
		c, ok := parseEuros(v)
		if !ok {
			f.Add("price", "err.offering.price_invalid")
		}
		o.PriceCents = c
	}
	o.Assessors = nil
	for _, v := range f.Values["assessors"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			o.Assessors = append(o.Assessors, id)
		}
	}
	o.JotpaCaseNumber = f.Get("jotpa_case")
	o.AutoIssue = f.Get("auto_issue") != ""
}

// parseEuros reads a price in euros written with a decimal comma or point ("120", "120,50",
// "1 200,5 €") into cents.
func parseEuros(s string) (int64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "€", "", "eur", "", "EUR", "").Replace(s)
	s = strings.Replace(s, ",", ".", 1)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return 0, false
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > 10_000_000 {
		return 0, false
	}
	c := int64(0)
	if frac != "" {
		for len(frac) < 2 {
			frac += "0"
		}
		if c, err = strconv.ParseInt(frac, 10, 64); err != nil || c < 0 {
			return 0, false
		}
	}
	return w*100 + c, true
}

// formatEuros writes cents as euros with the language's decimal mark: 120,50 (fi, sv),
// 120.50 (en); whole euros without decimals.
func formatEuros(cents int64, l pokot.Lang) string {
	s := strconv.FormatInt(cents/100, 10)
	if cents%100 != 0 {
		mark := ","
		if l == pokot.English {
			mark = "."
		}
		s += mark + strconv.FormatInt(100+cents%100, 10)[1:]
	}
	return s
}

// offeringFieldOf maps the store's field names to the form's.
var offeringFieldOf = map[string]string{
	"registrationCloses": "reg_closes", "registrationOpens": "reg_opens",
	"jotpaCaseNumber": "jotpa_case", "schedule": "schedule_fi", "place": "place_fi",
}

// addOfferingErr records a store error in the form under the form's field names.
func addOfferingErr(f *form, err error) bool {
	var es pokot.Errors
	switch e := err.(type) {
	case pokot.Errors:
		es = e
	case *pokot.Error:
		if e.Code != pokot.EINVALID {
			return false
		}
		es = pokot.Errors{e}
	default:
		return f.AddErr(err)
	}
	for _, e := range es {
		fld := e.Field
		if m, ok := offeringFieldOf[fld]; ok {
			fld = m
		}
		f.Add(fld, keyOr(e.Key, "error.invalid.text"))
	}
	return true
}

// orgAssessors lists the organisation's members with the assessor role, by name.
func (s *server) orgAssessors(r *http.Request, orgID int64) ([]*pokot.User, error) {
	ms, err := s.store.Members(r.Context(), orgID)
	if err != nil {
		return nil, err
	}
	var out []*pokot.User
	for _, m := range ms {
		if m.Role != pokot.RoleAssessor {
			continue
		}
		u := m.User
		if u == nil {
			if u, err = s.store.UserByID(r.Context(), m.UserID); err != nil {
				return nil, err
			}
		}
		out = append(out, u)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// renderOfferingForm draws the create or edit form.
func (s *server) renderOfferingForm(w http.ResponseWriter, r *http.Request, status int, d offeringFormData) error {
	var err error
	if d.Assessors, err = s.orgAssessors(r, d.Org.ID); err != nil {
		return err
	}
	d.Languages = offeringLanguages
	if d.POK.Published != nil {
		d.Jotpa = d.POK.Published.Content.Price.Jotpa
	}
	var summary *form
	if !d.Form.OK() {
		summary = d.Form
	}
	return s.render(w, r, status, "offeringform", d, summary)
}

// publishedPOK loads POK ?pok= (or the form's "pok") of org with its published version.
func (s *server) publishedPOK(r *http.Request, orgID int64, raw string) (*pokot.Microcredential, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return nil, notFoundErr()
	}
	mc, err := s.store.Microcredential(r.Context(), orgID, id)
	if err != nil {
		return nil, err
	}
	if mc.PublishedVersion == 0 {
		return nil, &pokot.Error{Code: pokot.ECONFLICT, Key: "err.offering.not_published", Message: "not published"}
	}
	if mc.Published == nil {
		if mc.Published, err = s.store.MicrocredentialVersion(r.Context(), orgID, id, mc.PublishedVersion); err != nil {
			return nil, err
		}
	}
	return mc, nil
}

// newOfferingForm shows an empty offering form for POK ?pok=, with sensible defaults.
func (s *server) newOfferingForm(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin, pokot.RoleDesigner)
	if err != nil {
		return err
	}
	mc, err := s.publishedPOK(r, o.ID, r.URL.Query().Get("pok"))
	if err != nil {
		return err
	}
	f := newForm("offering", nil)
	f.Set("language", "fi")
	if ls := mc.Published.Content.Languages; len(ls) > 0 {
		f.Set("language", ls[0])
	}
	return s.renderOfferingForm(w, r, http.StatusOK, offeringFormData{Org: o, POK: mc, Form: f,
		Action: "/orgs/" + o.Slug + "/offerings/new?pok=" + strconv.FormatInt(mc.ID, 10)})
}

// createOffering stores a new offering of POK ?pok=.
func (s *server) createOffering(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin, pokot.RoleDesigner)
	if err != nil {
		return err
	}
	ds, err := s.delivery()
	if err != nil {
		return err
	}
	mc, err := s.publishedPOK(r, o.ID, r.URL.Query().Get("pok"))
	if err != nil {
		return err
	}
	f := newForm("offering", r)
	off := &pokot.Offering{OrgID: o.ID, MicrocredentialID: mc.ID}
	readOfferingForm(f, off)
	d := offeringFormData{Org: o, POK: mc, Form: f, Action: r.URL.Path + "?" + r.URL.RawQuery}
	if f.OK() {
		err = ds.CreateOffering(r.Context(), off, st(r).user.ID)
		if err == nil {
			s.redirectFlash(w, r, offeringBase(o, off.ID), "flash.offering.created")
			return nil
		}
		if !addOfferingErr(f, err) {
			return err
		}
	}
	return s.renderOfferingForm(w, r, http.StatusUnprocessableEntity, d)
}

// editOfferingForm shows the stored offering in the form.
func (s *server) editOfferingForm(w http.ResponseWriter, r *http.Request) error {
	oc, _, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	if !oc.CanEdit {
		return forbidden()
	}
	oc.POK.Published = oc.Version
	f := newForm("offering", nil)
	fillOfferingForm(f, oc.Offering)
	return s.renderOfferingForm(w, r, http.StatusOK, offeringFormData{Org: oc.Org, POK: oc.POK, Offering: oc.Offering,
		Form: f, Action: r.URL.Path})
}

// saveOffering updates an offering.
func (s *server) saveOffering(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	if !oc.CanEdit {
		return forbidden()
	}
	oc.POK.Published = oc.Version
	f := newForm("offering", r)
	off := *oc.Offering
	readOfferingForm(f, &off)
	if f.OK() {
		err = ds.UpdateOffering(r.Context(), &off, st(r).user.ID)
		if err == nil {
			s.redirectFlash(w, r, offeringBase(oc.Org, off.ID), "flash.offering.saved")
			return nil
		}
		if !addOfferingErr(f, err) {
			return err
		}
	}
	return s.renderOfferingForm(w, r, http.StatusUnprocessableEntity, offeringFormData{Org: oc.Org, POK: oc.POK,
		Offering: oc.Offering, Form: f, Action: r.URL.Path})
}
