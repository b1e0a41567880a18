package pokot

import (
	"crypto/rand"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Learning outcomes carry a stable identifier (LearningOutcome.ID) so that what refers to
// one outcome — a co-design comment's anchor above all — keeps referring to it when other
// outcomes are added, removed or reordered, and in later versions (a new version copies
// the IDs). The store gives an ID to every outcome saved without one; descriptions stored
// before IDs existed are read with the ID of their position (LegacyOutcomeIDs), which is
// also what the comment anchors of that time ("outcomes[2].text") named.

// outcomeIDRE is the form of an outcome ID: a lower-case letter, then letters and digits.
var outcomeIDRE = regexp.MustCompile(`^[a-z][a-z0-9]{1,15}$`)

// ValidOutcomeID reports whether s has the form of a learning outcome ID.
func ValidOutcomeID(s string) bool { return outcomeIDRE.MatchString(s) }

const idLetters = "abcdefghijklmnopqrstuvwxyz"
const idChars = idLetters + "0123456789"

// NewOutcomeID returns a new random learning outcome ID of 8 characters (a letter, then
// letters and digits: about 41 bits, unique within one description with room to spare).
func NewOutcomeID() string {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	out := make([]byte, len(b))
	out[0] = idLetters[int(b[0])%len(idLetters)]
	for i := 1; i < len(b); i++ {
		out[i] = idChars[int(b[i])%len(idChars)]
	}
	return string(out)
}

// LegacyOutcomeID is the ID that LegacyOutcomeIDs gives the outcome at index i: "n0", "n1"…
func LegacyOutcomeID(i int) string { return "n" + strconv.Itoa(i) }

// LegacyOutcomeIDs gives the outcomes of a description stored before outcomes had IDs the
// ID of their position (LegacyOutcomeID). A description where any outcome has an ID is
// left alone: it was stored by a version that assigns them.
func LegacyOutcomeIDs(c *MicrocredentialContent) {
	for _, o := range c.Outcomes {
		if o.ID != "" {
			return
		}
	}
	for i := range c.Outcomes {
		c.Outcomes[i].ID = LegacyOutcomeID(i)
	}
}

// CheckOutcomeIDs refuses IDs that are malformed or used twice in c ("outcomes[i].id",
// EINVALID "err.mc.outcome_id"). Empty IDs are fine: AssignOutcomeIDs fills them.
func CheckOutcomeIDs(c *MicrocredentialContent) error {
	var es Errors
	seen := map[string]bool{}
	for i, o := range c.Outcomes {
		if o.ID == "" {
			continue
		}
		if !ValidOutcomeID(o.ID) || seen[o.ID] {
			es = append(es, FieldError(fmt.Sprintf("outcomes[%d].id", i), "err.mc.outcome_id",
				"a learning outcome's id must be 2–16 lower-case letters and digits, starting with a letter, and used once; leave it out for a new outcome"))
		}
		seen[o.ID] = true
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// AssignOutcomeIDs gives every outcome of c without an ID one. When prev (the stored
// description being replaced; may be nil) has an outcome with the same text that c does
// not already use, its ID is taken over, so that a client that sends outcomes without
// their IDs does not cut the comments of unchanged ones loose; otherwise the ID is new.
func AssignOutcomeIDs(c, prev *MicrocredentialContent) {
	used := map[string]bool{}
	for _, o := range c.Outcomes {
		if o.ID != "" {
			used[o.ID] = true
		}
	}
	var old []LearningOutcome
	if prev != nil {
		old = prev.Outcomes
	}
	for i := range c.Outcomes {
		o := &c.Outcomes[i]
		if o.ID != "" {
			continue
		}
		for _, p := range old {
			if p.ID != "" && !used[p.ID] && sameText(p.Text, o.Text) {
				o.ID = p.ID
				break
			}
		}
		for o.ID == "" || used[o.ID] {
			o.ID = NewOutcomeID()
		}
		used[o.ID] = true
	}
}

// sameText reports whether two texts say the same in every language (surrounding space
// aside) and say something.
func sameText(a, b Text) bool {
	n := 0
	for _, l := range Langs {
		if strings.TrimSpace(a[l]) != strings.TrimSpace(b[l]) {
			return false
		}
		if strings.TrimSpace(a[l]) != "" {
			n++
		}
	}
	return n > 0
}

// OutcomeIndex returns the index of the outcome with ID id in c, or -1.
func (c *MicrocredentialContent) OutcomeIndex(id string) int {
	for i, o := range c.Outcomes {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// OutcomeAnchor is the comment anchor of part ("text", "criteria", … or "" for the
// outcome as a whole) of the outcome with ID id: "outcomes[k3x9ab2c].text".
func OutcomeAnchor(id, part string) string {
	a := "outcomes[" + id + "]"
	if part != "" {
		a += "." + part
	}
	return a
}

// outcomeAnchorRE matches an anchor on one learning outcome: by ID, or by the index that
// anchors written before outcome IDs used.
var outcomeAnchorRE = regexp.MustCompile(`^outcomes\[([a-z][a-z0-9]{1,15}|[0-9]{1,3})\]((?:\.[a-zA-Z]+){0,2})$`)

// ParseOutcomeAnchor splits an anchor on one learning outcome into the outcome's ID and
// the rest (".criteria.sv", or ""); ok is false for any other anchor. index is the outcome's
// position when the anchor names it the old way, by index ("outcomes[2].text"), and -1
// when it names it by ID.
func ParseOutcomeAnchor(a string) (id string, index int, rest string, ok bool) {
	m := outcomeAnchorRE.FindStringSubmatch(a)
	if m == nil {
		return "", -1, "", false
	}
	if n, err := strconv.Atoi(m[1]); err == nil {
		return LegacyOutcomeID(n), n, m[2], true
	}
	return m[1], -1, m[2], true
}
