package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/i18n"
	"github.com/pokot/pokot/issuer"
)

// verifyPath is the public verifier; its body may be larger than other requests'.
const verifyPath = "/api/v1/verify"

// maxVerifyBody is the largest credential (JSON, JWT or baked image) POST /api/v1/verify
// reads: the site's request limit (web), which also bounds one credential
// (credential.MaxCredentialBytes).
const maxVerifyBody = 1 << 20

// WithIssuer lets POST /api/v1/verify fetch this site's own DID documents and status lists
// in-process (see verifier), so that credentials issued here verify even where the site
// cannot reach itself over HTTPS (localhost, a demo, behind a firewall).
func WithIssuer(s *issuer.Service) Option { return func(a *API) { a.issuer = s } }

// verifyResult is the answer of POST /api/v1/verify: the fields of `pokot verify --json`
// (source, verified, checks with name, ok, message and key) plus the input kind, the
// proof format and the language of the messages.
type verifyResult struct {
	Source   string        `json:"source"`
	Verified bool          `json:"verified"`
	Checks   []verifyCheck `json:"checks"`
	Input    string        `json:"input"`            // json, jwt, png or svg
	Format   string        `json:"format,omitempty"` // di (Data Integrity) or jwt (VC-JWT)
	Lang     pokot.Lang    `json:"lang"`
}

// verifyCheck is one check as `pokot verify --json` prints it, the message in the
// request's language.
type verifyCheck struct {
	Name    string `json:"name"`
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Key     string `json:"key,omitempty"`
}

// verifyTypes maps the accepted media types to the input kind their body must be.
var verifyTypes = map[string]string{
	"application/json":       credential.KindJSON,
	"application/ld+json":    credential.KindJSON,
	"application/vc+ld+json": credential.KindJSON,
	"application/vc":         credential.KindJSON,
	"text/plain":             credential.KindJWT,
	"application/jwt":        credential.KindJWT,
	"application/vc+jwt":     credential.KindJWT,
	"image/png":              credential.KindPNG,
	"image/svg+xml":          credential.KindSVG,
}

// verify checks one credential sent as the request body and answers with every check.
// Nothing is stored; the endpoint is public.
func (a *API) verify(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	want, ok := verifyTypes[mt]
	if err != nil || !ok {
		return &pokot.Error{Code: pokot.EINVALID, Key: keyContentType,
			Message: "send the credential as application/json, application/jwt (or text/plain), image/png or image/svg+xml"}
	}
	data, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLargeThan(maxVerifyBody)
	}
	if err != nil {
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.verify.read", Message: "the request body could not be read"}
	}
	kind := credential.Detect("", data)
	if kind != want {
		return unreadable("the body is not a " + map[string]string{
			credential.KindJSON: "JSON credential", credential.KindJWT: "compact JWT",
			credential.KindPNG: "PNG image", credential.KindSVG: "SVG image"}[want])
	}
	items := credential.Items("", data)
	switch {
	case len(items) != 1:
		return unreadable("send one credential")
	case items[0].Err != nil && (kind == credential.KindPNG || kind == credential.KindSVG):
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.verify.not_baked", Message: "the image holds no credential"}
	case items[0].Err != nil:
		return unreadable("the credential could not be read")
	}
	res := a.verifier(r.Context(), items[0].Data).Verify(r.Context(), "request", items[0].Data)
	if len(res.Checks) == 1 && res.Checks[0].Name == "parse" && !res.Checks[0].OK {
		return unreadable(res.Checks[0].Message)
	}
	lang := verifyLang(r)
	out := verifyResult{Source: res.Source, Verified: res.Verified, Input: kind, Format: res.Format, Lang: lang,
		Checks: make([]verifyCheck, 0, len(res.Checks))}
	for _, c := range res.Checks {
		out.Checks = append(out.Checks, verifyCheck{Name: c.Name, OK: c.OK, Message: c.In(string(lang)), Key: c.Key})
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Content-Language", string(lang))
	w.Header().Set("Vary", "Accept-Language")
	writeJSON(w, http.StatusOK, out)
	return nil
}

func unreadable(msg string) error {
	return &pokot.Error{Code: pokot.EINVALID, Key: "err.verify.unreadable", Message: msg}
}

// verifyLang is ?lang= (fi, sv or en), else the best match of Accept-Language, else
// English, as `pokot verify` prints.
func verifyLang(r *http.Request) pokot.Lang {
	if l, ok := pokot.ParseLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	if strings.TrimSpace(r.Header.Get("Accept-Language")) != "" {
		return i18n.Negotiate(r.Header.Get("Accept-Language"))
	}
	return pokot.English
}

// tooLargeThan is the 413 of a body over n bytes.
func tooLargeThan(n int64) error {
	switch n {
	case maxBody:
		return tooLarge()
	case maxImportBody:
		return importTooLarge()
	}
	return &pokot.Error{Code: pokot.ETOOLARGE, Key: "err.too_large",
		Message: "the request body is larger than " + strconv.FormatInt(n>>10, 10) + " KiB"}
}
