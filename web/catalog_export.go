package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// imageCSP forbids everything in a served badge image: an SVG opened on its own cannot run
// script, load anything or be framed, even if sanitising had missed something.
const imageCSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"

// pokImage is GET /microcredentials/{id}/image and …/versions/{n}/image: the badge image
// of a published version.
func (s *server) pokImage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPublicPOK(r)
	if err != nil {
		return err
	}
	img, err := p.mcs.BadgeImage(r.Context(), p.Version.ID)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return notFoundErr()
	} else if err != nil {
		return err
	}
	if img.MediaType != "image/png" && img.MediaType != "image/svg+xml" {
		return notFoundErr()
	}
	h := w.Header()
	h.Set("Content-Type", img.MediaType)
	h.Set("Content-Security-Policy", imageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("Content-Length", strconv.Itoa(len(img.Data)))
	_, err = w.Write(img.Data)
	return err
}

// export is what the export routes hand to package exchange: the version shown, its
// organisation and the public URL of its image.
func (s *server) export(p *publicPOK) exchange.Export {
	e := exchange.Export{BaseURL: s.cfg.BaseURL, Org: p.Org, Version: p.Version}
	if p.Version.Content.Image != nil {
		e.ImageURL = strings.TrimRight(s.cfg.BaseURL, "/") + p.VersionBase() + "/image"
	}
	return e
}

// pokOB3 is GET /microcredentials/{id}/ob3: the Open Badges 3.0 Achievement.
func (s *server) pokOB3(w http.ResponseWriter, r *http.Request) error {
	return s.exportJSON(w, r, "ob3", exchange.Achievement)
}

// pokELM is GET /microcredentials/{id}/elm: the ELM v3 Qualification.
func (s *server) pokELM(w http.ResponseWriter, r *http.Request) error {
	return s.exportJSON(w, r, "elm", exchange.ELM)
}

func (s *server) exportJSON(w http.ResponseWriter, r *http.Request, kind string, build func(exchange.Export) (map[string]any, error)) error {
	p, err := s.loadPublicPOK(r)
	if err != nil {
		return err
	}
	doc, err := build(s.export(p))
	if err != nil {
		return s.exportFailed(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/ld+json")
	h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s"`, exportName(p, kind, "jsonld")))
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("Access-Control-Allow-Origin", "*")
	_, err = w.Write(buf.Bytes())
	return err
}

// pokCSV is GET /microcredentials/{id}/csv: one row in the CSV format of docs/exchange.md,
// written for Excel as Finns use it (semicolons, BOM, decimal commas).
func (s *server) pokCSV(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadPublicPOK(r)
	if err != nil {
		return err
	}
	v := *p.Version
	if c := v.Content.Image; c != nil && len(c.Data) == 0 {
		// The image travels in the row (a data: URI), so that an import elsewhere keeps it.
		img, err := p.mcs.BadgeImage(r.Context(), v.ID)
		if err != nil && pokot.ErrorCode(err) != pokot.ENOTFOUND {
			return err
		}
		if err == nil {
			cp := *c
			cp.Data = img.Data
			v.Content.Image = &cp
		}
	}
	var buf bytes.Buffer
	if err := exchange.WriteCSV(&buf, []exchange.CSVRow{{Slug: p.MC.Slug, Version: &v}}, exchange.ExcelFinland); err != nil {
		return s.exportFailed(err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, exportName(p, "", "csv")))
	h.Set("Cache-Control", "public, max-age=300")
	_, err = w.Write(buf.Bytes())
	return err
}

// exportName is e.g. "hoivarobotiikka-v2-ob3.jsonld"; the slug is [a-z0-9-] by the
// domain's rules, and anything else is dropped so the header stays well-formed.
func exportName(p *publicPOK, kind, ext string) string {
	var b strings.Builder
	for _, r := range p.MC.Slug {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" {
		name = "pok-" + strconv.FormatInt(p.MC.ID, 10)
	}
	name += "-v" + strconv.Itoa(p.Version.Number)
	if kind != "" {
		name += "-" + kind
	}
	return name + "." + ext
}

// exportFailed logs why a published version could not be exported (its description or
// its organisation lacks something) and shows the reader a plain error: the reader cannot
// fix it, the organisation can.
func (s *server) exportFailed(err error) error {
	msg := err.Error()
	var pe *pokot.Error
	if errors.As(err, &pe) {
		msg = exchange.Localize(pe, pokot.English)
	}
	return &pokot.Error{Code: pokot.EINTERNAL, Message: "export: " + msg, Err: err}
}
