package web_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
	"github.com/pokot/pokot/credential/key"
)

// verifyPOK is a micro-credential with every Annex I element.
func verifyPOK() credential.MicroCredential {
	return credential.MicroCredential{
		ID:          "https://pokot.example.fi/microcredentials/42",
		Title:       credential.LangText{"fi": "Hyvinvointiteknologian perusteet", "sv": "Grunderna i välfärdsteknologi", "en": "Basics of welfare technology"},
		Description: credential.LangText{"fi": "Osaat ottaa käyttöön hyvinvointiteknologiaa."},
		LearningOutcomes: []credential.LearningOutcome{{
			Text:     credential.LangText{"fi": "Osaat arvioida asiakkaan tarpeen."},
			Criteria: credential.LangText{"fi": "Arviointi perustuu tapausesimerkkiin."},
			Skills:   []credential.Skill{{URI: "http://data.europa.eu/esco/skill/abc", Label: credential.LangText{"fi": "käyttää terveysteknologiaa"}}},
		}},
		Workload:         credential.Workload{Amount: 2.5, Unit: credential.UnitECTS},
		EQFLevel:         6,
		AssessmentTypes:  []string{"portfolio"},
		Participation:    []string{"online"},
		QualityAssurance: credential.LangText{"fi": "Auditoitu laatujärjestelmä."},
		AwardingBody: credential.Organization{Name: credential.LangText{"fi": "Esimerkkiopisto"}, URL: "https://esimerkki.fi",
			Address: credential.Address{CountryCode: "FI", Country: credential.LangText{"fi": "Suomi"}}},
		Supervision: credential.LangText{"fi": "Valvottu, henkilöllisyys tarkistettu."},
		Image:       "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
	}
}

const verifySalt = "salt-never-shown"

