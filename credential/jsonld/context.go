package jsonld

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/pokot/pokot/credential/rdfc"
)

// errUnsupported marks JSON-LD features the native engine does not
// implement (@import, @direction, type maps, …); the
// processor then falls back to json-gold with the same guards.
var errUnsupported = errors.New("jsonld: feature not supported by the native engine")

// maxContextDepth bounds nested remote/scoped context processing.
const maxContextDepth = 32

// maxDerived bounds the cache of contexts derived from one active context.
// Limits.MaxCachedContexts bounds all of a Processor's: documents choose
// which scoped contexts apply in which order, so without a bound a stream
// of crafted documents could grow the cache without end.
const maxDerived = 256

// termDef is a term definition (JSON-LD 1.1 API, 4.2).
type termDef struct {
	id        string // IRI mapping or keyword; "" with null means explicitly unmapped
	null      bool   // the term maps to null (it is defined but ignored)
	typ       string // type mapping: "", "@id", "@vocab", "@json", "@none" or an IRI
	container containerFlags
	lang      string // language mapping when hasLang; langNull for an explicit null
	hasLang   bool
	langNull  bool
	prefix    bool
	reverse   bool // a reverse property
	protected bool
	context   any // scoped context, nil if none
	hasCtx    bool
}

type containerFlags uint8

const (
	cSet containerFlags = 1 << iota
	cList
	cGraph
	cLanguage
	cIndex
	cID
)

// activeContext is a processed context. It is immutable once built, so it
// can be shared between goroutines and cached.
type activeContext struct {
	terms        map[string]*termDef
	vocab        string
	hasVocab     bool
	language     string
	hasLanguage  bool
	base         string // base IRI set by @base; hasBase false when none
	hasBase      bool
	previous     *activeContext
	hasProtected bool

	derived sync.Map // derivedKey -> *activeContext
	nDerive int32
	mu      sync.Mutex
}

type derivedKey struct {
	url       string   // remote context URL list, or
	def       *termDef // the term whose scoped context is applied
	override  bool
	propagate bool
}

func newActiveContext() *activeContext {
	return &activeContext{terms: map[string]*termDef{}}
}

func (a *activeContext) clone() *activeContext {
	c := &activeContext{
		terms:        make(map[string]*termDef, len(a.terms)+8),
		vocab:        a.vocab,
		hasVocab:     a.hasVocab,
		language:     a.language,
		hasLanguage:  a.hasLanguage,
		base:         a.base,
		hasBase:      a.hasBase,
		previous:     a.previous,
		hasProtected: a.hasProtected,
	}
	for k, v := range a.terms {
		c.terms[k] = v
	}
	return c
}

// ctxProc carries the state of one context-processing call tree.
type ctxProc struct {
	p        *Processor
	depth    int
	override bool // override protected, for terms created while expanding IRIs
	// validating is set while a scoped context is processed only to
	// validate it (the algorithm's "validate scoped context" false); remote
	// holds the remote contexts being processed, to cut cycles then.
	validating bool
	remote     []string
	// terms counts term definitions created for one document, bounded by
	// maxTermDefinitions: scoped contexts are validated when defined, and a
	// crafted context could otherwise make that quadratic.
	terms int
}

// maxTermDefinitions bounds the term definitions created while processing
// one document. Processing the VC 2.0, Open Badges 3.0 and CLR 2.0
// contexts from a cold cache creates 300–700.
const maxTermDefinitions = 50_000

// cachedProcess processes local against active, memoising results for
// contexts that are embedded URLs or scoped contexts of cached terms.
func (cp *ctxProc) cachedProcess(active *activeContext, local any, def *termDef, override, propagate bool) (*activeContext, error) {
	key := derivedKey{def: def, override: override, propagate: propagate}
	cacheable := def != nil
	if def == nil {
		if u, ok := urlListKey(local); ok {
			key.url, cacheable = u, true
		}
	}
	if cacheable {
		if v, ok := active.derived.Load(key); ok {
			return v.(*activeContext), nil
		}
	}
	res, err := cp.process(active, local, override, propagate)
	if err != nil {
		return nil, err
	}
	if cacheable && cp.p.nCached.Load() < int64(cp.p.limits.MaxCachedContexts) {
		active.mu.Lock()
		if active.nDerive < maxDerived {
			active.nDerive++
			active.derived.Store(key, res)
			cp.p.nCached.Add(1)
		}
		active.mu.Unlock()
	}
	return res, nil
}

// urlListKey returns a cache key for a context that is a URL or an array
// of URLs.
func urlListKey(local any) (string, bool) {
	switch x := local.(type) {
	case string:
		return x, true
	case []any:
		var b strings.Builder
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return "", false
			}
			b.WriteString(s)
			b.WriteByte(' ')
		}
		return b.String(), true
	}
	return "", false
}

