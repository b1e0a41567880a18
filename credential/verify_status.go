package credential

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pokot/pokot/credential/status"
	"github.com/pokot/pokot/credential/vcjwt"
)

// maxCachedLists bounds the verified status lists a Verifier keeps.
const maxCachedLists = 256

// statusListResult is a fetched status list credential, verified once and
// cached by its content hash (many credentials share one list).
type statusListResult struct {
	list        *status.ListCredential
	issuer      string
	from, until time.Time
	err         string // why the list credential itself is not trustworthy
}

// checkStatus checks every BitstringStatusListEntry of doc: the status list
// credential is fetched through the Resolver, its own proof, issuer and
// validity are verified, and the entry's value must not mean revoked or suspended
// (statusVerdict).
func (v *Verifier) checkStatus(ctx context.Context, doc map[string]any) Check {
	entries := asList(doc["credentialStatus"])
	if len(entries) == 0 {
		return pass("status", "verify.status.none")
	}
	issuer := IssuerID(doc)
	for _, raw := range entries {
		e, err := status.ParseEntry(raw)
		if err != nil {
			return fail("status", "verify.status.unavailable", err.Error())
		}
		lr, err := v.statusList(ctx, e.StatusListCredential)
		if err != nil {
			return fail("status", "verify.status.unavailable", oneLine(err.Error()))
		}
		if lr.err != "" {
			return fail("status", "verify.status.unavailable", "status list "+e.StatusListCredential+": "+lr.err)
		}
		if lr.issuer != issuer {
			return fail("status", "verify.status.unavailable", fmt.Sprintf("status list %s is issued by %s, not by %s", e.StatusListCredential, lr.issuer, issuer))
		}
		now := v.now()
		if !lr.from.IsZero() && now.Before(lr.from) || !lr.until.IsZero() && now.After(lr.until) {
			return fail("status", "verify.status.unavailable", "status list "+e.StatusListCredential+" is not valid now")
		}
		value, msg, err := lr.list.Status(e)
		if err != nil {
			return fail("status", "verify.status.unavailable", err.Error())
		}
		if c, bad := statusVerdict(e, value, msg); bad {
			return c
		}
	}
	return pass("status", "verify.status.ok")
}

// statusVerdict interprets the value of one entry: a set bit of a revocation or
// suspension entry fails, as does a message entry whose value the credential's own
// statusMessage calls revoked or suspended, or any other non-zero value it explains with
// a word that is not "valid" (shown as given: a verifier cannot vouch for a status it does
// not understand).
func statusVerdict(e status.Entry, value int, msg string) (Check, bool) {
	switch {
	case e.StatusPurpose == status.PurposeRevocation && value != 0:
		return fail("status", "verify.status.revoked"), true
	case e.StatusPurpose == status.PurposeSuspension && value != 0:
		return fail("status", "verify.status.suspended"), true
	case e.StatusPurpose != status.PurposeMessage:
		return Check{}, false
	case msg == status.MessageRevoked:
		return fail("status", "verify.status.revoked"), true
	case msg == status.MessageSuspended:
		return fail("status", "verify.status.suspended"), true
	case value == 0 || msg == status.MessageValid:
		return Check{}, false
	case msg == "":
		return fail("status", "verify.status.message", fmt.Sprintf("0x%x", value)), true
	}
	if r := []rune(msg); len(r) > 200 {
		msg = string(r[:200]) + "…"
	}
	return fail("status", "verify.status.message", msg), true
}

func (v *Verifier) statusList(ctx context.Context, url string) (*statusListResult, error) {
	body, err := v.resolver().Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	if len(body) > MaxCredentialBytes {
		return nil, fmt.Errorf("status list %s is larger than %d bytes", url, MaxCredentialBytes)
	}
	sum := sha256.Sum256(append([]byte(url+"\x00"), body...))
	v.mu.Lock()
	c, ok := v.statusCache[sum]
	v.mu.Unlock()
	if ok {
		return c, nil
	}
	lr := &statusListResult{}
	doc, proofs, err := v.readStatusList(ctx, url, body, lr)
	if err != nil {
		return nil, err
	}
	lr.issuer = IssuerID(doc)
	if ok, why := StructureOK(CheckStructure(doc, StructureOptions{})); !ok {
		lr.err = why
	}
	if id, _ := doc["id"].(string); lr.err == "" && id != url {
		lr.err = fmt.Sprintf("its id is %q", id)
	}
	if lr.err == "" {
		proof, keyCheck := proofs()
		for _, c := range []Check{proof, keyCheck} {
			if !c.OK && lr.err == "" {
				lr.err = c.Message
			}
		}
	}
	if s, ok := doc["validFrom"].(string); ok {
		if t, err := ParseDateTime(s); err == nil && t.After(lr.from) {
			lr.from = t
		}
	}
	if s, ok := doc["validUntil"].(string); ok {
		if t, err := ParseDateTime(s); err == nil && (lr.until.IsZero() || t.Before(lr.until)) {
			lr.until = t
		}
	}
	if lr.err == "" {
		if lr.list, err = status.ParseListCredential(doc); err != nil {
			lr.err = err.Error()
		}
	}
	v.mu.Lock()
	if v.statusCache == nil || len(v.statusCache) >= maxCachedLists {
		v.statusCache = map[[32]byte]*statusListResult{}
	}
	v.statusCache[sum] = lr
	v.mu.Unlock()
	return lr, nil
}

// readStatusList decodes a status list credential as JSON secured with Data Integrity, or as
// a VC-JWT (as some issuers publish theirs, with media type application/vc+jwt), whose nbf
// and exp then bound lr's validity. proofs checks the signature and the signing key.
func (v *Verifier) readStatusList(ctx context.Context, url string, body []byte, lr *statusListResult) (doc map[string]any, proofs func() (Check, Check), err error) {
	if b := bytes.TrimSpace(body); len(b) > 0 && b[0] != '{' {
		t, err := vcjwt.Parse(string(b))
		if err != nil {
			return nil, nil, fmt.Errorf("status list %s is neither a JSON credential nor a VC-JWT: %v", url, oneLine(err.Error()))
		}
		lr.from, _ = t.NotBefore()
		lr.until, _ = t.Expires()
		return t.Credential, func() (Check, Check) { return v.checkJWTProof(ctx, t, t.Credential) }, nil
	}
	if err := json.Unmarshal(body, &doc); err != nil || doc == nil {
		return nil, nil, fmt.Errorf("status list %s is not a JSON credential", url)
	}
	return doc, func() (Check, Check) { return v.checkDataIntegrity(ctx, doc) }, nil
}
