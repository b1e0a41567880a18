package status

import (
	"fmt"
	"slices"
)

// ListCredential is the decoded content of a BitstringStatusListCredential, for callers
// that check many entries against one list and want to decode it once.
type ListCredential struct {
	ID       string
	Issuer   string
	Purposes []string
	List     *List
}

// ParseListCredential reads a decoded (JSON) BitstringStatusListCredential. It does not
// verify its proof or validity period: that is the verifier's job.
func ParseListCredential(cred map[string]any) (*ListCredential, error) {
	lc := &ListCredential{}
	lc.ID, _ = cred["id"].(string)
	if !hasType(cred["type"], "BitstringStatusListCredential") {
		return nil, fmt.Errorf("%w: the status list credential is not of type BitstringStatusListCredential", ErrMalformed)
	}
	switch iss := cred["issuer"].(type) {
	case string:
		lc.Issuer = iss
	case map[string]any:
		lc.Issuer, _ = iss["id"].(string)
	}
	subj, ok := cred["credentialSubject"].(map[string]any)
	if !ok {
		if arr, isArr := cred["credentialSubject"].([]any); isArr && len(arr) == 1 {
			subj, ok = arr[0].(map[string]any)
		}
	}
	if !ok {
		return nil, fmt.Errorf("%w: the status list credential has no single credentialSubject", ErrMalformed)
	}
	if !hasType(subj["type"], "BitstringStatusList") {
		return nil, fmt.Errorf("%w: the status list subject is not of type BitstringStatusList", ErrMalformed)
	}
	switch p := subj["statusPurpose"].(type) {
	case string:
		lc.Purposes = []string{p}
	case []any:
		for _, v := range p {
			if s, ok := v.(string); ok {
				lc.Purposes = append(lc.Purposes, s)
			}
		}
	}
	if len(lc.Purposes) == 0 {
		return nil, fmt.Errorf("%w: the status list has no statusPurpose", ErrMalformed)
	}
	enc, ok := subj["encodedList"].(string)
	if !ok {
		return nil, fmt.Errorf("%w: the status list has no encodedList", ErrMalformed)
	}
	l, err := Decode(enc)
	if err != nil {
		return nil, err
	}
	lc.List = l
	return lc, nil
}

// Check returns the status bit of entry in the status list credential listCred: true
// means revoked (or suspended, by the entry's purpose). It fails when the list credential
// is not the one the entry points to, when the purposes differ, or when the index is out
// of range.
func Check(entry Entry, listCred map[string]any) (bool, error) {
	lc, err := ParseListCredential(listCred)
	if err != nil {
		return false, err
	}
	return lc.Check(entry)
}

// Check returns the status bit of entry in the decoded list credential.
func (lc *ListCredential) Check(entry Entry) (bool, error) {
	if entry.Type != "" && entry.Type != "BitstringStatusListEntry" {
		return false, fmt.Errorf("%w: credentialStatus type %q", ErrUnsupported, entry.Type)
	}
	if entry.StatusSize > 1 {
		return false, fmt.Errorf("%w: statusSize %d", ErrUnsupported, entry.StatusSize)
	}
	if err := checkPurpose(entry.StatusPurpose); err != nil {
		return false, err
	}
	if lc.ID != entry.StatusListCredential {
		return false, fmt.Errorf("%w: the entry points to %q but the list credential is %q", ErrMalformed, entry.StatusListCredential, lc.ID)
	}
	if !slices.Contains(lc.Purposes, entry.StatusPurpose) {
		return false, fmt.Errorf("%w: entry %q, list %v", ErrPurposeMismatch, entry.StatusPurpose, lc.Purposes)
	}
	idx, err := entry.Index()
	if err != nil {
		return false, err
	}
	return lc.List.Get(idx)
}

func hasType(v any, want string) bool {
	switch t := v.(type) {
	case string:
		return t == want
	case []any:
		for _, x := range t {
			if x == want {
				return true
			}
		}
	case []string:
		return slices.Contains(t, want)
	}
	return false
}

// Status returns the value of entry in the decoded list credential and the message that
// the entry's statusMessage gives it ("" for a one-bit entry without statusMessage). The
// entry's statusSize says how many bits it spans: the value is read from bit
// index×statusSize on, most significant bit first. It fails as Check does, and with
// ErrRange when the entry lies outside the bitstring.
func (lc *ListCredential) Status(entry Entry) (int, string, error) {
	if entry.Type != "" && entry.Type != "BitstringStatusListEntry" {
		return 0, "", fmt.Errorf("%w: credentialStatus type %q", ErrUnsupported, entry.Type)
	}
	if err := checkPurpose(entry.StatusPurpose); err != nil {
		return 0, "", err
	}
	if err := checkMessages(entry.Size(), entry.StatusMessage); err != nil {
		return 0, "", err
	}
	if lc.ID != entry.StatusListCredential {
		return 0, "", fmt.Errorf("%w: the entry points to %q but the list credential is %q", ErrMalformed, entry.StatusListCredential, lc.ID)
	}
	if !slices.Contains(lc.Purposes, entry.StatusPurpose) {
		return 0, "", fmt.Errorf("%w: entry %q, list %v", ErrPurposeMismatch, entry.StatusPurpose, lc.Purposes)
	}
	idx, err := entry.Index()
	if err != nil {
		return 0, "", err
	}
	view, err := lc.List.WithStatusSize(entry.Size())
	if err != nil {
		return 0, "", err
	}
	v, err := view.Value(idx)
	if err != nil {
		return 0, "", err
	}
	return v, entry.MessageOf(v), nil
}
