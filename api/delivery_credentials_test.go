package api_test

import (
	"strings"
	"testing"
)

type credentialOut struct {
	ID      string `json:"id"`
	Learner struct {
		Email string `json:"email"`
		Name  string `json:"name"`
	} `json:"learner"`
	State        string  `json:"state"`
	Issued       *string `json:"issued"`
	Grade        string  `json:"grade"`
	StatusReason string  `json:"statusReason"`
}

// verifyOverAPI verifies a signed credential with POST /api/v1/verify of the same server:
// the public verifier, which reads this site's DID documents and status lists as published.
func (f *deliveryFixture) verifyOverAPI(t *testing.T, signed []byte) (verified bool, status string) {
	t.Helper()
	resp, body := f.do(t, "POST", "/api/v1/verify?lang=en", "", "application/json", string(signed))
	var out struct {
		Verified bool `json:"verified"`
		Checks   []struct {
			Name    string `json:"name"`
			OK      bool   `json:"ok"`
			Message string `json:"message"`
		} `json:"checks"`
	}
	decodeJSON(t, 200, resp.StatusCode, body, &out)
	for _, c := range out.Checks {
		if c.Name == "status" {
			status = c.Message
			if !c.OK {
				status = "FAILED: " + status
			}
		} else if !c.OK {
			t.Fatalf("check %s fails: %s", c.Name, body)
		}
	}
	return out.Verified, status
}

