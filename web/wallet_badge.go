package web

import (
	"bytes"
	"encoding/base64"
	"html"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// badgeImage returns the POK version's own badge image behind a credential, or nil when
// it has none, it cannot be found or the credential is not a POK credential issued here.
func (p *walletPages) badgeImage(r *http.Request, it *walletItem) *pokot.BadgeImage {
	if it.C == nil {
		return nil
	}
	ctx := r.Context()
	ws, err := p.store()
	if err != nil {
		return nil
	}
	o, err := ws.Offering(ctx, it.C.OrgID, it.C.OfferingID)
	if err != nil {
		return nil
	}
	v, err := ws.MicrocredentialVersion(ctx, it.C.OrgID, o.MicrocredentialID, o.Version)
	if err != nil {
		return nil
	}
	img, err := ws.BadgeImage(ctx, v.ID)
	if err != nil {
		return nil
	}
	return img
}

// dataImage decodes the credential's own image when it is a data: URI of mediaType.
func dataImage(it *walletItem, mediaType string) []byte {
	prefix := "data:" + mediaType + ";base64,"
	if !strings.HasPrefix(it.Content.Image, prefix) {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(it.Content.Image[len(prefix):])
	if err != nil {
		return nil
	}
	return b
}

// badgePNG is the PNG to bake: the credential's or the POK's own PNG, else a plain disc.
func (p *walletPages) badgePNG(r *http.Request, it *walletItem) ([]byte, error) {
	if b := dataImage(it, "image/png"); b != nil {
		return b, nil
	}
	if img := p.badgeImage(r, it); img != nil && img.MediaType == "image/png" {
		return img.Data, nil
	}
	return plainBadgePNG()
}

// badgeSVG is the SVG to bake: the credential's or the POK's own SVG, else a simple
// badge with the credential's title.
func (p *walletPages) badgeSVG(r *http.Request, it *walletItem) ([]byte, error) {
	if b := dataImage(it, "image/svg+xml"); b != nil {
		return b, nil
	}
	if img := p.badgeImage(r, it); img != nil && img.MediaType == "image/svg+xml" {
		return img.Data, nil
	}
	return plainBadgeSVG(it.Title(), it.Content.Issuer.Name), nil
}

// plainBadgePNG draws a 256×256 disc in the site's accent colour with a white ring.
func plainBadgePNG() ([]byte, error) {
	const n = 256
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	accent := color.NRGBA{0x1d, 0x5a, 0x96, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			dx, dy := float64(x)-n/2+0.5, float64(y)-n/2+0.5
			d := dx*dx + dy*dy
			switch {
			case d <= 120*120 && d >= 104*104:
				img.Set(x, y, white)
			case d <= 127*127:
				img.Set(x, y, accent)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// plainBadgeSVG is a round badge naming the credential and its issuer.
func plainBadgeSVG(title, issuer string) []byte {
	cut := func(s string, n int) string {
		if utf8.RuneCountInString(s) <= n {
			return s
		}
		return string([]rune(s)[:n-1]) + "…"
	}
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img">`)
	b.WriteString(`<title>` + html.EscapeString(title) + `</title>`)
	b.WriteString(`<circle cx="128" cy="128" r="126" fill="#1d5a96"/><circle cx="128" cy="128" r="108" fill="none" stroke="#fff" stroke-width="6"/>`)
	b.WriteString(`<text x="128" y="122" text-anchor="middle" font-family="sans-serif" font-size="17" font-weight="700" fill="#fff">` + html.EscapeString(cut(title, 24)) + `</text>`)
	if issuer != "" {
		b.WriteString(`<text x="128" y="150" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#fff">` + html.EscapeString(cut(issuer, 30)) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// elm maps an issued credential to ELM v3 JSON-LD: a EuropeanDigitalCredential-shaped
// document whose learner has one LearningAchievement, awarded by the organisation on the
// date of issue and specified by the POK's ELM Qualification (exchange.ELM). It is a
// description for systems that read ELM, not a signed credential: the signed one is
// the Open Badges credential.
func (p *walletPages) elm(r *http.Request, it *walletItem) (map[string]any, error) {
	if it.C == nil {
		return nil, notFoundErr()
	}
	ctx := r.Context()
	ws, err := p.store()
	if err != nil {
		return nil, err
	}
	o, err := ws.Offering(ctx, it.C.OrgID, it.C.OfferingID)
	if err != nil {
		return nil, err
	}
	v, err := ws.MicrocredentialVersion(ctx, it.C.OrgID, o.MicrocredentialID, o.Version)
	if err != nil {
		return nil, err
	}
	org, err := p.s.store.OrgByID(ctx, it.C.OrgID)
	if err != nil {
		return nil, err
	}
	spec, err := exchange.ELM(exchange.Export{BaseURL: p.s.cfg.BaseURL, Org: org, Version: v, AllowUnpublished: true})
	if err != nil {
		return nil, err
	}
	delete(spec, "@context")
	id := it.C.CredentialID
	issuerID := it.Content.Issuer.ID
	names := map[string]any{}
	for l, n := range org.Name {
		if n != "" {
			names[string(l)] = n
		}
	}
	body := map[string]any{"id": issuerID, "type": "Organisation", "legalName": names}
	date := it.Issued.UTC().Format("2006-01-02T15:04:05Z")
	subject := map[string]any{
		"id":   id + "#learner",
		"type": "Person",
		"hasClaim": []any{map[string]any{
			"id":    id + "#achievement",
			"type":  "LearningAchievement",
			"title": spec["title"],
			"awardedBy": map[string]any{
				"id": id + "#awarding", "type": "AwardingProcess",
				"awardingBody": []any{body}, "awardingDate": date,
			},
			"specifiedBy": spec,
		}},
	}
	if it.C.Name != "" {
		subject["fullName"] = map[string]any{string(it.C.Lang): it.C.Name}
	}
	return map[string]any{
		"@context":          []any{exchange.ContextVC11, exchange.ContextELM},
		"id":                id,
		"type":              []any{"VerifiableCredential", "EuropeanDigitalCredential"},
		"issuer":            body,
		"issuanceDate":      date,
		"issued":            date,
		"credentialSubject": subject,
	}, nil
}
