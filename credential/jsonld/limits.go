package jsonld

import "fmt"

// checkShape walks doc once and enforces the value count, depth and string
// size limits before any JSON-LD processing starts. It also rejects Go
// values that encoding/json would never produce. It returns the number of
// JSON values, which sizes the quad buffer.
func checkShape(doc map[string]any, l Limits) (int, error) {
	w := shapeWalker{l: l}
	err := w.walk(doc, 1)
	return w.values, err
}

type shapeWalker struct {
	l       Limits
	values  int
	strings int
}

func (w *shapeWalker) walk(v any, depth int) error {
	w.values++
	if w.values > w.l.MaxValues {
		return fmt.Errorf("%w: more than %d JSON values", ErrTooComplex, w.l.MaxValues)
	}
	if depth > w.l.MaxDepth {
		return fmt.Errorf("%w: nested deeper than %d", ErrTooComplex, w.l.MaxDepth)
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if err := w.str(len(k)); err != nil {
				return err
			}
			if err := w.walk(e, depth+1); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range x {
			if err := w.walk(e, depth+1); err != nil {
				return err
			}
		}
	case string:
		return w.str(len(x))
	case nil, bool, float64:
	default:
		if !isNumber(v) {
			return fmt.Errorf("%w: unsupported Go value of type %T", ErrInvalid, v)
		}
	}
	return nil
}

func (w *shapeWalker) str(n int) error {
	w.strings += n
	if w.strings > w.l.MaxStringBytes {
		return fmt.Errorf("%w: more than %d bytes of strings", ErrTooComplex, w.l.MaxStringBytes)
	}
	return nil
}
