package rdfc

import (
	"crypto"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"slices"
	"strings"
)

// ErrTooComplex is returned when canonicalizing a dataset would need more
// work than Options.MaxWork allows (for example the "poison" clique graphs
// built to make RDFC-1.0 run for an exponential time).
var ErrTooComplex = errors.New("rdfc: dataset too complex to canonicalize within the work limit")

// ErrUnsupportedHash is returned for a hash algorithm other than SHA-256 or SHA-384.
var ErrUnsupportedHash = errors.New("rdfc: unsupported hash algorithm")

// DefaultMaxWork is the default bound on the work spent on blank nodes that
// first-degree hashes cannot tell apart: one unit per Hash N-Degree Quads
// call, per quad it hashes, per permutation and per identifier copied.
// Ordinary credentials need none; the most complex test of the RDFC-1.0
// suite (test044) needs 22,668.
const DefaultMaxWork = 100_000

// maxPermute bounds the size of one set of related blank nodes that is
// permuted; 9! permutations already exceed any sensible work limit.
const maxPermute = 9

// Options configure Canonicalize. The zero value uses SHA-256 and DefaultMaxWork.
type Options struct {
	// Hash is crypto.SHA256 (the default when zero) or crypto.SHA384.
	Hash crypto.Hash
	// MaxWork bounds the work spent on blank nodes that first-degree hashes
	// cannot tell apart; 0 means DefaultMaxWork, negative means no bound.
	MaxWork int
}

// Result is a canonicalized dataset.
type Result struct {
	// Quads holds the relabelled quads, duplicates removed, sorted in code
	// point order of their canonical N-Quads lines.
	Quads []Quad
	// Lines holds the canonical N-Quads lines of Quads, each with its "\n".
	Lines []string
	// Labels maps each input blank node label to its canonical label.
	Labels map[string]string
}

// NQuads returns the canonical N-Quads document.
func (r *Result) NQuads() string { return strings.Join(r.Lines, "") }

// CanonicalNQuads canonicalizes quads with the default options and returns
// the canonical N-Quads document.
func CanonicalNQuads(quads []Quad) (string, error) {
	return CanonicalString(quads, Options{})
}

// CanonicalString canonicalizes quads and returns only the canonical N-Quads
// document, which costs less than building a full Result.
func CanonicalString(quads []Quad, opts Options) (string, error) {
	st, err := run(quads, opts)
	if err != nil {
		return "", err
	}
	return st.nquads(), nil
}

type canonState struct {
	quads     []Quad
	bnodes    map[string][]int // blank node -> indexes of the quads it occurs in
	order     []string         // blank nodes in order of first occurrence
	canon     *issuer
	firstHash map[string]string
	newHash   func() hash.Hash
	buf       []byte
	work      int
	maxWork   int
}

// Canonicalize runs RDFC-1.0 on quads, which is treated as a set.
func Canonicalize(quads []Quad, opts Options) (*Result, error) {
	st, err := run(quads, opts)
	if err != nil {
		return nil, err
	}
	return st.result(), nil
}

// run labels the blank nodes of quads.
func run(quads []Quad, opts Options) (*canonState, error) {
	st := &canonState{canon: newIssuer("c14n"), maxWork: opts.MaxWork}
	switch opts.Hash {
	case 0, crypto.SHA256:
		st.newHash = sha256.New
	case crypto.SHA384:
		st.newHash = sha512.New384
	default:
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedHash, opts.Hash)
	}
	if st.maxWork == 0 {
		st.maxWork = DefaultMaxWork
	}
	st.quads = dedupe(quads)
	st.bnodes = make(map[string][]int)
	for i, q := range st.quads {
		for _, t := range [...]*Term{&q.Subject, &q.Object, &q.Graph} {
			if t.Kind == KindBlankNode {
				l := st.bnodes[t.Value]
				if len(l) == 0 {
					st.order = append(st.order, t.Value)
				}
				if len(l) == 0 || l[len(l)-1] != i {
					st.bnodes[t.Value] = append(l, i)
				}
			}
		}
	}
	if err := st.label(); err != nil {
		return nil, err
	}
	return st, nil
}

// dedupe returns a copy of quads without repetitions. Small datasets are
// compared pairwise; larger ones through a map of 64-bit hashes, which
// allocates far less than a map keyed by the quads themselves.
func dedupe(quads []Quad) []Quad {
	out := make([]Quad, 0, len(quads))
	if len(quads) <= 64 {
	next:
		for _, q := range quads {
			for i := range out {
				if out[i] == q {
					continue next
				}
			}
			out = append(out, q)
		}
		return out
	}
	seed := maphash.MakeSeed()
	seen := make(map[uint64]int32, len(quads)) // hash -> index in out of the first quad with it
	var more map[uint64][]int32                // further quads whose hash collides
	for _, q := range quads {
		h := quadHash(seed, &q)
		if i, ok := seen[h]; ok {
			if out[i] == q || slices.ContainsFunc(more[h], func(j int32) bool { return out[j] == q }) {
				continue
			}
			if more == nil {
				more = make(map[uint64][]int32)
			}
			more[h] = append(more[h], int32(len(out)))
		} else {
			seen[h] = int32(len(out))
		}
		out = append(out, q)
	}
	return out
}

