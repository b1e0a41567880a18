package jsonld

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pokot/pokot/credential/rdfc"
)

// expander runs the Expansion algorithm (JSON-LD 1.1 API, 5.1.2) in safe
// mode: whatever the algorithm would drop silently is an error instead.
type expander struct {
	cp ctxProc
}

// expandDocument expands a whole document and returns the expanded array.
func (e *expander) expandDocument(root *activeContext, doc map[string]any) ([]any, error) {
	out, err := e.expand(root, "", doc, false)
	if err != nil {
		return nil, err
	}
	if m, ok := out.(map[string]any); ok {
		if g, ok := m["@graph"]; ok && len(m) == 1 {
			out = g
		}
	}
	if out == nil {
		return nil, nil
	}
	if s, ok := out.([]any); ok {
		return s, nil
	}
	return []any{out}, nil
}

func (e *expander) expand(active *activeContext, prop string, element any, fromMap bool) (any, error) {
	if element == nil {
		return nil, nil
	}
	var propDef *termDef
	if prop != "" {
		propDef = active.terms[prop]
	}
	switch el := element.(type) {
	case []any:
		result := make([]any, 0, len(el))
		for _, item := range el {
			ex, err := e.expand(active, prop, item, fromMap)
			if err != nil {
				return nil, err
			}
			if propDef != nil && propDef.container&cList != 0 {
				if s, ok := ex.([]any); ok {
					ex = map[string]any{"@list": s}
				}
			}
			switch x := ex.(type) {
			case nil:
			case []any:
				result = append(result, x...)
			default:
				result = append(result, x)
			}
		}
		return result, nil
	case map[string]any:
		return e.expandObject(active, prop, propDef, el, fromMap)
	default:
		if prop == "" || prop == "@graph" {
			return nil, fmt.Errorf("%w: free-floating value %v", ErrDataLoss, el)
		}
		if propDef != nil && propDef.hasCtx {
			var err error
			if active, err = e.cp.cachedProcess(active, propDef.context, propDef, true, true); err != nil {
				return nil, err
			}
		}
		return e.expandValue(active, prop, el)
	}
}

// expandValue is the Value Expansion algorithm (5.3.2).
func (e *expander) expandValue(active *activeContext, prop string, value any) (any, error) {
	def := active.terms[prop]
	if def != nil && (def.typ == "@id" || def.typ == "@vocab") {
		if s, ok := value.(string); ok {
			iri, err := e.cp.expandIRI(active, s, def.typ == "@vocab", true, nil, nil)
			if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(iri, "_:") && !rdfc.ValidIRI(iri) {
				return nil, fmt.Errorf("%w: %q (value of %q)", ErrRelativeIRI, s, prop)
			}
			return map[string]any{"@id": iri}, nil
		}
	}
	res := map[string]any{"@value": value}
	if def != nil && def.typ != "" && def.typ != "@id" && def.typ != "@vocab" && def.typ != "@none" {
		res["@type"] = def.typ
		return res, nil
	}
	if _, ok := value.(string); ok {
		switch {
		case def != nil && def.hasLang:
			if !def.langNull {
				res["@language"] = def.lang
			}
		case active.hasLanguage:
			res["@language"] = active.language
		}
	}
	return res, nil
}

