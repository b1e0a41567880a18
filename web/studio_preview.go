package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// previewData is a version rendered as the public catalogue page would show it.
type previewData struct {
	P        *studioPOK
	V        *pokot.MicrocredentialVersion
	C        *pokot.MicrocredentialContent
	ImageURL string
	Workload string // "2,5 osp"
	Field    string
	Facts    []previewFact
}

type previewFact struct {
	Label string // catalog key
	Value string
}

// studioPreview shows a version (the newest by default, ?v=N for another) as the public
// page would, so that the designer sees what learners and employers will read.
func (s *server) studioPreview(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	v := p.MC.Current
	if n, err := strconv.Atoi(r.URL.Query().Get("v")); err == nil && n != v.Number {
		if v, err = p.mcs.MicrocredentialVersion(r.Context(), p.Org.ID, p.MC.ID, n); err != nil {
			return notFoundErr()
		}
	}
	l := st(r).lang
	c := &v.Content
	d := previewData{P: p, V: v, C: c}
	if c.Image != nil {
		d.ImageURL = p.Base() + "/image?v=" + strconv.Itoa(v.Number) + "&r=" + strconv.Itoa(v.Revision)
	}
	if c.Workload.Value > 0 {
		d.Workload = formatDecimal(c.Workload.Value, l) + " " + i18n.T(l, "studio.unit_short."+string(c.Workload.Unit))
	}
	add := func(key, val string) {
		if strings.TrimSpace(val) != "" {
			d.Facts = append(d.Facts, previewFact{Label: key, Value: val})
		}
	}
	opts := func(group string, vs []string) string {
		var out []string
		for _, x := range vs {
			out = append(out, i18n.T(l, "studio.opt."+group+"."+x))
		}
		return strings.Join(out, ", ")
	}
	add("studio.pv.awarding", p.Org.Name.Get(l)+countrySuffix(l, p.Org))
	add("studio.f.workloadValue.label", d.Workload)
	if c.EQFLevel > 0 {
		add("studio.f.eqf.label", i18n.T(l, "studio.opt.eqf."+strconv.Itoa(c.EQFLevel)))
	}
	if f, ok := pokot.ISCEDFieldByCode(c.ISCEDField); ok {
		add("studio.f.isced.label", f.Name.Get(l))
	}
	add("studio.f.duration.label", c.Duration.Get(l))
	add("studio.f.participation.label", opts("part", strs(c.Participation)))
	add("studio.f.languages.label", opts("lang", c.Languages))
	if c.Delivery.Schedule != "" {
		add("studio.f.schedule.label", i18n.T(l, "studio.opt.sched."+string(c.Delivery.Schedule)))
	}
	add("studio.f.place.label", c.Delivery.Place.Get(l))
	add("studio.f.assessment.label", opts("assess", strs(c.Assessment)))
	if c.Supervision != "" {
		add("studio.f.supervision.label", i18n.T(l, "studio.opt.sup."+string(c.Supervision)))
	}
	if c.Grading != "" {
		add("studio.f.grading.label", i18n.T(l, "studio.opt.grade."+string(c.Grading)))
	}
	price := i18n.T(l, "studio.pv.free")
	if c.Price.EUR > 0 {
		price = formatDecimal(c.Price.EUR, l) + " €"
	}
	if c.Price.Jotpa {
		price += " · " + i18n.T(l, "studio.pv.jotpa")
	}
	add("studio.pv.price", price)
	if c.ValidityMonths > 0 {
		add("studio.f.validity.label", i18n.N(l, "studio.pv.months", c.ValidityMonths))
	}
	return s.render(w, r, http.StatusOK, "studiopreview", d, nil)
}

func countrySuffix(l pokot.Lang, o *pokot.Organisation) string {
	parts := []string{}
	if o.Region != "" {
		parts = append(parts, pokot.RegionName(o.Region, l))
	}
	if o.Country != "" {
		parts = append(parts, pokot.CountryName(l, o.Country))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// studioImage serves a version's badge image to those who may see the POK. An SVG is
// served with a policy that lets nothing in it run, even when opened on its own.
func (s *server) studioImage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(r.URL.Query().Get("v"))
	if err != nil {
		n = p.MC.CurrentVersion
	}
	v, err := p.mcs.MicrocredentialVersion(r.Context(), p.Org.ID, p.MC.ID, n)
	if err != nil || v.Content.Image == nil || len(v.Content.Image.Data) == 0 {
		return notFoundErr()
	}
	img := v.Content.Image
	h := w.Header()
	h.Set("Content-Type", img.MediaType)
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	h.Set("Cache-Control", "private, max-age=300")
	_, err = w.Write(img.Data)
	return err
}

var pathIndex = regexp.MustCompile(`\[(\d+)\]`)

// pathLabel names a content path for people: "outcomes[1].criteria.sv" becomes
// "Osaamistavoite 2 · Arviointikriteerit (ruotsi)".
func pathLabel(l pokot.Lang, path string) string {
	if path == "" {
		return i18n.T(l, "studio.anchor.whole")
	}
	var parts []string
	segs := strings.Split(path, ".")
	lang := ""
	if last := segs[len(segs)-1]; len(segs) > 1 {
		if _, ok := pokot.ParseLang(last); ok {
			lang = last
			segs = segs[:len(segs)-1]
		}
	}
	for i, seg := range segs {
		name, idx := seg, ""
		if m := pathIndex.FindStringSubmatchIndex(seg); m != nil {
			name, idx = seg[:m[0]], seg[m[2]:m[3]]
		}
		key := "studio.path." + name
		if i > 0 {
			key = "studio.path." + segs[0][:strings.IndexAny(segs[0]+"[", "[")] + "." + name
		}
		label := name
		if i18n.Has(l, key) {
			label = i18n.T(l, key)
		} else if i18n.Has(l, "studio.path."+name) {
			label = i18n.T(l, "studio.path."+name)
		}
		if idx != "" {
			n, _ := strconv.Atoi(idx)
			label += " " + strconv.Itoa(n+1)
		}
		parts = append(parts, label)
	}
	s := strings.Join(parts, " · ")
	if lang != "" {
		s += " (" + i18n.T(l, "studio.lang."+lang) + ")"
	}
	return s
}
