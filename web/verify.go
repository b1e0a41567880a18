package web

import (
	"errors"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/i18n"
)

// verifyPage is the public verifier: anyone can upload or paste an Open Badges 3.0
// credential and see each check and the credential's content. It is made once per router
// (routes.go), holding the shared Verifier; this site's own DID documents and status lists
// are served in-process (verify_resolve.go).
type verifyPage struct {
	s      *server
	shared *credential.Verifier
}

// newVerifyPage builds the verifier with the network defaults of key.Resolver: HTTPS
// only, private and loopback addresses refused, documents cached for five minutes.
func (s *server) newVerifyPage() *verifyPage {
	return &verifyPage{s: s, shared: &credential.Verifier{
		Resolver: &key.Resolver{CacheTTL: 5 * time.Minute},
		Now:      s.now,
	}}
}

// verifyData is the data of the verify page.
type verifyData struct {
	Form   *form
	Result *verifyResult
	MaxMB  string
}

// verifyResult is one verified credential as the page shows it.
type verifyResult struct {
	Verified bool
	Format   string        // catalog key
	Checks   []verifyCheck // the checks other than structure, in the order they ran
	// Structure holds the structure checks (structure.vc.*, structure.ob3.*), which the
	// page folds away unless one failed.
	Structure       []verifyCheck
	StructureFailed int
	Failures        []verifyCheck // every failed check, repeated under the verdict
	Content         *certificate.Content
	Image           template.URL
}

// StructurePassed counts the structure checks that passed.
func (v *verifyResult) StructurePassed() int { return len(v.Structure) - v.StructureFailed }

// verifyCheck is one check in the reader's language.
type verifyCheck struct {
	Name    string
	Label   string
	OK      bool
	Message string
}

func (p *verifyPage) form(w http.ResponseWriter, r *http.Request) error {
	return p.render(w, r, http.StatusOK, newForm("verify", nil), nil)
}

func (p *verifyPage) render(w http.ResponseWriter, r *http.Request, status int, f *form, res *verifyResult) error {
	var summary *form
	if !f.OK() {
		summary = f
	}
	mb := strconv.FormatFloat(float64(p.s.limits.body)/(1<<20), 'f', -1, 64)
	if st(r).lang != pokot.English {
		mb = strings.Replace(mb, ".", ",", 1)
	}
	return p.s.render(w, r, status, "verify", verifyData{Form: f, Result: res, MaxMB: mb}, summary)
}

// verify reads the upload or the pasted text, verifies the one credential in it and shows
// the result. Nothing is stored.
func (p *verifyPage) verify(w http.ResponseWriter, r *http.Request) error {
	f := newForm("verify", r)
	name, data, err := p.input(r, f)
	if err != nil {
		return err
	}
	if !f.OK() {
		return p.render(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	items := credential.Items(name, data)
	field := "credential"
	if name != "" {
		field = "file"
	}
	switch {
	case len(items) == 0 || (len(items) == 1 && items[0].Err != nil && credential.Detect(name, data) != credential.KindPNG && credential.Detect(name, data) != credential.KindSVG):
		f.Add(field, "verify.err.unreadable")
	case len(items) == 1 && items[0].Err != nil:
		f.Add(field, "verify.err.not_baked")
	case len(items) > 1:
		f.Add(field, "verify.err.several")
	}
	if !f.OK() {
		return p.render(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	source := name
	if source == "" {
		source = "pasted"
	}
	res := p.verifier(r.Context(), items[0].Data).Verify(r.Context(), source, items[0].Data)
	return p.render(w, r, http.StatusOK, f, p.view(st(r).lang, res))
}

// input returns the uploaded file (with its name) or the pasted text; problems with the
// form itself are recorded in f.
func (p *verifyPage) input(r *http.Request, f *form) (string, []byte, error) {
	var file []byte
	var name string
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Size > 0 {
			fh := fhs[0]
			rd, err := fh.Open()
			if err != nil {
				return "", nil, err
			}
			defer rd.Close()
			if file, err = io.ReadAll(io.LimitReader(rd, p.s.limits.body+1)); err != nil {
				return "", nil, err
			}
			name = fh.Filename
			if name == "" {
				name = "upload"
			}
		}
	}
	pasted := strings.TrimSpace(f.Raw("credential"))
	switch {
	case file != nil && pasted != "":
		f.Add("", "verify.err.both")
	case file == nil && pasted == "":
		f.Add("credential", "verify.err.empty")
	case file != nil:
		return name, file, nil
	}
	return "", []byte(pasted), nil
}

// view turns a verification result into what the page shows, in language l.
func (p *verifyPage) view(l pokot.Lang, res credential.Result) *verifyResult {
	v := &verifyResult{Verified: res.Verified}
	if res.Format != "" {
		v.Format = "verify.format." + res.Format
	}
	for _, c := range res.Checks {
		label := c.Name
		if k := "verify.check." + c.Name; i18n.Has(l, k) {
			label = i18n.T(l, k)
		}
		vc := verifyCheck{Name: c.Name, Label: label, OK: c.OK, Message: checkMessage(l, c)}
		if !c.OK {
			v.Failures = append(v.Failures, vc)
		}
		if strings.HasPrefix(c.Name, "structure.") {
			v.Structure = append(v.Structure, vc)
			if !c.OK {
				v.StructureFailed++
			}
			continue
		}
		v.Checks = append(v.Checks, vc)
	}
	if res.Credential != nil {
		v.Content = certificate.Read(res.Credential, l)
		// certificate.Read keeps only https URLs and image data: URIs, which an <img>
		// shows inertly (img-src allows https: and data:).
		v.Image = template.URL(v.Content.Image)
	}
	return v
}

// checkMessage is the check's message in l, with times (the validity window's ends, in
// RFC 3339 in the check's arguments) written the way people read them in l.
func checkMessage(l pokot.Lang, c credential.Check) string {
	if c.Key == "" {
		return c.Message
	}
	args := make([]string, len(c.Args))
	for i, a := range c.Args {
		args[i] = a
		if t, err := time.Parse(time.RFC3339, a); err == nil {
			args[i] = i18n.DateTime(l, t)
		}
	}
	return credential.Message(string(l), c.Key, args...)
}

// verifyMultipart parses the multipart body before s.app checks its CSRF token (which is
// a field of that body). A body over the limit gets the 413 page; one sent with a
// Content-Length over the limit is refused earlier by limitBody, with the same status.
func (p *verifyPage) verifyMultipart(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			if err := r.ParseMultipartForm(p.s.limits.body); err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					p.s.fail(w, r, &pokot.Error{Code: pokot.ETOOLARGE, Key: "verify.err.too_large", Message: "upload too large", Err: err})
					return
				}
				p.s.fail(w, r, &pokot.Error{Code: pokot.EINVALID, Key: "error.bad_form.text", Message: "malformed form", Err: err})
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