// expandObject is step 7 onwards of the Expansion algorithm for a map.
func (e *expander) expandObject(active *activeContext, prop string, propDef *termDef, el map[string]any, fromMap bool) (any, error) {
	var err error
	keys := make([]string, 0, len(el))
	for k := range el {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	// Revert a non-propagated (type-scoped) context for a new node object.
	if active.previous != nil && !fromMap {
		revert := true
		for _, k := range keys {
			ek, err := e.cp.expandIRI(active, k, true, false, nil, nil)
			if err != nil {
				return nil, err
			}
			if ek == "@value" || ek == "@id" && len(el) == 1 {
				revert = false
				break
			}
		}
		if revert {
			active = active.previous
		}
	}
	if propDef != nil && propDef.hasCtx {
		if active, err = e.cp.cachedProcess(active, propDef.context, propDef, true, true); err != nil {
			return nil, err
		}
	}
	if c, ok := el["@context"]; ok {
		if active, err = e.cp.cachedProcess(active, c, nil, false, true); err != nil {
			return nil, err
		}
	}
	typeScoped := active
	inputType := ""
	for _, k := range keys {
		// Only @type itself or an alias of it expands to @type.
		if d := active.terms[k]; k != "@type" && (d == nil || d.id != "@type") {
			continue
		}
		types := asSlice(el[k])
		strs := make([]string, 0, len(types))
		for _, t := range types {
			s, ok := t.(string)
			if !ok {
				return nil, fmt.Errorf("%w: @type values must be strings", ErrInvalid)
			}
			strs = append(strs, s)
		}
		slices.Sort(strs)
		for _, s := range strs {
			if d, ok := typeScoped.terms[s]; ok && d.hasCtx {
				if active, err = e.cp.cachedProcess(active, d.context, d, false, false); err != nil {
					return nil, err
				}
			}
		}
		if len(strs) > 0 {
			last := types[len(types)-1].(string)
			if inputType, err = e.cp.expandIRI(active, last, true, true, nil, nil); err != nil {
				return nil, err
			}
		}
	}
	result := make(map[string]any, len(el))
	for _, k := range keys {
		if k == "@context" {
			continue
		}
		value := el[k]
		ek, err := e.cp.expandIRI(active, k, true, false, nil, nil)
		if err != nil {
			return nil, err
		}
		if ek == "" || !isKeyword(ek) && !strings.Contains(ek, ":") {
			return nil, fmt.Errorf("%w: property %q is not defined by the context", ErrDataLoss, k)
		}
		if isKeyword(ek) {
			if prop == "@reverse" {
				return nil, fmt.Errorf("%w: keyword %s in a reverse property map", ErrInvalid, k)
			}
			if err := e.expandKeyword(active, typeScoped, prop, ek, value, inputType, result); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(ek, "_:") {
			return nil, fmt.Errorf("%w: property %q expands to a blank node", ErrDataLoss, k)
		}
		def := active.terms[k]
		var ev any
		switch {
		case def != nil && def.typ == "@json":
			ev = map[string]any{"@value": value, "@type": "@json"}
		case def != nil && def.container&(cIndex|cID) != 0:
			m, ok := value.(map[string]any)
			if !ok {
				ev, err = e.expand(active, k, value, false)
				break
			}
			ev, err = e.indexMap(active, k, def, m)
		case def != nil && def.container&cLanguage != 0:
			m, ok := value.(map[string]any)
			if !ok {
				ev, err = e.expand(active, k, value, false)
				break
			}
			ev, err = e.languageMap(active, m)
		default:
			ev, err = e.expand(active, k, value, false)
		}
		if err != nil {
			return nil, err
		}
		if ev == nil {
			continue
		}
		if def != nil && def.reverse {
			if err := addReverse(result, ek, ev); err != nil {
				return nil, err
			}
			continue
		}
		if def != nil && def.container&cList != 0 && !isListObject(ev) {
			ev = map[string]any{"@list": asSlice(ev)}
		}
		if def != nil && def.container&cGraph != 0 && def.container&(cIndex|cID) == 0 {
			items := asSlice(ev)
			wrapped := make([]any, 0, len(items))
			for _, it := range items {
				wrapped = append(wrapped, map[string]any{"@graph": asSlice(it)})
			}
			ev = wrapped
		}
		appendValue(result, ek, ev)
	}
	return e.finishObject(prop, result)
}

// indexMap expands an index map (container @index), whose keys only label
// the values (RDF does not keep them), or an id map (container @id), whose
// keys are the identifiers of the node objects.
func (e *expander) indexMap(active *activeContext, prop string, def *termDef, m map[string]any) (any, error) {
	mapCtx := active
	if def.container&cID != 0 && active.previous != nil {
		mapCtx = active.previous
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []any
	for _, idx := range keys {
		items, err := e.expand(mapCtx, prop, asSliceNonNil(m[idx]), true)
		if err != nil {
			return nil, err
		}
		ei, err := e.cp.expandIRI(active, idx, true, false, nil, nil)
		if err != nil {
			return nil, err
		}
		for _, it := range asSlice(items) {
			if def.container&cGraph != 0 && !isGraphObject(it) {
				it = map[string]any{"@graph": asSlice(it)}
			}
			im, ok := it.(map[string]any)
			if ok && idx != "@none" && ei != "@none" {
				key, val := "@index", any(idx)
				if def.container&cID != 0 {
					id, err := e.cp.expandIRI(active, idx, false, true, nil, nil)
					if err != nil {
						return nil, err
					}
					if !strings.HasPrefix(id, "_:") && !rdfc.ValidIRI(id) {
						return nil, fmt.Errorf("%w: id map key %q", ErrRelativeIRI, idx)
					}
					key, val = "@id", id
				}
				if _, has := im[key]; !has {
					im[key] = val
				}
			}
			out = append(out, it)
		}
	}
	return out, nil
}

func (e *expander) languageMap(active *activeContext, m map[string]any) (any, error) {
	langs := make([]string, 0, len(m))
	for l := range m {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	var out []any
	for _, l := range langs {
		el, err := e.cp.expandIRI(active, l, true, false, nil, nil)
		if err != nil {
			return nil, err
		}
		for _, item := range asSlice(m[l]) {
			if item == nil {
				continue
			}
			s, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("%w: language map values must be strings", ErrInvalid)
			}
			v := map[string]any{"@value": s}
			if l != "@none" && el != "@none" {
				v["@language"] = strings.ToLower(l)
			}
			out = append(out, v)
		}
	}
	return out, nil
}

func (e *expander) expandKeyword(active, typeScoped *activeContext, prop, ek string, value any, inputType string, result map[string]any) error {
	if _, dup := result[ek]; dup && ek != "@type" && ek != "@included" && ek != "@reverse" {
		return fmt.Errorf("%w: colliding keywords %s", ErrInvalid, ek)
	}
	var ev any
	switch ek {
	case "@id":
		s, ok := value.(string)
		if !ok {
			return fmt.Errorf("%w: @id value must be a string", ErrInvalid)
		}
		iri, err := e.cp.expandIRI(active, s, false, true, nil, nil)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(iri, "_:") && !rdfc.ValidIRI(iri) {
			return fmt.Errorf("%w: @id %q", ErrRelativeIRI, s)
		}
		ev = iri
	case "@type":
		var types []any
		for _, t := range asSlice(value) {
			s, ok := t.(string)
			if !ok {
				return fmt.Errorf("%w: @type values must be strings", ErrInvalid)
			}
			iri, err := e.cp.expandIRI(typeScoped, s, true, true, nil, nil)
			if err != nil {
				return err
			}
			if iri != "@json" && !strings.HasPrefix(iri, "_:") && !rdfc.ValidIRI(iri) {
				return fmt.Errorf("%w: @type %q (undefined type?)", ErrRelativeIRI, s)
			}
			types = append(types, iri)
		}
		if prev, ok := result["@type"]; ok {
			types = append(asSlice(prev), types...)
		}
		result["@type"] = types
		return nil
	case "@graph":
		g, err := e.expand(active, "@graph", value, false)
		if err != nil {
			return err
		}
		ev = asSliceNonNil(g)
	case "@value":
		if inputType == "@json" {
			ev = value
			if value == nil {
				ev = jsonNull{}
			}
			break
		}
		switch value.(type) {
		case nil:
			result["@value"] = nil
			return nil
		case string, bool, float64:
		default:
			if !isNumber(value) {
				return fmt.Errorf("%w: invalid value object value", ErrInvalid)
			}
		}
		ev = value
	case "@language":
		s, ok := value.(string)
		if !ok {
			return fmt.Errorf("%w: @language value must be a string", ErrInvalid)
		}
		ev = strings.ToLower(s)
	case "@index":
		s, ok := value.(string)
		if !ok {
			return fmt.Errorf("%w: @index value must be a string", ErrInvalid)
		}
		ev = s
	case "@list":
		if prop == "" || prop == "@graph" {
			return fmt.Errorf("%w: free-floating list", ErrDataLoss)
		}
		l, err := e.expand(active, prop, value, false)
		if err != nil {
			return err
		}
		ev = asSliceNonNil(l)
	case "@set":
		s, err := e.expand(active, prop, value, false)
		if err != nil {
			return err
		}
		ev = s
	case "@reverse":
		if _, ok := value.(map[string]any); !ok {
			return fmt.Errorf("%w: @reverse value must be an object", ErrInvalid)
		}
		r, err := e.expand(active, "@reverse", value, false)
		if err != nil {
			return err
		}
		rm, _ := r.(map[string]any)
		for p, items := range rm {
			if p == "@reverse" {
				// A reverse of a reverse is a forward property.
				for fp, fitems := range items.(map[string]any) {
					appendValue(result, fp, fitems)
				}
				continue
			}
			if err := addReverse(result, p, items); err != nil {
				return err
			}
		}
		return nil
	case "@included":
		inc, err := e.expand(active, prop, value, false)
		if err != nil {
			return err
		}
		for _, it := range asSlice(inc) {
			m, ok := it.(map[string]any)
			if !ok || !isNodeObject(m) {
				return fmt.Errorf("%w: @included values must be node objects", ErrInvalid)
			}
		}
		appendValue(result, "@included", asSliceNonNil(inc))
		return nil
	case "@nest":
		// json-gold, the fallback, gets @nest with scoped contexts wrong.
		return fmt.Errorf("%w: @nest", ErrUnsupported)
	default:
		return fmt.Errorf("%w: keyword %s", errUnsupported, ek)
	}
	result[ek] = ev
	return nil
}

// jsonNull stands for a JSON literal whose value is null.
type jsonNull struct{}

// finishObject is steps 15–20 of the Expansion algorithm.
func (e *expander) finishObject(prop string, result map[string]any) (any, error) {
	if v, ok := result["@value"]; ok {
		for k := range result {
			switch k {
			case "@value", "@type", "@language", "@index":
			default:
				return nil, fmt.Errorf("%w: invalid value object (key %s)", ErrInvalid, k)
			}
		}
		_, hasLang := result["@language"]
		if t, ok := result["@type"]; ok {
			if hasLang {
				return nil, fmt.Errorf("%w: value object with both @type and @language", ErrInvalid)
			}
			ts := asSlice(t)
			if len(ts) != 1 {
				return nil, fmt.Errorf("%w: invalid typed value", ErrInvalid)
			}
			result["@type"] = ts[0]
		}
		if v == nil {
			return nil, nil
		}
		if result["@type"] == "@json" {
			return result, nil
		}
		if _, isStr := v.(string); hasLang && !isStr {
			return nil, fmt.Errorf("%w: language-tagged value must be a string", ErrInvalid)
		}
		if t, ok := result["@type"].(string); ok && !rdfc.ValidIRI(t) {
			return nil, fmt.Errorf("%w: datatype %q", ErrRelativeIRI, t)
		}
		return result, nil
	}
	if s, ok := result["@set"]; ok {
		if len(result) > 2 || len(result) == 2 && result["@index"] == nil {
			return nil, fmt.Errorf("%w: invalid set object", ErrInvalid)
		}
		return s, nil
	}
	if _, ok := result["@list"]; ok {
		if len(result) > 2 || len(result) == 2 && result["@index"] == nil {
			return nil, fmt.Errorf("%w: invalid list object", ErrInvalid)
		}
	}
	if _, ok := result["@language"]; ok && len(result) == 1 {
		return nil, fmt.Errorf("%w: object with only @language", ErrDataLoss)
	}
	if prop == "" || prop == "@graph" {
		_, hasList := result["@list"]
		if len(result) == 0 || hasList {
			return nil, nil
		}
		if _, ok := result["@id"]; ok && len(result) == 1 {
			return nil, nil
		}
	}
	return result, nil
}

// addReverse adds node objects to result's @reverse map under property.
func addReverse(result map[string]any, property string, v any) error {
	rm, _ := result["@reverse"].(map[string]any)
	if rm == nil {
		rm = map[string]any{}
		result["@reverse"] = rm
	}
	for _, it := range asSlice(v) {
		m, ok := it.(map[string]any)
		if !ok || !isNodeObject(m) {
			return fmt.Errorf("%w: invalid reverse property value", ErrInvalid)
		}
	}
	appendValue(rm, property, v)
	return nil
}

func appendValue(m map[string]any, key string, v any) {
	prev, ok := m[key]
	if !ok {
		m[key] = asSliceNonNil(v)
		return
	}
	m[key] = append(prev.([]any), asSlice(v)...)
}

func asSliceNonNil(v any) []any {
	if v == nil {
		return []any{}
	}
	return asSlice(v)
}

func isGraphObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if _, has := m["@graph"]; !has {
		return false
	}
	for k := range m {
		if k != "@graph" && k != "@id" && k != "@index" {
			return false
		}
	}
	return true
}

func isListObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, has := m["@list"]
	return has
}
