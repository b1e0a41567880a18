package credential

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pokot/pokot/credential/dataintegrity"
	"github.com/pokot/pokot/credential/key"
)

// Verifier checks credentials. The zero value verifies offline: did:key
// only, no status lists, the current time. A Verifier is safe for
// concurrent use.
type Verifier struct {
	// Resolver resolves verification methods and fetches status lists;
	// nil means an offline resolver (did:key only).
	Resolver *key.Resolver
	// Now is the time the validity window is checked at; time.Now when nil.
	Now func() time.Time

	mu          sync.Mutex
	statusCache map[[32]byte]*statusListResult // by sha256 of URL and body
	didKeys     map[string]*key.VerificationMethod
}

var offlineResolver = &key.Resolver{Offline: true}

func (v *Verifier) resolver() *key.Resolver {
	if v.Resolver != nil {
		return v.Resolver
	}
	return offlineResolver
}

func (v *Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// VerifyInput finds every credential in an input (JSON, JSON Lines, JWT,
// baked PNG or SVG; see Items) and verifies each one.
func (v *Verifier) VerifyInput(ctx context.Context, name string, data []byte) []Result {
	items := Items(name, data)
	out := make([]Result, 0, len(items))
	for _, it := range items {
		if it.Err != nil {
			out = append(out, parseFailure(it.Source, it.Err))
			continue
		}
		out = append(out, v.Verify(ctx, it.Source, it.Data))
	}
	return out
}

func parseFailure(source string, err error) Result {
	return Result{Source: source, Checks: []Check{fail("parse", "verify.parse.bad", err.Error())}}
}

// Verify checks one credential given as JSON text or as a compact JWT and
// reports every check separately; Verified is true only if all passed.
func (v *Verifier) Verify(ctx context.Context, source string, data []byte) Result {
	if len(data) > MaxCredentialBytes {
		return parseFailure(source, fmt.Errorf("%w: %d bytes, the limit is %d", ErrInput, len(data), MaxCredentialBytes))
	}
	if len(data) > 0 && data[0] != '{' {
		return v.verifyJWT(ctx, source, data)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return parseFailure(source, fmt.Errorf("not a JSON object: %v", err))
	}
	if doc == nil {
		return parseFailure(source, errors.New("not a JSON object"))
	}
	return v.VerifyDocument(ctx, source, doc)
}

// VerifyDocument checks a decoded JSON-LD credential secured with a Data
// Integrity proof.
func (v *Verifier) VerifyDocument(ctx context.Context, source string, doc map[string]any) Result {
	r := Result{Source: source, Credential: doc, Format: FormatDI}
	r.add(pass("parse", "verify.parse.ok"))
	v.checkContent(&r, doc)
	proofCheck, keyCheck := v.checkDataIntegrity(ctx, doc)
	r.add(proofCheck)
	r.add(keyCheck)
	v.finish(ctx, &r, doc, window{})
	return r
}

// checkContent adds the structure and schema checks.
func (v *Verifier) checkContent(r *Result, doc map[string]any) {
	r.Checks = append(r.Checks, CheckStructure(doc, StructureOptions{})...)
	if !IsOpenBadge(doc) {
		r.add(pass("schema", "verify.schema.skipped"))
		return
	}
	r.Checks = append(r.Checks, CheckOB3(doc)...)
	if err := ValidateSchema(doc); err != nil {
		r.add(fail("schema", "verify.schema.bad", err.Error()))
	} else {
		r.add(pass("schema", "verify.schema.ok"))
	}
}

// window is a validity period beyond the credential's own validFrom/validUntil: a
// VC-JWT's nbf and exp claims. The zero value adds nothing.
type window struct{ from, until time.Time }

// finish adds the status and validity checks and sets Verified.
func (v *Verifier) finish(ctx context.Context, r *Result, doc map[string]any, extra window) {
	r.add(v.checkStatus(ctx, doc))
	r.add(v.checkValidity(doc, extra))
	r.Verified = true
	for _, c := range r.Checks {
		if !c.OK {
			r.Verified = false
			break
		}
	}
}

// checkDataIntegrity reads the proofs, resolves their verification methods,
// verifies the signatures and checks that the key belongs to the issuer. A
// proof set or chain is checked by checkProofSet.
func (v *Verifier) checkDataIntegrity(ctx context.Context, doc map[string]any) (proof, keyCheck Check) {
	ps, err := dataintegrity.ProofsOf(doc)
	switch {
	case errors.Is(err, dataintegrity.ErrNoProof):
		return fail("proof", "verify.proof.missing"), fail("key", "verify.key.skipped")
	case errors.Is(err, dataintegrity.ErrProofChain):
		return fail("proof", "verify.proof.chain", strings.TrimPrefix(err.Error(), dataintegrity.ErrProofChain.Error()+": ")),
			fail("key", "verify.key.skipped")
	case err != nil:
		return fail("proof", "verify.proof.invalid", err.Error()), fail("key", "verify.key.skipped")
	}
	if len(ps) > 1 {
		return v.checkProofSet(ctx, doc, ps)
	}
	p := ps[0]
	if p.Type != dataintegrity.ProofType {
		return fail("proof", "verify.proof.unsupported", p.Type), fail("key", "verify.key.skipped")
	}
	vm, err := v.resolve(ctx, p.VerificationMethod)
	if err != nil {
		return fail("proof", "verify.proof.invalid", "the signing key could not be resolved"),
			fail("key", "verify.key.unresolved", err.Error())
	}
	pub, ok := vm.PublicKey.(ed25519.PublicKey)
	if !ok {
		return fail("proof", "verify.proof.unsupported", fmt.Sprintf("%s needs an Ed25519 key", p.Cryptosuite)),
			fail("key", "verify.key.unresolved", "not an Ed25519 key")
	}
	return signatureCheck(dataintegrity.VerifyProof(doc, p, pub), p, 1), issuerKeyCheck(doc, vm, p.ProofPurpose)
}

// signatureCheck turns the outcome of verifying p, one of n proofs, into the proof
// check. In a set (n > 1) a failure says which proof failed: the details begin with
// where (e.g. "proof 2 of 3: "), and a bad signature, whose message has no details, has
// the proof's position and n as its arguments (see messagesWithArgs).
func signatureCheck(err error, p *dataintegrity.Proof, n int) Check {
	where := ""
	if n > 1 {
		where = p.Name(n) + ": "
	}
	switch {
	case err == nil:
		return pass("proof", "verify.proof.ok", p.Cryptosuite)
	case errors.Is(err, dataintegrity.ErrBadSignature):
		if n > 1 {
			return fail("proof", "verify.proof.bad_signature", strconv.Itoa(p.Index+1), strconv.Itoa(n))
		}
		return fail("proof", "verify.proof.bad_signature")
	case errors.Is(err, dataintegrity.ErrUnsupportedCryptosuite):
		return fail("proof", "verify.proof.unsupported", where+p.Cryptosuite)
	default:
		return fail("proof", "verify.proof.invalid", where+err.Error())
	}
}

// resolve resolves a verification method; did:key methods, which depend on
// nothing but their id, are remembered.
func (v *Verifier) resolve(ctx context.Context, id string) (*key.VerificationMethod, error) {
	if !strings.HasPrefix(id, "did:key:") {
		return v.resolver().Resolve(ctx, id)
	}
	v.mu.Lock()
	vm, ok := v.didKeys[id]
	v.mu.Unlock()
	if ok {
		return vm, nil
	}
	vm, err := v.resolver().Resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	if v.didKeys == nil || len(v.didKeys) >= maxCachedKeys {
		v.didKeys = map[string]*key.VerificationMethod{}
	}
	v.didKeys[id] = vm
	v.mu.Unlock()
	return vm, nil
}

// maxCachedKeys bounds the did:key methods a Verifier remembers.
const maxCachedKeys = 1024

// issuerKeyCheck checks that a resolved key may sign for the issuer: the
// method's controller is the issuer (for a did:key issuer, the key is that
// DID's own) and the controller lists it for assertions.
func issuerKeyCheck(doc map[string]any, vm *key.VerificationMethod, purpose string) Check {
	issuer := IssuerID(doc)
	if issuer == "" {
		return fail("key", "verify.key.not_issuer", "the credential names no issuer")
	}
	if vm.Controller != issuer {
		return fail("key", "verify.key.not_issuer", fmt.Sprintf("%s is controlled by %s, the issuer is %s", vm.ID, vm.Controller, issuer))
	}
	if purpose != "" && purpose != dataintegrity.AssertionMethod {
		return fail("key", "verify.key.not_issuer", fmt.Sprintf("proof purpose %q, expected assertionMethod", purpose))
	}
	if !vm.AssertionMethod {
		return fail("key", "verify.key.not_issuer", fmt.Sprintf("%s does not list %s as an assertion method", issuer, vm.ID))
	}
	return pass("key", "verify.key.ok", vm.ID)
}

// checkValidity compares validFrom and validUntil, narrowed by extra, with Now.
func (v *Verifier) checkValidity(doc map[string]any, extra window) Check {
	now := v.now()
	var from, until time.Time
	for _, f := range []struct {
		name string
		dst  *time.Time
	}{{"validFrom", &from}, {"validUntil", &until}} {
		s, ok := doc[f.name].(string)
		if !ok {
			continue
		}
		t, err := ParseDateTime(s)
		if err != nil {
			return fail("validity", "verify.validity.bad", err.Error())
		}
		*f.dst = t
	}
	if extra.from.After(from) {
		from = extra.from
	}
	if !extra.until.IsZero() && (until.IsZero() || extra.until.Before(until)) {
		until = extra.until
	}
	if !from.IsZero() && now.Before(from) {
		return fail("validity", "verify.validity.not_yet", formatTime(from))
	}
	if !until.IsZero() && now.After(until) {
		return fail("validity", "verify.validity.expired", formatTime(until))
	}
	return pass("validity", "verify.validity.ok", formatTime(now))
}

// oneLine shortens an error message for a check.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
