package rdfc

import (
	"fmt"
	"slices"
	"strings"
)

// issuer is the Identifier Issuer of RDFC-1.0 (4.5).
type issuer struct {
	prefix string
	ids    map[string]string
	order  []string
}

func newIssuer(prefix string) *issuer {
	return &issuer{prefix: prefix, ids: make(map[string]string)}
}

func (is *issuer) has(n string) bool { _, ok := is.ids[n]; return ok }

func (is *issuer) issue(n string) string {
	if id, ok := is.ids[n]; ok {
		return id
	}
	id := fmt.Sprintf("%s%d", is.prefix, len(is.order))
	is.ids[n] = id
	is.order = append(is.order, n)
	return id
}

func (is *issuer) clone() *issuer {
	c := &issuer{prefix: is.prefix, ids: make(map[string]string, len(is.ids)+4), order: slices.Clone(is.order)}
	for k, v := range is.ids {
		c.ids[k] = v
	}
	return c
}

func (st *canonState) spend(n int) error {
	st.work += n
	if st.maxWork > 0 && st.work > st.maxWork {
		return fmt.Errorf("%w (more than %d steps)", ErrTooComplex, st.maxWork)
	}
	return nil
}

// hashRelated is the Hash Related Blank Node algorithm (4.7).
func (st *canonState) hashRelated(related string, q *Quad, is *issuer, position byte) string {
	b := []byte{position}
	if position != 'g' {
		b = append(b, '<')
		b = append(b, q.Predicate.Value...)
		b = append(b, '>')
	}
	if id, ok := st.canon.ids[related]; ok {
		b = append(b, "_:"+id...)
	} else if id, ok := is.ids[related]; ok {
		b = append(b, "_:"+id...)
	} else {
		b = append(b, st.hashFirstDegree(related)...)
	}
	return st.sum(b)
}

// hashNDegree is the Hash N-Degree Quads algorithm (4.8), bounded by the
// work limit and a recursion depth equal to the number of blank nodes. Work
// is counted in proportion to what is done (quads hashed, identifiers
// copied), so that large datasets cannot make each unit expensive.
func (st *canonState) hashNDegree(n string, is *issuer, depth int) (string, *issuer, error) {
	// One unit for the call and one per quad whose related blank nodes are hashed.
	if err := st.spend(1 + len(st.bnodes[n])); err != nil {
		return "", nil, err
	}
	if depth > len(st.bnodes) {
		return "", nil, fmt.Errorf("%w (recursion deeper than the number of blank nodes)", ErrTooComplex)
	}
	hn := make(map[string][]string)
	for _, i := range st.bnodes[n] {
		q := &st.quads[i]
		for _, c := range [...]struct {
			t   *Term
			pos byte
		}{{&q.Subject, 's'}, {&q.Object, 'o'}, {&q.Graph, 'g'}} {
			if c.t.Kind == KindBlankNode && c.t.Value != n {
				h := st.hashRelated(c.t.Value, q, is, c.pos)
				if !slices.Contains(hn[h], c.t.Value) {
					hn[h] = append(hn[h], c.t.Value)
				}
			}
		}
	}
	hashes := make([]string, 0, len(hn))
	for h := range hn {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	var data strings.Builder
	for _, h := range hashes {
		data.WriteString(h)
		nodes := hn[h]
		if len(nodes) > maxPermute {
			return "", nil, fmt.Errorf("%w (%d blank nodes share one related hash)", ErrTooComplex, len(nodes))
		}
		chosenPath := ""
		var chosenIssuer *issuer
		var err error
		permute(nodes, func(p []string) bool {
			// One unit for the permutation and one per identifier copied.
			if err = st.spend(1 + len(is.order)); err != nil {
				return false
			}
			cp := is.clone()
			var path strings.Builder
			var recursion []string
			for _, r := range p {
				if id, ok := st.canon.ids[r]; ok {
					path.WriteString("_:" + id)
				} else {
					if !cp.has(r) {
						recursion = append(recursion, r)
					}
					path.WriteString("_:" + cp.issue(r))
				}
				if chosenPath != "" && path.Len() >= len(chosenPath) && path.String() > chosenPath {
					return true
				}
			}
			for _, r := range recursion {
				var rh string
				var ri *issuer
				rh, ri, err = st.hashNDegree(r, cp, depth+1)
				if err != nil {
					return false
				}
				path.WriteString("_:" + ri.issue(r))
				path.WriteString("<" + rh + ">")
				cp = ri
				if chosenPath != "" && path.Len() >= len(chosenPath) && path.String() > chosenPath {
					return true
				}
			}
			if chosenPath == "" || path.String() < chosenPath {
				chosenPath = path.String()
				chosenIssuer = cp
			}
			return true
		})
		if err != nil {
			return "", nil, err
		}
		data.WriteString(chosenPath)
		is = chosenIssuer
	}
	return st.sum([]byte(data.String())), is, nil
}

// permute calls f with every permutation of s (Heap's algorithm) until f
// returns false. s is permuted in place on a copy.
func permute(s []string, f func([]string) bool) {
	a := slices.Clone(s)
	c := make([]int, len(a))
	if !f(a) {
		return
	}
	for i := 0; i < len(a); {
		if c[i] < i {
			if i%2 == 0 {
				a[0], a[i] = a[i], a[0]
			} else {
				a[c[i]], a[i] = a[i], a[c[i]]
			}
			if !f(a) {
				return
			}
			c[i]++
			i = 0
		} else {
			c[i] = 0
			i++
		}
	}
}
