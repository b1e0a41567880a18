package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/credential/bake"
)

// download is GET /wallet/{id}/{file}: the credential as credential.json or as a VC-JWT
// credential.jwt (walletJWT), baked into badge.png or badge.svg, as a PDF certificate
// certificate-{fi,sv,en}.pdf, or as ELM JSON-LD elm.jsonld — whichever of these the
// item has (walletItem.Has).
func (p *walletPages) download(w http.ResponseWriter, r *http.Request) error {
	it, err := p.item(r)
	if err != nil {
		return err
	}
	base := fileBase(it)
	file := r.PathValue("file")
	has := file
	if strings.HasPrefix(file, "certificate-") {
		has = "pdf"
	}
	if !it.Has(has) {
		return notFoundErr()
	}
	var data []byte
	var ctype, name string
	switch {
	case file == "credential.json":
		data, ctype, name = it.Data, "application/ld+json", base+".json"
	case file == "credential.jwt":
		if data, err = p.jwt(r, it); err != nil {
			return err
		}
		ctype, name = "application/jwt", base+".jwt"
	case file == "badge.png":
		img, err := p.badgePNG(r, it)
		if err != nil {
			return err
		}
		if data, err = bake.PNG(img, it.Data); err != nil {
			return err
		}
		ctype, name = "image/png", base+".png"
	case file == "badge.svg":
		img, err := p.badgeSVG(r, it)
		if err != nil {
			return err
		}
		if data, err = bake.SVG(img, it.Data); err != nil {
			return err
		}
		ctype, name = "image/svg+xml", base+".svg"
	case strings.HasPrefix(file, "certificate-") && strings.HasSuffix(file, ".pdf"):
		l, ok := pokot.ParseLang(strings.TrimSuffix(strings.TrimPrefix(file, "certificate-"), ".pdf"))
		if !ok {
			return notFoundErr()
		}
		if data, err = p.pdf(r, it, l); err != nil {
			return err
		}
		ctype, name = "application/pdf", base+"-"+string(l)+".pdf"
	case file == "elm.jsonld":
		doc, err := p.elm(r, it)
		if err != nil {
			return err
		}
		if data, err = json.MarshalIndent(doc, "", "  "); err != nil {
			return err
		}
		ctype, name = "application/ld+json", base+"-elm.jsonld"
	default:
		return notFoundErr()
	}
	return sendFile(w, ctype, name, data)
}

// sendFile writes data as an attachment that the browser must not sniff or run.
func sendFile(w http.ResponseWriter, ctype, name string, data []byte) error {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Security-Policy", imageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	_, err := w.Write(data)
	return err
}

// fileBase names a credential's files: "osaamismerkki-" and the first part of its id.
func fileBase(it *walletItem) string {
	id := it.UUID
	if i := strings.IndexByte(id, '-'); i > 0 {
		id = id[:i]
	}
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(id))
	return "credential-" + clean
}

// pdf is the certificate in language l; its QR code opens the share link when sharing
// is on, otherwise the public verifier.
func (p *walletPages) pdf(r *http.Request, it *walletItem, l pokot.Lang) ([]byte, error) {
	return certificate.PDF(it.Doc, l, p.verifyTarget(r, it))
}

// verifyTarget is where the certificate's QR code and the LinkedIn link send people.
func (p *walletPages) verifyTarget(r *http.Request, it *walletItem) string {
	if ws, err := p.store(); err == nil {
		if links, err := ws.ShareLinks(r.Context(), st(r).user.ID); err == nil {
			for _, l := range links {
				if l.CredentialID == it.ID {
					return p.shareURL(l)
				}
			}
		}
	}
	return strings.TrimRight(p.s.cfg.BaseURL, "/") + "/verify"
}

// exportZip is GET /wallet/export.zip: every credential as it is kept (JSON, or the JWT
// of an added JWT credential) and, for those issued here (POK and pathway credentials),
// its VC-JWT form (made on demand as for the download, see walletPages.jwt) and its PDF
// (in the reader's language), in one archive.
func (p *walletPages) exportZip(w http.ResponseWriter, r *http.Request) error {
	l := st(r).lang
	items, err := p.items(r.Context(), st(r).user, l)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, it := range items {
		type file struct {
			name string
			data []byte
		}
		var files []file
		if it.Format == pokot.WalletJWT {
			files = append(files, file{fileBase(it) + ".jwt", it.Data})
		} else {
			files = append(files, file{fileBase(it) + ".json", it.Data})
			if it.Kind != kindStored && it.Has("credential.jwt") {
				jwt, err := p.jwt(r, it)
				if err != nil {
					return err
				}
				files = append(files, file{fileBase(it) + ".jwt", jwt})
			}
		}
		if it.Has("pdf") {
			pdf, err := p.pdf(r, it, l)
			if err != nil {
				return err
			}
			files = append(files, file{fileBase(it) + "-" + string(l) + ".pdf", pdf})
		}
		for _, f := range files {
			fw, err := zw.Create(f.name)
			if err != nil {
				return err
			}
			if _, err := fw.Write(f.data); err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return sendFile(w, "application/zip", "credentials.zip", buf.Bytes())
}

// linkedInURL is LinkedIn's "add to profile" link for a certification; certURL is the
// share link (empty when sharing is off).
func linkedInURL(it *walletItem, certURL string) string {
	q := url.Values{}
	q.Set("startTask", "CERTIFICATION_NAME")
	q.Set("name", it.Title())
	if it.Content.Issuer.Name != "" {
		q.Set("organizationName", it.Content.Issuer.Name)
	}
	if !it.Issued.IsZero() {
		q.Set("issueYear", strconv.Itoa(it.Issued.Year()))
		q.Set("issueMonth", strconv.Itoa(int(it.Issued.Month())))
	}
	if !it.Content.ValidUntil.IsZero() {
		q.Set("expirationYear", strconv.Itoa(it.Content.ValidUntil.Year()))
		q.Set("expirationMonth", strconv.Itoa(int(it.Content.ValidUntil.Month())))
	}
	if certURL != "" {
		q.Set("certUrl", certURL)
	}
	q.Set("certId", it.ID)
	return "https://www.linkedin.com/profile/add?" + q.Encode()
}
