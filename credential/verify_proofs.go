package credential

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pokot/pokot/credential/dataintegrity"
	"github.com/pokot/pokot/credential/key"
)

// checkProofSet checks a credential with several Data Integrity proofs: a
// proof set, or a proof chain whose proofs also sign the proofs their
// previousProof names (W3C VC Data Integrity 1.0, §2.1.1, §2.1.2 and §4.5).
// ProofsOf has already refused unknown previousProof ids, shared ids and
// cycles.
//
// The proof check passes only when every proof verifies. The key check
// passes when at least one proof was made with a key of the issuer (as
// issuerKeyCheck asks of a single proof) and every other proof — a
// co-signer's, such as an endorser's — was made for assertionMethod with a
// key its own controller authorises for assertions. Who a co-signer is
// is reported, not judged.
func (v *Verifier) checkProofSet(ctx context.Context, doc map[string]any, ps []*dataintegrity.Proof) (proof, keyCheck Check) {
	n := len(ps)
	vms := make([]*key.VerificationMethod, n)
	var failed *Check
	for i, p := range ps {
		where := p.Name(n) + ": "
		if p.Type != dataintegrity.ProofType {
			return fail("proof", "verify.proof.unsupported", where+p.Type), fail("key", "verify.key.skipped")
		}
		vm, err := v.resolve(ctx, p.VerificationMethod)
		if err != nil {
			return fail("proof", "verify.proof.invalid", where+"the signing key could not be resolved"),
				fail("key", "verify.key.unresolved", where+err.Error())
		}
		pub, ok := vm.PublicKey.(ed25519.PublicKey)
		if !ok {
			return fail("proof", "verify.proof.unsupported", fmt.Sprintf("%s%s needs an Ed25519 key", where, p.Cryptosuite)),
				fail("key", "verify.key.unresolved", where+"not an Ed25519 key")
		}
		vms[i] = vm
		if failed != nil {
			continue // one failure decides the proof check; spare the canonicalizations
		}
		if c := signatureCheck(dataintegrity.VerifyProof(doc, p, pub), p, n); !c.OK {
			failed = &c
		}
	}
	if failed != nil {
		proof = *failed
	} else {
		var suites []string
		chained := 0
		for _, p := range ps {
			if !slices.Contains(suites, p.Cryptosuite) {
				suites = append(suites, p.Cryptosuite)
			}
			if len(p.PreviousProof) > 0 {
				chained++
			}
		}
		if chained > 0 {
			proof = pass("proof", "verify.proofs.ok_chain", strconv.Itoa(n), strings.Join(suites, ", "), strconv.Itoa(chained))
		} else {
			proof = pass("proof", "verify.proofs.ok", strconv.Itoa(n), strings.Join(suites, ", "))
		}
	}
	return proof, proofSetKeyCheck(doc, ps, vms)
}

// proofSetKeyCheck is the key check of a proof set: at least one proof by
// the issuer, every other one by a key authorised for assertions.
func proofSetKeyCheck(doc map[string]any, ps []*dataintegrity.Proof, vms []*key.VerificationMethod) Check {
	issuer := IssuerID(doc)
	if issuer == "" {
		return fail("key", "verify.key.not_issuer", "the credential names no issuer")
	}
	n := len(ps)
	var issuerKeys, others []string
	for i, p := range ps {
		vm := vms[i]
		if issuerKeyCheck(doc, vm, p.ProofPurpose).OK {
			issuerKeys = appendNew(issuerKeys, vm.ID)
			continue
		}
		var why string
		switch {
		case p.ProofPurpose != dataintegrity.AssertionMethod:
			why = fmt.Sprintf("proof purpose %q, expected assertionMethod", p.ProofPurpose)
		case !vm.AssertionMethod:
			why = fmt.Sprintf("%s does not list %s as an assertion method", vm.Controller, vm.ID)
		}
		if why != "" {
			return fail("key", "verify.keys.unauthorised", strconv.Itoa(i+1), strconv.Itoa(n), why)
		}
		others = appendNew(others, vm.Controller)
	}
	switch {
	case len(issuerKeys) == 0:
		return fail("key", "verify.keys.not_issuer", strconv.Itoa(n), issuer, strings.Join(others, ", "))
	case len(others) == 0:
		return pass("key", "verify.keys.ok", strconv.Itoa(n), strings.Join(issuerKeys, ", "))
	}
	return pass("key", "verify.keys.ok_cosigned", strings.Join(issuerKeys, ", "), strings.Join(others, ", "))
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
