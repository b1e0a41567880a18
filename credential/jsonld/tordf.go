package jsonld

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pokot/pokot/credential/rdfc"
)

// emitter converts expanded JSON-LD to RDF quads (JSON-LD 1.1 API, Deserialize
// JSON-LD to RDF). Instead of building a node map first it emits the quads of
// each node object where it occurs: the result is the same set of quads,
// because a dataset is a set and blank node labels are arbitrary.
type emitter struct {
	quads  []rdfc.Quad
	labels map[string]string // input blank node label -> emitted label
	next   int
	limit  int
}

func (t *emitter) newBlank() rdfc.Term {
	t.next++
	return rdfc.Blank("b" + strconv.Itoa(t.next-1))
}

// idTerm maps an expanded @id to a term, relabelling blank nodes so that
// input labels cannot collide with generated ones.
func (t *emitter) idTerm(id string) rdfc.Term {
	if strings.HasPrefix(id, "_:") {
		if l, ok := t.labels[id]; ok {
			return rdfc.Blank(l)
		}
		if t.labels == nil {
			t.labels = make(map[string]string)
		}
		b := t.newBlank()
		t.labels[id] = b.Value
		return b
	}
	return rdfc.IRI(id)
}

func (t *emitter) add(s, p, o, g rdfc.Term) error {
	if len(t.quads) >= t.limit {
		return fmt.Errorf("%w: more than %d quads", ErrTooComplex, t.limit)
	}
	t.quads = append(t.quads, rdfc.Quad{Subject: s, Predicate: p, Object: o, Graph: g})
	return nil
}

// document emits every node object of an expanded document.
func (t *emitter) document(expanded []any) error {
	for _, item := range expanded {
		if m, ok := item.(map[string]any); ok && isNodeObject(m) {
			if _, err := t.node(m, rdfc.Term{}); err != nil {
				return err
			}
		}
	}
	return nil
}

func isNodeObject(m map[string]any) bool {
	if _, ok := m["@value"]; ok {
		return false
	}
	if _, ok := m["@list"]; ok {
		return false
	}
	return true
}

func onlyReference(m map[string]any) bool {
	for k := range m {
		if k != "@id" && k != "@index" {
			return false
		}
	}
	return true
}

var rdfTypeTerm = rdfc.IRI(rdfc.RDFType)

// node emits the quads of node object n in graph g and returns its subject.
func (t *emitter) node(n map[string]any, g rdfc.Term) (rdfc.Term, error) {
	var subj rdfc.Term
	if id, ok := n["@id"].(string); ok {
		subj = t.idTerm(id)
	} else {
		subj = t.newBlank()
	}
	for k, v := range n {
		switch k {
		case "@type":
			for _, ty := range asSlice(v) {
				if err := t.add(subj, rdfTypeTerm, t.idTerm(ty.(string)), g); err != nil {
					return subj, err
				}
			}
		case "@graph":
			// Whatever RDF cannot hold in a named graph (values, lists,
			// bare references) would go unsigned: refuse it.
			for _, item := range asSlice(v) {
				m, ok := item.(map[string]any)
				if !ok || !isNodeObject(m) {
					return subj, fmt.Errorf("%w: a graph holds a value that is not a node", ErrDataLoss)
				}
				if onlyReference(m) {
					return subj, fmt.Errorf("%w: a graph holds only a reference to %v", ErrDataLoss, m["@id"])
				}
				if _, err := t.node(m, subj); err != nil {
					return subj, err
				}
			}
		case "@included":
			for _, item := range asSlice(v) {
				if _, err := t.node(item.(map[string]any), g); err != nil {
					return subj, err
				}
			}
		case "@reverse":
			for p, items := range v.(map[string]any) {
				if strings.HasPrefix(p, "_:") {
					return subj, fmt.Errorf("%w: reverse property %q is a blank node", ErrDataLoss, p)
				}
				for _, item := range asSlice(items) {
					other, err := t.node(item.(map[string]any), g)
					if err != nil {
						return subj, err
					}
					if err := t.add(other, rdfc.IRI(p), subj, g); err != nil {
						return subj, err
					}
				}
			}
		case "@id", "@index":
		default:
			if strings.HasPrefix(k, "@") {
				return subj, fmt.Errorf("%w: keyword %s in a node object", errUnsupported, k)
			}
			pred := rdfc.IRI(k)
			for _, item := range asSlice(v) {
				obj, ok, err := t.object(item, g)
				if err != nil {
					return subj, err
				}
				if ok {
					if err := t.add(subj, pred, obj, g); err != nil {
						return subj, err
					}
				}
			}
		}
	}
	return subj, nil
}

