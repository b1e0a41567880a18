package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/status"
)

// w3cSeed is the seed of the vc-di-eddsa test vectors' key (privateKeyMultibase
// z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq without its 0x8026 header).
const w3cSeed = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6"

func pokot(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// unsignedBadge builds a small OpenBadgeCredential with the credential
// package's builder; issuerID may be empty (sign then sets the did:key).
func unsignedBadge(t *testing.T, issuerID string, edit func(map[string]any)) string {
	t.Helper()
	mc := credential.MicroCredential{
		ID:               "https://pokot.example.fi/pok/1",
		Title:            credential.LangText{"fi": "Hyvinvointiteknologian perusteet", "en": "Basics of welfare technology"},
		Description:      credential.LangText{"fi": "Osaat ottaa käyttöön hyvinvointiteknologiaa."},
		LearningOutcomes: []credential.LearningOutcome{{Text: credential.LangText{"fi": "Osaat arvioida asiakkaan tarpeen."}}},
		Workload:         credential.Workload{Amount: 3, Unit: credential.UnitECTS},
		EQFLevel:         6,
		AssessmentTypes:  []string{"portfolio"},
		Participation:    []string{"online"},
		QualityAssurance: credential.LangText{"fi": "Auditoitu laatujärjestelmä."},
		AwardingBody: credential.Organization{ID: issuerID, Name: credential.LangText{"fi": "Esimerkkiopisto"},
			Address: credential.Address{CountryCode: "FI"}},
	}
	doc, err := credential.Build(mc, credential.Award{
		CredentialID: "urn:uuid:7b1f5a0e-4c1d-4a8e-9d55-0f3c2a9b1e77",
		Learner:      credential.Learner{Email: "learner@example.fi", Salt: "s4lt"},
		IssuedAt:     time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC),
		ValidUntil:   time.Date(2028, 1, 28, 14, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(doc)
	}
	b, _ := json.Marshal(doc)
	return string(b)
}

type jsonResult struct {
	Source   string `json:"source"`
	Verified bool   `json:"verified"`
	Checks   []struct {
		Name    string `json:"name"`
		OK      bool   `json:"ok"`
		Message string `json:"message"`
	} `json:"checks"`
}

func parseResults(t *testing.T, out string) []jsonResult {
	t.Helper()
	var rs []jsonResult
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r jsonResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("--json line %q: %v", line, err)
		}
		rs = append(rs, r)
	}
	return rs
}

func failedCheck(r jsonResult, name string) bool {
	for _, c := range r.Checks {
		if c.Name == name {
			return !c.OK
		}
	}
	return false
}

// pokot sign reproduces the W3C vectors' proofValue byte for byte.
func TestSignReproducesConformanceVectors(t *testing.T) {
	unsigned, _ := os.ReadFile("testdata/vc-di-eddsa-unsigned.json")
	for _, v := range []struct{ suite, file string }{
		{"eddsa-rdfc-2022", "testdata/vc-di-eddsa-signed-rdfc.json"},
		{"eddsa-jcs-2022", "testdata/vc-di-eddsa-signed-jcs.json"},
	} {
		code, out, errs := pokot(t, string(unsigned), "sign", "--key-seed", w3cSeed, "--cryptosuite", v.suite, "--created", "2023-02-24T23:36:38Z")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", v.suite, code, errs)
		}
		var got, want map[string]any
		json.Unmarshal([]byte(out), &got)
		b, _ := os.ReadFile(v.file)
		json.Unmarshal(b, &want)
		gp, wp := got["proof"].(map[string]any), want["proof"].(map[string]any)
		if gp["proofValue"] != wp["proofValue"] || gp["verificationMethod"] != wp["verificationMethod"] {
			t.Errorf("%s: proof %v, want %v", v.suite, gp, wp)
		}
	}
}

