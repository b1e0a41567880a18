package status

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Purposes of status entries that this package checks.
const (
	PurposeRevocation = "revocation"
	PurposeSuspension = "suspension"
	// PurposeMessage is an entry of StatusSize bits whose values the entry's
	// StatusMessage explains.
	PurposeMessage = "message"
)

// ContextV2 is the Verifiable Credentials 2.0 context, which defines the status list terms.
const ContextV2 = "https://www.w3.org/ns/credentials/v2"

// Entry is a BitstringStatusListEntry, the credentialStatus of an issued credential.
type Entry struct {
	ID                   string `json:"id,omitempty"`
	Type                 string `json:"type"`
	StatusPurpose        string `json:"statusPurpose"`
	StatusListIndex      string `json:"statusListIndex"`
	StatusListCredential string `json:"statusListCredential"`
	// StatusSize is the number of bits of the entry; 0 (absent) means 1.
	StatusSize int `json:"statusSize,omitempty"`
	// StatusMessage explains every value of the entry; required when StatusSize > 1.
	StatusMessage []Message `json:"statusMessage,omitempty"`
	// StatusReference are URLs of material that explains the statuses (optional).
	StatusReference []string `json:"statusReference,omitempty"`
}

// Size returns the entry's statusSize, 1 when absent.
func (e Entry) Size() int {
	if e.StatusSize == 0 {
		return 1
	}
	return e.StatusSize
}

// NewEntry returns the entry pointing at index of the status list credential listURL.
// Its id is listURL#index.
func NewEntry(listURL, purpose string, index int) (Entry, error) {
	if err := checkPurpose(purpose); err != nil {
		return Entry{}, err
	}
	if index < 0 {
		return Entry{}, fmt.Errorf("%w: negative index", ErrRange)
	}
	if listURL == "" || strings.Contains(listURL, "#") {
		return Entry{}, fmt.Errorf("%w: status list credential URL %q", ErrMalformed, listURL)
	}
	idx := strconv.Itoa(index)
	return Entry{
		ID: listURL + "#" + idx, Type: "BitstringStatusListEntry", StatusPurpose: purpose,
		StatusListIndex: idx, StatusListCredential: listURL,
	}, nil
}

// Map returns the entry as a JSON-ready map for a credential's credentialStatus.
func (e Entry) Map() map[string]any {
	m := map[string]any{
		"type":                 e.Type,
		"statusPurpose":        e.StatusPurpose,
		"statusListIndex":      e.StatusListIndex,
		"statusListCredential": e.StatusListCredential,
	}
	if e.ID != "" {
		m["id"] = e.ID
	}
	if e.StatusSize != 0 {
		m["statusSize"] = e.StatusSize
	}
	if len(e.StatusMessage) > 0 {
		ms := make([]any, len(e.StatusMessage))
		for i, x := range e.StatusMessage {
			ms[i] = map[string]any{"status": x.Status, "message": x.Message}
		}
		m["statusMessage"] = ms
	}
	switch len(e.StatusReference) {
	case 0:
	case 1:
		m["statusReference"] = e.StatusReference[0]
	default:
		refs := make([]any, len(e.StatusReference))
		for i, r := range e.StatusReference {
			refs[i] = r
		}
		m["statusReference"] = refs
	}
	return m
}

// Index returns the statusListIndex as an integer.
func (e Entry) Index() (int, error) {
	s := e.StatusListIndex
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return 0, fmt.Errorf("%w: statusListIndex %q", ErrMalformed, s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: statusListIndex %q is not a non-negative decimal integer", ErrMalformed, s)
	}
	return n, nil
}

// ParseEntry reads a BitstringStatusListEntry from a decoded JSON credentialStatus object.
func ParseEntry(v any) (Entry, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Entry{}, fmt.Errorf("%w: credentialStatus is not an object", ErrMalformed)
	}
	var e Entry
	e.ID, _ = m["id"].(string)
	e.Type, _ = m["type"].(string)
	if e.Type != "BitstringStatusListEntry" {
		return Entry{}, fmt.Errorf("%w: credentialStatus type %v", ErrUnsupported, m["type"])
	}
	e.StatusPurpose, _ = m["statusPurpose"].(string)
	e.StatusListCredential, _ = m["statusListCredential"].(string)
	switch idx := m["statusListIndex"].(type) {
	case string:
		e.StatusListIndex = idx
	default:
		return Entry{}, fmt.Errorf("%w: statusListIndex must be a string", ErrMalformed)
	}
	if sz, ok := m["statusSize"]; ok {
		f, ok := toNumber(sz)
		if !ok || f != float64(int(f)) || f < 1 {
			return Entry{}, fmt.Errorf("%w: statusSize %v must be an integer greater than zero", ErrMalformed, sz)
		}
		if f > MaxStatusSize {
			return Entry{}, fmt.Errorf("%w: statusSize %v (at most %d)", ErrUnsupported, sz, MaxStatusSize)
		}
		e.StatusSize = int(f)
	}
	if raw, ok := m["statusMessage"]; ok {
		ms, err := parseMessages(raw)
		if err != nil {
			return Entry{}, err
		}
		e.StatusMessage = ms
	}
	if err := checkMessages(e.Size(), e.StatusMessage); err != nil {
		return Entry{}, err
	}
	switch r := m["statusReference"].(type) {
	case nil:
	case string:
		e.StatusReference = []string{r}
	case []any:
		for _, x := range r {
			s, ok := x.(string)
			if !ok {
				return Entry{}, fmt.Errorf("%w: statusReference must be a URL or an array of URLs", ErrMalformed)
			}
			e.StatusReference = append(e.StatusReference, s)
		}
	default:
		return Entry{}, fmt.Errorf("%w: statusReference must be a URL or an array of URLs", ErrMalformed)
	}
	if e.StatusListCredential == "" {
		return Entry{}, fmt.Errorf("%w: statusListCredential is missing", ErrMalformed)
	}
	if _, err := e.Index(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

func toNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case interface{ Float64() (float64, error) }: // json.Number
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

func checkPurpose(p string) error {
	if p != PurposeRevocation && p != PurposeSuspension && p != PurposeMessage {
		return fmt.Errorf("%w: status purpose %q (revocation, suspension or message)", ErrUnsupported, p)
	}
	return nil
}

// NewListCredential builds the unsigned BitstringStatusListCredential id for the list,
// issued by issuer (an id string) and valid from validFrom. The subject id is id#list.
func NewListCredential(id, issuer, purpose string, l *List, validFrom time.Time) (map[string]any, error) {
	if err := checkPurpose(purpose); err != nil {
		return nil, err
	}
	if id == "" || strings.Contains(id, "#") || issuer == "" {
		return nil, fmt.Errorf("%w: status list credential needs an id without fragment and an issuer", ErrMalformed)
	}
	enc, err := l.Encode()
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"@context":  []any{ContextV2},
		"id":        id,
		"type":      []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    issuer,
		"validFrom": validFrom.UTC().Format(time.RFC3339),
		"credentialSubject": map[string]any{
			"id":            id + "#list",
			"type":          "BitstringStatusList",
			"statusPurpose": purpose,
			"encodedList":   enc,
		},
	}, nil
}