// object converts a property value, emitting nested nodes and lists.
func (t *emitter) object(item any, g rdfc.Term) (rdfc.Term, bool, error) {
	m, ok := item.(map[string]any)
	if !ok {
		return rdfc.Term{}, false, fmt.Errorf("%w: unexpected expanded value %T", ErrInvalid, item)
	}
	if v, ok := m["@value"]; ok {
		lit, err := literal(v, m)
		return lit, err == nil, err
	}
	if l, ok := m["@list"]; ok {
		head, err := t.list(asSlice(l), g)
		return head, err == nil, err
	}
	subj, err := t.node(m, g)
	return subj, err == nil, err
}

var (
	rdfFirst = rdfc.IRI(rdfc.RDFFirst)
	rdfRest  = rdfc.IRI(rdfc.RDFRest)
	rdfNil   = rdfc.IRI(rdfc.RDFNil)
)

func (t *emitter) list(items []any, g rdfc.Term) (rdfc.Term, error) {
	if len(items) == 0 {
		return rdfNil, nil
	}
	head := t.newBlank()
	cur := head
	for i, item := range items {
		obj, ok, err := t.object(item, g)
		if err != nil {
			return head, err
		}
		if ok {
			if err := t.add(cur, rdfFirst, obj, g); err != nil {
				return head, err
			}
		}
		next := rdfNil
		if i < len(items)-1 {
			next = t.newBlank()
		}
		if err := t.add(cur, rdfRest, next, g); err != nil {
			return head, err
		}
		cur = next
	}
	return head, nil
}

// literal converts a value object to an RDF literal.
func literal(v any, m map[string]any) (rdfc.Term, error) {
	dt, _ := m["@type"].(string)
	if dt == "@json" {
		if _, isNull := v.(jsonNull); isNull {
			v = nil
		}
		b, err := JCS(v)
		if err != nil {
			return rdfc.Term{}, fmt.Errorf("%w: JSON literal: %v", ErrInvalid, err)
		}
		return rdfc.Literal(string(b), rdfc.RDFJSON, ""), nil
	}
	switch x := v.(type) {
	case string:
		lang, _ := m["@language"].(string)
		if lang != "" && !validLanguage(lang) {
			// JSON-LD drops such a value from the RDF; we refuse it.
			return rdfc.Term{}, fmt.Errorf("%w: invalid language tag %q", ErrDataLoss, lang)
		}
		return rdfc.Literal(x, dt, lang), nil
	case bool:
		if dt == "" {
			dt = rdfc.XSDBoolean
		}
		return rdfc.Literal(strconv.FormatBool(x), dt, ""), nil
	}
	f, ok := toFloat(v)
	if !ok {
		return rdfc.Term{}, fmt.Errorf("%w: unsupported value %T", ErrInvalid, v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return rdfc.Term{}, fmt.Errorf("%w: number out of range", ErrInvalid)
	}
	if f != math.Trunc(f) || math.Abs(f) >= 1e21 || dt == rdfc.XSDDouble {
		if dt == "" {
			dt = rdfc.XSDDouble
		}
		return rdfc.Literal(canonicalDouble(f), dt, ""), nil
	}
	if dt == "" {
		dt = rdfc.XSDInteger
	}
	if f == 0 {
		f = 0 // no "-0"
	}
	return rdfc.Literal(strconv.FormatFloat(f, 'f', -1, 64), dt, ""), nil
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// canonicalDouble is the XSD canonical form JSON-LD uses for doubles, e.g. 1.1E0.
func canonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', 15, 64)
	mant, exp, _ := strings.Cut(s, "E")
	mant = strings.TrimRight(mant, "0")
	if strings.HasSuffix(mant, ".") {
		mant += "0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// validLanguage checks the BCP 47 shape JSON-LD requires of language tags.
func validLanguage(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if len(part) == 0 || len(part) > 8 {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}
