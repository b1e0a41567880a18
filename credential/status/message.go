package status

import (
	"fmt"
	"strconv"
	"strings"
)

// Message is one element of an entry's statusMessage: what a status value means.
type Message struct {
	Status  string `json:"status"`  // the value in hexadecimal with the prefix 0x, e.g. "0x2"
	Message string `json:"message"` // what the value means, e.g. "revoked"
}

// The messages of the status values POKOT gives an Open Badges credential (see
// RevocationSuspensionMessages).
const (
	MessageValid     = "valid"
	MessageSuspended = "suspended"
	MessageRevoked   = "revoked"
)

// Values of the two-bit entries that RevocationSuspensionMessages explains: the high bit
// means revoked, the low bit suspended, so 0x3 (revoked while suspended) is revoked too.
const (
	ValueValid     = 0
	ValueSuspended = 1
	ValueRevoked   = 2
)

// RevocationSuspensionMessages returns the statusMessage of a two-bit "message" entry
// that carries both revocation and suspension in one credentialStatus: 0x0 valid, 0x1
// suspended, 0x2 revoked, 0x3 revoked. The messages are plain words so that a verifier
// that knows nothing of POKOT can show what they mean.
func RevocationSuspensionMessages() []Message {
	return []Message{
		{Status: "0x0", Message: MessageValid},
		{Status: "0x1", Message: MessageSuspended},
		{Status: "0x2", Message: MessageRevoked},
		{Status: "0x3", Message: MessageRevoked},
	}
}

// NewMessageEntry returns a "message" entry of statusSize bits at index of the status list
// credential listURL, with messages (one per value, 2^statusSize of them) and an optional
// reference URL explaining them.
func NewMessageEntry(listURL string, index, statusSize int, messages []Message, reference string) (Entry, error) {
	e, err := NewEntry(listURL, PurposeMessage, index)
	if err != nil {
		return Entry{}, err
	}
	if statusSize < 1 || statusSize > MaxStatusSize {
		return Entry{}, fmt.Errorf("%w: statusSize %d (1 to %d)", ErrUnsupported, statusSize, MaxStatusSize)
	}
	if err := checkMessages(statusSize, messages); err != nil {
		return Entry{}, err
	}
	e.StatusSize = statusSize
	e.StatusMessage = append([]Message(nil), messages...)
	if reference != "" {
		e.StatusReference = []string{reference}
	}
	return e, nil
}

// MessageOf returns the message that the entry's statusMessage gives value, or "" when it
// gives none (an entry of one bit without statusMessage).
func (e Entry) MessageOf(value int) string {
	for _, m := range e.StatusMessage {
		if v, err := parseHexStatus(m.Status); err == nil && v == value {
			return m.Message
		}
	}
	return ""
}

// parseMessages reads a decoded statusMessage array.
func parseMessages(raw any) ([]Message, error) {
	arr, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("%w: statusMessage must be an array", ErrMalformed)
	}
	out := make([]Message, 0, len(arr))
	for _, x := range arr {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: each statusMessage element must be an object", ErrMalformed)
		}
		st, ok1 := m["status"].(string)
		msg, ok2 := m["message"].(string)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%w: each statusMessage element must have a status and a message string", ErrMalformed)
		}
		out = append(out, Message{Status: st, Message: msg})
	}
	return out, nil
}

// checkMessages applies the Recommendation's rules: statusMessage MUST be present when the
// entry has more than one bit, and when present it has one element per possible value
// (2^statusSize), each status a hexadecimal value "0x…". Each value must be explained once.
func checkMessages(statusSize int, ms []Message) error {
	if ms == nil {
		if statusSize > 1 {
			return fmt.Errorf("%w: statusMessage is required when statusSize is %d", ErrMalformed, statusSize)
		}
		return nil
	}
	n := 1 << statusSize
	if len(ms) != n {
		return fmt.Errorf("%w: statusMessage has %d elements, statusSize %d needs %d", ErrMalformed, len(ms), statusSize, n)
	}
	seen := make([]bool, n)
	for _, m := range ms {
		v, err := parseHexStatus(m.Status)
		if err != nil || v >= n {
			return fmt.Errorf("%w: statusMessage status %q is not a value of %d bits written 0x…", ErrMalformed, m.Status, statusSize)
		}
		if seen[v] {
			return fmt.Errorf("%w: statusMessage explains status %s twice", ErrMalformed, m.Status)
		}
		seen[v] = true
	}
	return nil
}

// parseHexStatus reads "0x1f"-style status values (the prefix is required).
func parseHexStatus(s string) (int, error) {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || h == "" || len(h) > 8 {
		return 0, fmt.Errorf("%w: status %q", ErrMalformed, s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("%w: status %q", ErrMalformed, s)
	}
	return int(v), nil
}