// pokot sign reproduces 1EdTech's OB 3.0 vector with its test key and
// https verification method.
func TestSignReproducesOB3Vector(t *testing.T) {
	unsigned, _ := os.ReadFile("testdata/ob3-ldp-unsigned.json")
	code, out, errs := pokot(t, string(unsigned), "sign",
		"--key-seed", "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4",
		"--created", "2010-01-01T19:23:24Z",
		"--verification-method", "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got, want map[string]any
	json.Unmarshal([]byte(out), &got)
	b, _ := os.ReadFile("testdata/ob3-ldp-signed.json")
	json.Unmarshal(b, &want)
	if g, w := got["proof"].(map[string]any)["proofValue"], want["proof"].(map[string]any)["proofValue"]; g != w {
		t.Errorf("proofValue %v, want %v", g, w)
	}
}

func TestKeygenSignVerify(t *testing.T) {
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "issuer-key.json")
	code, out, errs := pokot(t, "", "keygen", "--out", keyPath)
	if code != 0 {
		t.Fatalf("keygen: %d %s", code, errs)
	}
	did := strings.TrimSpace(out)
	if !strings.HasPrefix(did, "did:key:z6Mk") {
		t.Fatalf("keygen printed %q", out)
	}
	if st, err := os.Stat(keyPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st.Mode(), err)
	}
	if code, _, _ := pokot(t, "", "keygen", "--out", keyPath); code == 0 {
		t.Error("keygen overwrote an existing key file")
	}

	code, signed, errs := pokot(t, unsignedBadge(t, "", nil), "sign", "--key", keyPath)
	if code != 0 {
		t.Fatalf("sign: %d %s", code, errs)
	}
	if !strings.Contains(signed, `"id": "`+did+`"`) || !strings.Contains(signed, `"verificationMethod": "`+did+"#") {
		t.Errorf("issuer or verification method is not the key's did:key:\n%s", signed)
	}
	credPath := writeFile(t, dir, "badge.json", []byte(signed))
	code, out, errs = pokot(t, "", "verify", "--offline", "--now", "2027-01-01T00:00:00Z", credPath)
	if code != 0 || !strings.Contains(out, "VERIFIED") {
		t.Fatalf("verify: %d\n%s%s", code, out, errs)
	}
	code, out, _ = pokot(t, "", "verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z", credPath)
	rs := parseResults(t, out)
	if code != 0 || len(rs) != 1 || !rs[0].Verified || rs[0].Source != credPath || len(rs[0].Checks) < 8 {
		t.Errorf("verify --json: %d %+v", code, rs)
	}

	// Standard input, tampered.
	tampered := strings.Replace(signed, "Esimerkkiopisto", "Esimerkkiyliopisto", 1)
	code, out, _ = pokot(t, tampered, "verify", "--json", "--offline", "-")
	rs = parseResults(t, out)
	if code != 1 || rs[0].Verified || !failedCheck(rs[0], "proof") {
		t.Errorf("tampered: exit %d %+v", code, rs)
	}

	// Expired at --now.
	code, out, _ = pokot(t, "", "verify", "--json", "--offline", "--now", "2030-01-01T00:00:00Z", credPath)
	rs = parseResults(t, out)
	if code != 1 || !failedCheck(rs[0], "validity") || failedCheck(rs[0], "proof") {
		t.Errorf("expired: exit %d %+v", code, rs)
	}

	// VC-JWT.
	code, jwt, errs := pokot(t, unsignedBadge(t, "", nil), "sign", "--key", keyPath, "--format", "jwt")
	if code != 0 || strings.Count(strings.TrimSpace(jwt), ".") != 2 {
		t.Fatalf("sign --format jwt: %d %s %s", code, jwt, errs)
	}
	jwtPath := writeFile(t, dir, "badge.jwt", []byte(jwt))
	if code, out, _ := pokot(t, "", "verify", "--offline", "--now", "2027-01-01T00:00:00Z", jwtPath); code != 0 {
		t.Errorf("verify jwt: %d\n%s", code, out)
	}
}