func quadHash(seed maphash.Seed, q *Quad) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, t := range [...]*Term{&q.Subject, &q.Predicate, &q.Object, &q.Graph} {
		h.WriteByte(byte(t.Kind))
		h.WriteString(t.Value)
		h.WriteByte(0)
		h.WriteString(t.Datatype)
		h.WriteByte(0)
		h.WriteString(t.Language)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// label issues canonical identifiers (RDFC-1.0 section 4.4.3, steps 3–5).
func (st *canonState) label() error {
	st.firstHash = make(map[string]string, len(st.bnodes))
	hashToNodes := make(map[string][]string, len(st.bnodes))
	// Input order makes the labels of automorphic blank nodes deterministic.
	for _, n := range st.order {
		h := st.hashFirstDegree(n)
		hashToNodes[h] = append(hashToNodes[h], n)
	}
	hashes := make([]string, 0, len(hashToNodes))
	for h := range hashToNodes {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	var shared []string
	for _, h := range hashes {
		if ns := hashToNodes[h]; len(ns) == 1 {
			st.canon.issue(ns[0])
		} else {
			shared = append(shared, h)
		}
	}
	for _, h := range shared {
		type pathResult struct {
			hash   string
			issuer *issuer
		}
		var list []pathResult
		for _, n := range hashToNodes[h] {
			if st.canon.has(n) {
				continue
			}
			tmp := newIssuer("b")
			tmp.issue(n)
			hh, iss, err := st.hashNDegree(n, tmp, 0)
			if err != nil {
				return err
			}
			list = append(list, pathResult{hh, iss})
		}
		slices.SortStableFunc(list, func(a, b pathResult) int { return strings.Compare(a.hash, b.hash) })
		for _, r := range list {
			for _, n := range r.issuer.order {
				st.canon.issue(n)
			}
		}
	}
	return nil
}

type line struct {
	s string
	i int
}

// sortedLines relabels st.quads in place (they are our own copy, see
// dedupe) and returns their canonical lines in code point order, duplicates
// included, and the length of all lines together.
func (st *canonState) sortedLines() ([]line, int) {
	relabelled := st.quads
	ends := make([]int, len(st.quads))
	b := make([]byte, 0, 128*len(st.quads))
	for i := range relabelled {
		q := &relabelled[i]
		for _, t := range [...]*Term{&q.Subject, &q.Object, &q.Graph} {
			if t.Kind == KindBlankNode {
				t.Value = st.canon.ids[t.Value]
			}
		}
		b = AppendNQuad(b, *q)
		ends[i] = len(b)
	}
	all := string(b) // one allocation; the lines are substrings of it
	lines := make([]line, len(st.quads))
	start := 0
	for i, end := range ends {
		lines[i] = line{all[start:end], i}
		start = end
	}
	slices.SortFunc(lines, func(a, b line) int { return strings.Compare(a.s, b.s) })
	return lines, len(all)
}

// nquads returns the canonical N-Quads document.
func (st *canonState) nquads() string {
	lines, n := st.sortedLines()
	var sb strings.Builder
	sb.Grow(n)
	for i, l := range lines {
		if i == 0 || l.s != lines[i-1].s {
			sb.WriteString(l.s)
		}
	}
	return sb.String()
}

func (st *canonState) result() *Result {
	r := &Result{Labels: st.canon.ids}
	lines, _ := st.sortedLines()
	relabelled := st.quads
	r.Lines = make([]string, 0, len(lines))
	r.Quads = make([]Quad, 0, len(lines))
	for i, l := range lines {
		if i > 0 && l.s == lines[i-1].s {
			continue
		}
		r.Lines = append(r.Lines, l.s)
		r.Quads = append(r.Quads, relabelled[l.i])
	}
	return r
}

func (st *canonState) sum(data []byte) string {
	h := st.newHash()
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// hashFirstDegree is the Hash First Degree Quads algorithm (4.6).
func (st *canonState) hashFirstDegree(n string) string {
	if h, ok := st.firstHash[n]; ok {
		return h
	}
	idx := st.bnodes[n]
	lines := make([]string, 0, len(idx))
	for _, i := range idx {
		q := st.quads[i]
		for _, t := range [...]*Term{&q.Subject, &q.Object, &q.Graph} {
			if t.Kind == KindBlankNode {
				if t.Value == n {
					t.Value = "a"
				} else {
					t.Value = "z"
				}
			}
		}
		st.buf = AppendNQuad(st.buf[:0], q)
		lines = append(lines, string(st.buf))
	}
	slices.Sort(lines)
	st.buf = st.buf[:0]
	for _, l := range lines {
		st.buf = append(st.buf, l...)
	}
	h := st.sum(st.buf)
	st.firstHash[n] = h
	return h
}
