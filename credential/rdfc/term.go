// Package rdfc implements RDF Dataset Canonicalization (RDFC-1.0, formerly
// URDNA2015) together with the N-Quads syntax it is defined over.
//
// The canonicalizer is bounded: the work spent on blank nodes that
// first-degree hashes cannot tell apart is counted (Hash N-Degree Quads
// calls, the quads they hash, permutations tried, identifiers copied), and a
// dataset that needs more than Options.MaxWork units (a "poison" graph) is
// refused with ErrTooComplex instead of running for an unbounded time.
package rdfc

// Kind says what an RDF term is.
type Kind uint8

// The kinds of RDF term. The zero value is the default graph, so a Quad whose
// Graph is the zero Term is in the default graph.
const (
	KindDefaultGraph Kind = iota
	KindIRI
	KindBlankNode
	KindLiteral
)

// Well-known datatype IRIs.
const (
	XSDString    = "http://www.w3.org/2001/XMLSchema#string"
	RDFLangStr   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	XSDBoolean   = "http://www.w3.org/2001/XMLSchema#boolean"
	XSDInteger   = "http://www.w3.org/2001/XMLSchema#integer"
	XSDDouble    = "http://www.w3.org/2001/XMLSchema#double"
	RDFType      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFFirst     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
	RDFRest      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
	RDFNil       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
	RDFJSON      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
	RDFDirection = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction"
)

// Term is an RDF term: an IRI, a blank node, a literal or the default graph.
type Term struct {
	Kind Kind
	// Value is the IRI, the blank node label (without "_:") or the
	// literal's lexical form.
	Value string
	// Datatype is the literal's datatype IRI; empty means xsd:string, or
	// rdf:langString when Language is set.
	Datatype string
	// Language is the literal's language tag, if any.
	Language string
}

// Quad is one statement of an RDF dataset.
type Quad struct {
	Subject, Predicate, Object, Graph Term
}

// IRI returns an IRI term.
func IRI(v string) Term { return Term{Kind: KindIRI, Value: v} }

// Blank returns a blank node term with the label v (without "_:").
func Blank(v string) Term { return Term{Kind: KindBlankNode, Value: v} }

// Literal returns a literal term; datatype may be empty for xsd:string.
func Literal(v, datatype, language string) Term {
	if datatype == XSDString || (language != "" && datatype == RDFLangStr) {
		datatype = ""
	}
	return Term{Kind: KindLiteral, Value: v, Datatype: datatype, Language: language}
}

// IsBlank reports whether t is a blank node.
func (t Term) IsBlank() bool { return t.Kind == KindBlankNode }
