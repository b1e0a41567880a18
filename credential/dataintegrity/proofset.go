package dataintegrity

import (
	"fmt"
	"strconv"
)

// MaxProofs is the most proofs ProofsOf reads from one document. Every
// proof costs a canonicalization of the whole document, so an untrusted
// document may not ask for more work than this.
const MaxProofs = 16

// ProofsOf reads every proof of doc without verifying any of them: a single
// proof object, or the proofs of a proof set or proof chain (W3C VC Data
// Integrity 1.0, §2.1.1 and §2.1.2) in document order. It also checks that
// the proofs fit together: ids are unique, every previousProof names a proof
// of the document, and previousProof references form no cycle (ErrProofChain
// otherwise). Errors name the proof by its position ("proof 2 of 3").
func ProofsOf(doc map[string]any) ([]*Proof, error) {
	raw, ok := doc["proof"]
	if !ok || raw == nil {
		return nil, ErrNoProof
	}
	list, isList := raw.([]any)
	if !isList {
		p, err := parseProof(raw, 0)
		if err != nil {
			return nil, err
		}
		ps := []*Proof{p}
		return ps, checkChain(ps)
	}
	if len(list) == 0 {
		return nil, ErrNoProof
	}
	if len(list) > MaxProofs {
		return nil, fmt.Errorf("%w: %d proofs, at most %d are verified", ErrMalformedProof, len(list), MaxProofs)
	}
	ps := make([]*Proof, len(list))
	for i, r := range list {
		p, err := parseProof(r, i)
		if err != nil {
			if len(list) == 1 {
				return nil, err
			}
			return nil, fmt.Errorf("proof %d of %d: %w", i+1, len(list), err)
		}
		ps[i] = p
	}
	return ps, checkChain(ps)
}

// Name describes the proof for messages: its position in a set of n, and
// its id when it has one.
func (p *Proof) Name(n int) string {
	s := "the proof"
	if n > 1 {
		s = "proof " + strconv.Itoa(p.Index+1) + " of " + strconv.Itoa(n)
	}
	if p.ID != "" {
		s += " (" + p.ID + ")"
	}
	return s
}

// checkChain checks that ids are unique, that every previousProof names a
// proof of ps and that the references form no cycle.
func checkChain(ps []*Proof) error {
	byID := make(map[string]*Proof, len(ps))
	for _, p := range ps {
		if p.ID == "" {
			continue
		}
		if q, dup := byID[p.ID]; dup {
			return fmt.Errorf("%w: %s and %s have the same id", ErrProofChain, q.Name(len(ps)), p.Name(len(ps)))
		}
		byID[p.ID] = p
	}
	for _, p := range ps {
		for _, id := range p.PreviousProof {
			if _, ok := byID[id]; !ok {
				return fmt.Errorf("%w: %s names previousProof %s, which is not among the proofs of the document", ErrProofChain, p.Name(len(ps)), id)
			}
		}
	}
	// Depth-first search for a cycle: 1 = on the current path, 2 = done.
	state := make(map[*Proof]int, len(ps))
	var visit func(p *Proof) *Proof
	visit = func(p *Proof) *Proof {
		state[p] = 1
		for _, id := range p.PreviousProof {
			q := byID[id]
			switch state[q] {
			case 1:
				return q
			case 0:
				if c := visit(q); c != nil {
					return c
				}
			}
		}
		state[p] = 2
		return nil
	}
	for _, p := range ps {
		if state[p] == 0 {
			if c := visit(p); c != nil {
				return fmt.Errorf("%w: the previousProof references through %s form a cycle", ErrProofChain, c.Name(len(ps)))
			}
		}
	}
	return nil
}

// inputDocument is what proof p of doc signs: doc without its proofs and,
// for a chained proof, with "proof" set to the list of proofs its
// previousProof names, in document order (VC Data Integrity 1.0, §4.5 step
// 3, and §4.2 "Add Proof Set/Chain" step 6).
func inputDocument(doc map[string]any, p *Proof) (map[string]any, error) {
	unsecured := withoutKey(doc, "proof")
	if len(p.PreviousProof) == 0 {
		return unsecured, nil
	}
	list, _ := doc["proof"].([]any)
	matching, err := matchingProofs(list, p.PreviousProof)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Name(len(list)), err)
	}
	unsecured["proof"] = matching
	return unsecured, nil
}

// matchingProofs returns the proofs of all whose id is one of ids, in the
// order of all; every id must match exactly one proof.
func matchingProofs(all []any, ids []string) ([]any, error) {
	want := make(map[string]int, len(ids))
	for _, id := range ids {
		want[id] = 0
	}
	var out []any
	for _, r := range all {
		m, _ := r.(map[string]any)
		id, _ := m["id"].(string)
		if n, ok := want[id]; ok {
			if n > 0 {
				return nil, fmt.Errorf("%w: two proofs have the id %s", ErrProofChain, id)
			}
			want[id] = 1
			out = append(out, r)
		}
	}
	for _, id := range ids {
		if want[id] == 0 {
			return nil, fmt.Errorf("%w: previousProof %s is not among the proofs of the document", ErrProofChain, id)
		}
	}
	return out, nil
}