// signedCredential builds and signs a credential issued at 5.3.2025 with a did:key.
func signedCredential(t *testing.T) (map[string]any, *key.KeyPair) {
	t.Helper()
	doc, err := credential.Build(verifyPOK(), credential.Award{
		Learner:  credential.Learner{Email: "maija@example.fi", Salt: verifySalt},
		IssuedAt: time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	kp, err := key.Generate()
	if err != nil {
		t.Fatal(err)
	}
	signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return signed, kp
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// upload posts the verify form as multipart: a file (when name is not "") and fields.
func (b *browser) upload(name string, file []byte, fields map[string]string) *resp {
	b.e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if _, ok := fields["csrf"]; !ok {
		mw.WriteField("csrf", b.csrf)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(file)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.srv.URL+"/verify", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// checkRows returns each check row's name and whether it passed.
func checkRows(t *testing.T, body string) map[string]bool {
	t.Helper()
	rows := map[string]bool{}
	for _, m := range regexp.MustCompile(`<tr class="check-(ok|fail)" data-check="([^"]+)">`).FindAllStringSubmatch(body, -1) {
		rows[m[2]] = m[1] == "ok"
	}
	if len(rows) == 0 {
		t.Fatalf("no checks shown:\n%s", body)
	}
	return rows
}

func TestVerifyPageInEachLanguage(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	for lang, title := range map[string]string{"fi": "Tarkista osaamismerkki", "sv": "Kontrollera ett intyg", "en": "Verify a credential"} {
		r := b.get("/verify?lang=" + lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `<html lang="`+lang+`">`, "<h1>"+title+"</h1>", `enctype="multipart/form-data"`, `name="file" type="file"`,
			`<textarea id="verify-credential" name="credential"`, `name="csrf"`, `href="/verify"`)
		if strings.Contains(r.body, "⟦") {
			t.Errorf("%s: a catalog key is missing:\n%s", lang, r.body)
		}
	}
}

func TestVerifySignedUpload(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=fi")
	signed, _ := signedCredential(t)
	r := b.upload("osaamismerkki.json", mustJSON(t, signed), nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkki on aito ja voimassa", `class="verdict verdict-ok"`,
		"Hyvinvointiteknologian perusteet", "Esimerkkiopisto", "(Suomi)", "did:key:z6Mk", "https://esimerkki.fi",
		"5.3.2025", "Ei päättymispäivää", "2,5 op (opintopiste, ECTS)", "<dt>EQF-taso</dt>\n  <dd>6</dd>", "Portfolio", "Verkossa",
		"Auditoitu laatujärjestelmä.", "Valvottu, henkilöllisyys tarkistettu.", "Osaat arvioida asiakkaan tarpeen.",
		"Arviointikriteerit: Arviointi perustuu tapausesimerkkiin.", "käyttää terveysteknologiaa",
		"sähköpostiosoitteella, joka on tallennettu tiivisteenä", `<img class="badge-image" src="data:image/png;base64,`,
		"Allekirjoitus on kelvollinen (eddsa-rdfc-2022).", "JSON-LD, Data Integrity -allekirjoitus",
		"Osaamismerkki on voimassa ti 7.10.2025 klo 14.00.", // the check's time, as Finns write it
		`<details class="structure-checks">`, "Rakenteen tarkistukset: 14/14 kunnossa")
	rows := checkRows(t, r.body)
	for _, name := range []string{"parse", "structure.vc.context", "structure.ob3.achievement", "schema", "proof", "key", "status", "validity"} {
		if ok, found := rows[name]; !found || !ok {
			t.Errorf("check %s: shown %v, passed %v", name, found, ok)
		}
	}
	for name, ok := range rows {
		if !ok {
			t.Errorf("check %s failed", name)
		}
	}
	for _, secret := range []string{verifySalt, "sha256$", "maija@example.fi"} {
		if strings.Contains(r.body, secret) {
			t.Errorf("the page shows %q", secret)
		}
	}
}

func TestVerifyTamperedCredential(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=fi")
	signed, _ := signedCredential(t)
	ach := signed["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	ach["name"] = "Lääketieteen tohtori"
	r := b.upload("tampered.json", mustJSON(t, signed), nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkkiä ei voitu varmentaa", `class="verdict verdict-fail"`, "Epäonnistuneita tarkistuksia: 1.",
		"<li><strong>Allekirjoitus:</strong> Allekirjoitus ei vastaa sisältöä", // under the verdict
		`<tr class="check-fail" data-check="proof">`,
		"Allekirjoitus ei vastaa sisältöä: osaamismerkkiä on muutettu tai se on allekirjoitettu toisella avaimella.",
		"Koska tarkistus ei mennyt läpi, niihin ei voi luottaa.")
	if rows := checkRows(t, r.body); rows["proof"] || !rows["schema"] {
		t.Errorf("rows = %v", rows)
	}
	if strings.Contains(r.body, "Osaamismerkki on aito") {
		t.Error("a tampered credential is called genuine")
	}
}

func TestVerifyPastedJWTInSwedish(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=sv")
	doc, err := credential.Build(verifyPOK(), credential.Award{
		Learner:  credential.Learner{Email: "maija@example.fi", Name: "Maija Meikäläinen"},
		IssuedAt: time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	kp, _ := key.Generate()
	jwt, err := credential.SignJWT(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := b.upload("", nil, map[string]string{"credential": "\n  " + jwt + "\n"})
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="sv">`, "Intyget är äkta och giltigt", "VC-JWT (JSON Web Token)", "Signaturen är giltig (VC-JWT EdDSA).",
		"Grunderna i välfärdsteknologi", "Maija Meikäläinen", "2,5 sp (studiepoäng, ECTS)", "Lärandemål")
	for name, ok := range checkRows(t, r.body) {
		if !ok {
			t.Errorf("check %s failed", name)
		}
	}
}

func TestVerifyBakedPNG(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=en")
	signed, _ := signedCredential(t)
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.White)
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, img)
	baked, err := bake.PNG(pngBuf.Bytes(), mustJSON(t, signed))
	if err != nil {
		t.Fatal(err)
	}
	r := b.upload("badge.png", baked, nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "The credential is genuine and valid", "Basics of welfare technology", "2.5 ECTS credits (opintopiste)", "5 Mar 2025")

	// A baked SVG holding a JWT.
	kp, _ := key.Generate()
	doc, _ := credential.Build(verifyPOK(), credential.Award{Learner: credential.Learner{Email: "a@example.fi"}, IssuedAt: time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC)})
	jwt, err := credential.SignJWT(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	r = b.upload("badge.svg", svg, nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "The credential is genuine and valid", "VC-JWT (JSON Web Token)")

	// The same image without a credential in it.
	r = b.upload("plain.png", pngBuf.Bytes(), nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "This image holds no credential.", `class="error-summary"`, `aria-invalid="true"`)
}

func TestVerifyBadInput(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=fi")

	r := b.upload("notes.txt", []byte("hello, this is not a credential"), nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Tästä ei löytynyt osaamismerkkiä.", `href="#verify-file"`, `id="verify-file-error"`)

	r = b.upload("", nil, map[string]string{"credential": `{"name": "broken`})
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkkiä ei voitu varmentaa", `<tr class="check-fail" data-check="parse">`, "Osaamismerkkiä ei voitu lukea",
		`{&#34;name&#34;: &#34;broken</textarea>`) // what was pasted stays in the form

	r = b.upload("", nil, nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse tiedosto tai liitä osaamismerkki tekstikenttään.", `href="#verify-credential"`)

	signed, _ := signedCredential(t)
	one := string(mustJSON(t, signed))
	r = b.upload("", nil, map[string]string{"credential": one + "\n" + one})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Tässä on useampi kuin yksi osaamismerkki.")

	r = b.upload("a.json", []byte(one), map[string]string{"credential": one})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse joko tiedosto tai liitä teksti, ei molempia.")

	r = b.upload("a.json", []byte(one), map[string]string{"csrf": "wrong"})
	wantStatus(t, r, http.StatusForbidden)
}

func TestVerifyTooLarge(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/verify?lang=fi")
	big := bytes.Repeat([]byte("x"), 2<<20)

	// With a Content-Length: refused before the body is read.
	r := b.upload("big.json", big, nil)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantBody(t, r, `<html lang="fi">`, "Lähetys on liian suuri")

	// Streamed without a length: refused while the form is read, with the file's message.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", b.csrf)
	fw, _ := mw.CreateFormFile("file", "big.json")
	fw.Write(big)
	mw.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+"/verify", io.MultiReader(&body))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if req.ContentLength != 0 {
		t.Fatalf("the request has a length: %d", req.ContentLength)
	}
	r = b.do(req)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantBody(t, r, "Tiedosto on liian suuri: osaamismerkin tiedosto saa olla enintään 1 Mt.")
}
