package web_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/vcjwt"
)

// TestWalletArchiveHoldsJWTs: the "export everything" archive holds, beside each
// credential issued here (a POK credential and a pathway credential), its VC-JWT form,
// which verifies against the organisation's published documents and is that credential;
// a credential the learner added as a JWT is there once, as it was added.
func TestWalletArchiveHoldsJWTs(t *testing.T) {
	t.Parallel()
	const email = "anna@example.fi"
	w := newWalletWorld(t, email)
	c := w.credentialOf(email)
	d := w.signedIn(w.designer)
	d.get("/orgs/hamk/pathways/new")
	wantStatus(t, d.post("/orgs/hamk/pathways/new", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusSeeOther)
	pcs, err := w.db.PathwayCredentialsOfEmail(ctx, email)
	if err != nil || len(pcs) != 1 {
		t.Fatalf("pathway credentials %v %v", pcs, err)
	}
	b := w.browser()
	w.linkSignin(b, email)
	b.get("/wallet/add")
	added, _ := otherPlatformJWT(t)
	wantStatus(t, b.uploadTo("/wallet/add", "", nil, map[string]string{"credential": added}), http.StatusSeeOther)

	r := b.get("/wallet/export.zip")
	wantStatus(t, r, http.StatusOK)
	zr, err := zip.NewReader(strings.NewReader(r.body), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	jwts := map[string]string{} // credential id → JWT
	var addedSeen int
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".jwt") {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Equal(data, []byte(added)) {
			addedSeen++
			continue
		}
		tok, err := vcjwt.Parse(string(data))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		id, _ := tok.Credential["id"].(string)
		if _, dup := jwts[id]; dup {
			t.Errorf("%s: a second JWT of %s", f.Name, id)
		}
		jwts[id] = string(data)
		if want := "credential-" + strings.SplitN(strings.TrimPrefix(id, "urn:uuid:"), "-", 2)[0] + ".jwt"; f.Name != want {
			t.Errorf("JWT of %s is named %s, want %s", id, f.Name, want)
		}
		if res := w.verifyOffline(t, data); !res.Verified || res.Format != "jwt" {
			t.Errorf("%s does not verify (format %q): %+v", f.Name, res.Format, res.Failed())
		}
	}
	if addedSeen != 1 {
		t.Errorf("the added JWT credential is in the archive %d times, want once", addedSeen)
	}
	for _, id := range []string{c.CredentialID, pcs[0].CredentialID} {
		if jwts[id] == "" {
			t.Errorf("no JWT of %s in the archive (JWTs of %v)", id, jwtIDs(jwts))
		}
	}
	if len(jwts) != 2 {
		t.Errorf("%d JWTs of credentials issued here, want 2", len(jwts))
	}
	// The archive's JWT is the download's.
	if got := b.get("/wallet/" + strings.TrimPrefix(c.CredentialID, "urn:uuid:") + "/credential.jwt").body; got != jwts[c.CredentialID] {
		t.Error("the archive's JWT differs from the download")
	}
}

func jwtIDs(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