func TestVerifyJSONLines(t *testing.T) {
	good := func(id string) string {
		_, out, _ := pokot(t, unsignedBadge(t, "", func(d map[string]any) { d["id"] = id }), "sign", "--key-seed", w3cSeed)
		var m any
		json.Unmarshal([]byte(out), &m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	bad := strings.Replace(good("urn:uuid:2"), "Esimerkkiopisto", "Toinen", 1)
	lines := good("urn:uuid:1") + "\n" + bad + "\n\n" + good("urn:uuid:3") + "\n"
	path := writeFile(t, t.TempDir(), "batch.jsonl", []byte(lines))
	code, out, _ := pokot(t, "", "verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z", path)
	rs := parseResults(t, out)
	if code != 1 || len(rs) != 3 {
		t.Fatalf("exit %d, %d results", code, len(rs))
	}
	for i, want := range []struct {
		source string
		ok     bool
	}{{path + ":1", true}, {path + ":2", false}, {path + ":4", true}} {
		if rs[i].Source != want.source || rs[i].Verified != want.ok {
			t.Errorf("line result %d: %s %v, want %s %v", i, rs[i].Source, rs[i].Verified, want.source, want.ok)
		}
	}
}

func testPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{0, 90, 160, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBakeAndVerify(t *testing.T) {
	dir := t.TempDir()
	pngPath := writeFile(t, dir, "badge.png", testPNG(t))
	svgPath := writeFile(t, dir, "badge.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4"/></svg>`))
	_, signed, _ := pokot(t, unsignedBadge(t, "", nil), "sign", "--key-seed", w3cSeed)
	_, jwt, _ := pokot(t, unsignedBadge(t, "", nil), "sign", "--key-seed", w3cSeed, "--format", "jwt")
	for _, c := range []struct{ flag, image, cred, name string }{
		{"--png", pngPath, signed, "baked.png"},
		{"--svg", svgPath, signed, "baked.svg"},
		{"--png", pngPath, jwt, "baked-jwt.png"},
		{"--svg", svgPath, jwt, "baked-jwt.svg"},
	} {
		code, baked, errs := pokot(t, c.cred, "bake", c.flag, c.image)
		if code != 0 {
			t.Fatalf("bake %s: %d %s", c.name, code, errs)
		}
		p := writeFile(t, dir, c.name, []byte(baked))
		if code, out, errs := pokot(t, "", "verify", "--offline", "--now", "2027-01-01T00:00:00Z", p); code != 0 {
			t.Errorf("verify %s: %d\n%s%s", c.name, code, out, errs)
		}
	}
	// The unbaked image carries no credential.
	code, out, _ := pokot(t, "", "verify", "--json", pngPath)
	if rs := parseResults(t, out); code != 1 || !failedCheck(rs[0], "parse") {
		t.Errorf("plain PNG: %d %s", code, out)
	}
}

// A did:web issuer and its status list, both served from files with
// --resolve, checked fully offline; then the credential is revoked.
func TestVerifyResolveDIDWebAndStatus(t *testing.T) {
	dir := t.TempDir()
	const did = "did:web:issuer.example.fi"
	const listURL = "https://issuer.example.fi/status/1"
	kp, _ := key.ParseSeedHex(strings.Repeat("5a", 32))
	vm := did + "#" + strings.TrimPrefix(kp.DID(), "did:key:")
	cd, err := key.NewControllerDocument(did, kp.Public)
	if err != nil {
		t.Fatal(err)
	}
	cdJSON, _ := cd.JSON()
	didPath := writeFile(t, dir, "did.json", cdJSON)

	statusList := func(revoked bool) string {
		l, _ := status.New(131072)
		l.Set(1234, revoked)
		lc, err := status.NewListCredential(listURL, did, status.PurposeRevocation, l, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(lc)
		code, signed, errs := pokot(t, string(b), "sign", "--key-seed", strings.Repeat("5a", 32), "--verification-method", vm)
		if code != 0 {
			t.Fatalf("sign status list: %s", errs)
		}
		return writeFile(t, dir, "status.json", []byte(signed))
	}
	cred := unsignedBadge(t, did, func(d map[string]any) {
		e, _ := status.NewEntry(listURL, status.PurposeRevocation, 1234)
		d["credentialStatus"] = e.Map()
	})
	code, signed, errs := pokot(t, cred, "sign", "--key-seed", strings.Repeat("5a", 32), "--verification-method", vm)
	if code != 0 {
		t.Fatalf("sign: %s", errs)
	}
	credPath := writeFile(t, dir, "badge.json", []byte(signed))

	args := func(list string) []string {
		return []string{"verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z",
			"--resolve", vm + "=" + didPath, "--resolve", listURL + "=" + list, credPath} // vm: a fragment is ignored
	}
	code, out, errs := pokot(t, "", args(statusList(false))...)
	if rs := parseResults(t, out); code != 0 || !rs[0].Verified {
		t.Fatalf("not revoked: %d %s %s", code, out, errs)
	}
	code, out, _ = pokot(t, "", args(statusList(true))...)
	if rs := parseResults(t, out); code != 1 || !failedCheck(rs[0], "status") || failedCheck(rs[0], "proof") {
		t.Errorf("revoked: %d %s", code, out)
	}
	// Without the DID document the key cannot be resolved offline.
	code, out, _ = pokot(t, "", "verify", "--json", "--offline", credPath)
	if rs := parseResults(t, out); code != 1 || !failedCheck(rs[0], "key") {
		t.Errorf("no DID document: %d %s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cred := writeFile(t, dir, "c.json", []byte("{}"))
	for _, args := range [][]string{
		{"verify"},
		{"verify", "--bogus", cred},
		{"verify", "--now", "tomorrow", cred},
		{"verify", "--resolve", "no-equals-sign", cred},
		{"verify", "--resolve", "https://x.example/a=" + filepath.Join(dir, "missing.json"), cred},
		{"verify", filepath.Join(dir, "missing.json")},
		{"sign"},
		{"sign", "--key-seed", w3cSeed, "--key", cred},
		{"sign", "--key-seed", "abc"},
		{"sign", "--key-seed", w3cSeed, "--format", "xml"},
		{"sign", "--key-seed", w3cSeed, "--created", "yesterday"},
		{"keygen", "extra"},
		{"bake"},
		{"bake", "--png", cred, "--svg", cred},
	} {
		if code, _, errs := pokot(t, "{}", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	// Bad input (not a usage error) fails with 1.
	if code, _, _ := pokot(t, "not json", "sign", "--key-seed", w3cSeed); code != 1 {
		t.Errorf("sign of non-JSON: exit %d", code)
	}
}
