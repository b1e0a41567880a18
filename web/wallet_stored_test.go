package web_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
)

// uploadTo posts a multipart form to path: a file (when name is not "") and fields.
func (b *browser) uploadTo(path, name string, file []byte, fields map[string]string) *resp {
	b.e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", b.csrf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(file)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// otherPlatformJWT is a credential of another issuer (a did:key) as a VC-JWT.
func otherPlatformJWT(t *testing.T) (string, string) {
	t.Helper()
	doc, err := credential.Build(verifyPOK(), credential.Award{
		Learner:  credential.Learner{Email: "anna@example.fi", Salt: "s"},
		IssuedAt: time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, kp := signedCredential(t)
	jwt, err := credential.SignJWT(doc, kp, credential.SignOptions{Created: time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return jwt, doc["id"].(string)
}

func tinyPNG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWalletAddCredential: credentials from elsewhere — a JSON file, a pasted JWT, a baked
// PNG, and one posted by another platform through the OB 3.0 API — are listed apart from
// the issued ones, marked as added, checked live, downloadable as they came and
// removable; a tampered one is refused with the verifier's message and nothing is stored;
// a credential issued here is not stored twice; other learners cannot reach them.
func TestWalletAddCredential(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi", "bertta@example.fi")
	a := w.browser()
	w.linkSignin(a, "anna@example.fi")
	anna, err := w.db.UserByEmail(ctx, "anna@example.fi")
	if err != nil {
		t.Fatal(err)
	}
	stored := func() int {
		t.Helper()
		cs, _, err := w.db.WalletCredentials(ctx, anna.ID, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range cs {
			if c.Source != pokot.WalletIssued {
				n++
			}
		}
		return n
	}
	wantBody(t, a.get("/wallet"), `href="/wallet/add"`)
	wantStatus(t, a.get("/wallet/add"), http.StatusOK)

	// Tampered: refused with the verifier's precise message; nothing stored.
	signed, _ := signedCredential(t)
	ach := signed["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	good := mustJSON(t, signed)
	ach["name"] = "Lääketieteen tohtori"
	r := a.uploadTo("/wallet/add", "tampered.json", mustJSON(t, signed), nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Osaamismerkkiä ei lisätty", `data-check="proof"`,
		"Allekirjoitus ei vastaa sisältöä: osaamismerkkiä on muutettu tai se on allekirjoitettu toisella avaimella.")
	// Not a credential, nothing at all, or an image without one.
	wantStatus(t, a.uploadTo("/wallet/add", "", nil, map[string]string{"credential": "hei"}), http.StatusUnprocessableEntity)
	wantStatus(t, a.uploadTo("/wallet/add", "", nil, nil), http.StatusUnprocessableEntity)
	r = a.uploadTo("/wallet/add", "badge.png", tinyPNG(t), nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	// Over the size limit: refused before it is read.
	big := append(bytes.Repeat([]byte(" "), 3<<19), good...)
	r = a.uploadTo("/wallet/add", "big.json", big, nil)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	if n := stored(); n != 0 {
		t.Fatalf("%d credentials stored from refused uploads", n)
	}

	// A JSON file.
	r = a.uploadTo("/wallet/add", "badge.json", good, nil)
	wantStatus(t, r, http.StatusSeeOther)
	jsonKey := strings.TrimPrefix(r.Header.Get("Location"), "/wallet/")
	if !strings.HasPrefix(jsonKey, "x") {
		t.Fatalf("Location %q", r.Header.Get("Location"))
	}
	r = a.get("/wallet/" + jsonKey)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkki on lisätty lompakkoosi.", "Osaamismerkki on aito ja voimassa", "Lisännyt: sinä.",
		"credential.json", "badge.png", `action="/wallet/`+jsonKey+`/remove"`)
	wantBodyNot(t, r, "credential.jwt", "certificate-fi.pdf", "elm.jsonld", "/share")
	if d := a.get("/wallet/" + jsonKey + "/credential.json"); d.body != string(good) {
		t.Error("the added JSON does not download as it came")
	}
	for _, f := range []string{"credential.jwt", "certificate-fi.pdf", "elm.jsonld"} {
		wantStatus(t, a.get("/wallet/"+jsonKey+"/"+f), http.StatusNotFound)
	}
	wantStatus(t, a.post("/wallet/"+jsonKey+"/share", nil), http.StatusNotFound)
	baked := a.get("/wallet/" + jsonKey + "/badge.png")
	if got, err := bake.ExtractPNG([]byte(baked.body)); err != nil || !bytes.Equal(got, good) {
		t.Fatalf("baked PNG of an added credential: %v", err)
	}
	// The same again replaces it (one per id).
	wantStatus(t, a.uploadTo("/wallet/add", "badge.json", good, nil), http.StatusSeeOther)
	if n := stored(); n != 1 {
		t.Fatalf("%d stored after adding the same twice", n)
	}

	// A pasted JWT.
	jwt, jwtID := otherPlatformJWT(t)
	r = a.uploadTo("/wallet/add", "", nil, map[string]string{"credential": jwt})
	wantStatus(t, r, http.StatusSeeOther)
	jwtKey := strings.TrimPrefix(r.Header.Get("Location"), "/wallet/")
	wantBody(t, a.get("/wallet/"+jwtKey), "credential.jwt")
	if d := a.get("/wallet/" + jwtKey + "/credential.jwt"); d.body != jwt {
		t.Error("the added JWT does not download as it came")
	}

	// The same JWT baked into an SVG: read from the image, the same credential (replaced).
	svg, err := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4"/></svg>`), []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	r = a.uploadTo("/wallet/add", "badge.svg", svg, nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/wallet/"+jwtKey)

	// A baked PNG, and the learner's own issued credential (not stored twice).
	own := w.credentialOf("anna@example.fi")
	img, err := bake.PNG(tinyPNG(t), own.Signed)
	if err != nil {
		t.Fatal(err)
	}
	r = a.uploadTo("/wallet/add", "oma.png", img, nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/wallet/"+strings.TrimPrefix(own.CredentialID, "urn:uuid:"))
	wantBody(t, a.get(r.Header.Get("Location")), "Tämä osaamismerkki on jo lompakossasi.")
	if n := stored(); n != 2 {
		t.Fatalf("%d stored, want 2", n)
	}

	// Posted by another platform through the API.
	api, _ := otherPlatformJWT(t)
	if _, err := w.db.UpsertWalletCredential(ctx, &pokot.WalletCredential{UserID: anna.ID, CredentialID: "urn:uuid:api-1",
		Format: pokot.WalletJWT, Data: []byte(api), Source: pokot.WalletAPI, ClientID: "c1"}); err != nil {
		t.Fatal(err)
	}
	r = a.get("/wallet")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Lisäämäsi osaamismerkit", "Lisännyt: sinä.", "Lisännyt: toinen palvelu (Open Badges -rajapinta).",
		"/wallet/"+jsonKey, "/wallet/"+jwtKey, "Sinulle myönnetyt osaamismerkit")
	if strings.Count(r.body, "wallet-status-valid") != 4 {
		t.Errorf("%d valid credentials listed, want 4 (1 issued, 3 added)", strings.Count(r.body, "wallet-status-valid"))
	}

	// The archive holds the added credentials as they came, and no PDF or made JWT for them.
	z := a.get("/wallet/export.zip")
	wantStatus(t, z, http.StatusOK)
	zr, err := zip.NewReader(strings.NewReader(z.body), int64(len(z.body)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); strings.Count(got, ".jwt") != 3 || strings.Count(got, ".json") != 2 || strings.Count(got, ".pdf") != 1 {
		t.Errorf("archive holds %s; want 3 JWTs (issued + 2 added), 2 JSON (issued + added), 1 PDF", got)
	}

	// Another learner cannot reach them.
	b := w.browser()
	w.linkSignin(b, "bertta@example.fi")
	wantStatus(t, b.get("/wallet/"+jsonKey), http.StatusNotFound)
	b.get("/wallet")
	wantStatus(t, b.post("/wallet/"+jsonKey+"/remove", nil), http.StatusNotFound)

	// Removing: an added one goes; an issued one cannot be removed.
	wantStatus(t, a.post("/wallet/"+jsonKey+"/remove", nil), http.StatusSeeOther)
	wantStatus(t, a.get("/wallet/"+jsonKey), http.StatusNotFound)
	wantStatus(t, a.post("/wallet/"+strings.TrimPrefix(own.CredentialID, "urn:uuid:")+"/remove", nil), http.StatusNotFound)
	if n := stored(); n != 2 || jwtID == "" {
		t.Fatalf("%d stored after removing one, want 2", n)
	}

	// In every language, the list and the form.
	for _, l := range pokot.Langs {
		for _, p := range []string{"/wallet", "/wallet/add", "/wallet/" + jwtKey} {
			r := a.get(p + "?lang=" + string(l))
			wantStatus(t, r, http.StatusOK)
			checkPage(t, r, l)
		}
	}
}