// process is the Context Processing algorithm (JSON-LD 1.1 API, 4.1.2).
func (cp *ctxProc) process(active *activeContext, local any, override, propagate bool) (*activeContext, error) {
	cp.depth++
	defer func() { cp.depth-- }()
	if cp.depth > maxContextDepth {
		return nil, fmt.Errorf("%w: contexts nested deeper than %d", ErrTooComplex, maxContextDepth)
	}
	result := active.clone()
	if m, ok := local.(map[string]any); ok {
		if pv, ok := m["@propagate"]; ok {
			b, ok := pv.(bool)
			if !ok {
				return nil, fmt.Errorf("%w: @propagate must be a boolean", ErrInvalid)
			}
			propagate = b
		}
	}
	if !propagate && result.previous == nil {
		result.previous = active
	}
	for _, ctx := range asSlice(local) {
		switch c := ctx.(type) {
		case nil:
			if !override && result.hasProtected {
				return nil, fmt.Errorf("%w: invalid context nullification (protected terms)", ErrInvalid)
			}
			prev := result
			result = newActiveContext()
			if !propagate {
				result.previous = prev
			}
			continue
		case string:
			// A remote context, from the embedded set only. A relative
			// reference inside a remote context is resolved against it.
			if !rdfc.HasScheme(c) && len(cp.remote) > 0 && rdfc.HasScheme(cp.remote[len(cp.remote)-1]) {
				c = resolveIRI(cp.remote[len(cp.remote)-1], c)
			}
			if cp.validating && slices.Contains(cp.remote, c) {
				continue
			}
			doc, err := cp.p.contextDoc(c)
			if err != nil {
				return nil, err
			}
			dm, ok := doc.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("%w: context document %s is not an object", ErrInvalid, c)
			}
			inner, ok := dm["@context"]
			if !ok {
				return nil, fmt.Errorf("%w: context document %s has no @context", ErrInvalid, c)
			}
			cp.remote = append(cp.remote, c)
			r, err := cp.process(result, inner, false, true)
			cp.remote = cp.remote[:len(cp.remote)-1]
			if err != nil {
				return nil, err
			}
			result = r
			continue
		case map[string]any:
			if err := cp.processMap(result, c, override); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%w: invalid local context of type %T", ErrInvalid, ctx)
		}
	}
	return result, nil
}

func (cp *ctxProc) processMap(result *activeContext, c map[string]any, override bool) error {
	if v, ok := c["@version"]; ok {
		if f, ok := v.(float64); !ok || f != 1.1 {
			return fmt.Errorf("%w: invalid @version value", ErrInvalid)
		}
	}
	// @base counts only outside remote contexts; there is no document
	// base IRI, so a relative @base cannot be resolved.
	if v, ok := c["@base"]; ok && len(cp.remote) == 0 {
		switch s := v.(type) {
		case nil:
			result.base, result.hasBase = "", false
		case string:
			switch {
			case rdfc.HasScheme(s):
				result.base, result.hasBase = s, true
			case result.hasBase:
				result.base = resolveIRI(result.base, s)
			default:
				return fmt.Errorf("%w: @base %q with no base to resolve it against", ErrRelativeIRI, s)
			}
			if !rdfc.ValidIRI(result.base) {
				return fmt.Errorf("%w: @base %q", ErrRelativeIRI, s)
			}
		default:
			return fmt.Errorf("%w: invalid @base", ErrInvalid)
		}
	}
	for _, k := range [...]string{"@import", "@direction"} {
		if v, ok := c[k]; ok && v != nil {
			return fmt.Errorf("%w: %s in a context", errUnsupported, k)
		}
	}
	if v, ok := c["@vocab"]; ok {
		switch s := v.(type) {
		case nil:
			result.vocab, result.hasVocab = "", false
		case string:
			iri, err := cp.expandIRI(result, s, true, true, nil, nil)
			if err != nil {
				return err
			}
			if !rdfc.ValidIRI(iri) && !strings.HasPrefix(iri, "_:") {
				return fmt.Errorf("%w: @vocab %q", ErrRelativeIRI, s)
			}
			result.vocab, result.hasVocab = iri, true
		default:
			return fmt.Errorf("%w: invalid @vocab mapping", ErrInvalid)
		}
	}
	if v, ok := c["@language"]; ok {
		switch s := v.(type) {
		case nil:
			result.language, result.hasLanguage = "", false
		case string:
			result.language, result.hasLanguage = strings.ToLower(s), true
		default:
			return fmt.Errorf("%w: invalid default language", ErrInvalid)
		}
	}
	if v, ok := c["@protected"]; ok {
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%w: @protected must be a boolean", ErrInvalid)
		}
	}
	saved := cp.override
	cp.override = override
	defer func() { cp.override = saved }()
	defined := make(map[string]bool, len(c))
	for term := range c {
		switch term {
		case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab":
			continue
		}
		if err := cp.createTerm(result, c, term, defined, override); err != nil {
			return err
		}
	}
	return nil
}

// sameDefinition compares term definitions apart from their protected flag.
func sameDefinition(a, b *termDef) bool {
	if a.id != b.id || a.null != b.null || a.typ != b.typ || a.container != b.container ||
		a.hasLang != b.hasLang || a.lang != b.lang || a.langNull != b.langNull ||
		a.prefix != b.prefix || a.reverse != b.reverse || a.hasCtx != b.hasCtx {
		return false
	}
	return !a.hasCtx || reflect.DeepEqual(a.context, b.context)
}