func TestDeliveryCredentials(t *testing.T) {
	f := deliverySetup(t)
	var pg pageOut[credentialOut]
	resp, body := f.do(t, "GET", f.path("hamk", "/credentials"), "hamkdesigner-read", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 2 {
		t.Fatalf("%s", body)
	}
	for i, c := range pg.Items {
		if c.ID != f.creds["hamk"][i].CredentialID || !strings.HasPrefix(c.ID, "urn:uuid:") || c.Learner.Email != f.learners[i] ||
			c.State != "valid" || c.Issued == nil || c.Grade != "hyväksytty" {
			t.Fatalf("credential %d: %+v", i, c)
		}
	}
	wantDeliveryProblem(t, f, "GET", f.path("hamk", "/credentials?state=lost"), "hamkadmin", "", "", 400, "err.bad_query")
}

func TestDeliveryCredentialStatus(t *testing.T) {
	f := deliverySetup(t)
	ctx := t.Context()
	first, second := f.creds["hamk"][0], f.creds["hamk"][1]
	status := func(c string) string { return f.path("hamk", "/credentials/"+c+"/status") }
	if ok, st := f.verifyOverAPI(t, first.Signed); !ok {
		t.Fatalf("a fresh credential does not verify: %s", st)
	}

	// Suspend by the offering's assessor (the bare uuid works too), then lift.
	bare := strings.TrimPrefix(first.CredentialID, "urn:uuid:")
	var c credentialOut
	resp, body := f.do(t, "POST", status(bare), "hamkassessor-write", "application/json", `{"action":"suspend","reason":"Tarkistetaan näyttö"}`)
	decodeJSON(t, 200, resp.StatusCode, body, &c)
	if c.State != "suspended" || c.StatusReason != "Tarkistetaan näyttö" || c.ID != first.CredentialID {
		t.Fatalf("suspended: %s", body)
	}
	if ok, st := f.verifyOverAPI(t, first.Signed); ok || !strings.Contains(st, "FAILED") || !strings.Contains(strings.ToLower(st), "suspend") {
		t.Fatalf("the verifier does not see the suspension at once: %v %q", ok, st)
	}
	p := wantDeliveryProblem(t, f, "POST", status(bare), "hamkassessor", "application/json", `{"action":"suspend","reason":"Uudelleen"}`, 409, "err.status_already_suspended")
	msgs, _ := p["messages"].(map[string]any)
	if msgs["fi"] != "Todistus on jo keskeytetty." || msgs["sv"] == nil || msgs["en"] == nil || msgs["sv"] == msgs["en"] {
		t.Fatalf("messages: %v", p)
	}
	resp, body = f.do(t, "POST", status(first.CredentialID), "hamkadmin", "application/json", `{"action":"lift","reason":"Näyttö kunnossa"}`)
	decodeJSON(t, 200, resp.StatusCode, body, &c)
	if c.State != "valid" {
		t.Fatalf("lifted: %s", body)
	}
	if ok, st := f.verifyOverAPI(t, first.Signed); !ok {
		t.Fatalf("a lifted credential does not verify: %s", st)
	}
	wantDeliveryProblem(t, f, "POST", status(bare), "hamkadmin", "application/json", `{"action":"lift","reason":"Taas"}`, 409, "err.status_not_suspended")

	// Revoke: the verifier sees it right after the call; the other credential still verifies.
	resp, body = f.do(t, "POST", status(first.CredentialID), "hamkadmin", "application/json", `{"action":"revoke","reason":"Virheellinen arviointi"}`)
	decodeJSON(t, 200, resp.StatusCode, body, &c)
	if c.State != "revoked" {
		t.Fatalf("revoked: %s", body)
	}
	if ok, st := f.verifyOverAPI(t, first.Signed); ok || !strings.Contains(strings.ToLower(st), "revoked") {
		t.Fatalf("the verifier does not see the revocation at once: %v %q", ok, st)
	}
	if ok, st := f.verifyOverAPI(t, second.Signed); !ok {
		t.Fatalf("another credential fails after a revocation: %s", st)
	}
	// The refusals of the service, each with its own key; nothing changes.
	wantDeliveryProblem(t, f, "POST", status(bare), "hamkadmin", "application/json", `{"action":"revoke","reason":"Toistamiseen"}`, 409, "err.status_already_revoked")
	wantDeliveryProblem(t, f, "POST", status(bare), "hamkadmin", "application/json", `{"action":"suspend","reason":"Keskeytys"}`, 409, "err.status_revoked_final")
	wantDeliveryProblem(t, f, "POST", status(bare), "hamkadmin", "application/json", `{"action":"lift","reason":"Palautus"}`, 409, "err.status_revoked_final")
	stored, err := f.db.IssuedCredential(ctx, f.orgs["hamk"].ID, first.CredentialID)
	must(t, err)
	if stored.RevokedAt == nil || stored.StatusReason != "Virheellinen arviointi" {
		t.Fatalf("a refused change changed the record: %+v", stored)
	}

	// Bad input on the second credential: nothing changes.
	p = wantDeliveryProblem(t, f, "POST", status(second.CredentialID), "hamkadmin", "application/json", `{"action":"delete","reason":"x"}`, 422, "err.issue.action_required")
	if errs, _ := p["errors"].(map[string]any); errs["action"] == nil {
		t.Fatalf("unknown action: %v", p)
	}
	p = wantDeliveryProblem(t, f, "POST", status(second.CredentialID), "hamkadmin", "application/json", `{"action":"revoke","reason":"  "}`, 422, "err.issue.reason_required")
	if errs, _ := p["errors"].(map[string]any); errs["reason"] == nil {
		t.Fatalf("no reason: %v", p)
	}
	wantDeliveryProblem(t, f, "POST", status(second.CredentialID), "hamkadmin", "application/json", `{"action":"revoke","reason":"x","extra":1}`, 400, "err.json_field")
	wantDeliveryProblem(t, f, "POST", status(second.CredentialID), "hamkadmin", "text/plain", `revoke`, 415, "")
	wantDeliveryProblem(t, f, "POST", status("urn:uuid:00000000-0000-4000-8000-000000000000"), "hamkadmin", "application/json", `{"action":"revoke","reason":"x"}`, 404, "err.credential.not_found")
	if ok, st := f.verifyOverAPI(t, second.Signed); !ok {
		t.Fatalf("a refused request changed the second credential: %s", st)
	}

	// The list shows the states.
	var pg pageOut[credentialOut]
	resp, body = f.do(t, "GET", f.path("hamk", "/credentials?state=revoked"), "hamkassessor", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 1 || pg.Items[0].ID != first.CredentialID {
		t.Fatalf("revoked ones: %s", body)
	}
}
