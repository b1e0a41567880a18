package pokot

import (
	"regexp"
	"strings"
	"time"
)

// PartnerGrant invites a working-life partner, by e-mail address, to co-design one POK:
// they see its versions, comment on them and sign off, and see nothing else of the
// organisation. UserID is filled when an account with the address exists.
type PartnerGrant struct {
	ID                int64
	OrgID             int64
	MicrocredentialID int64
	Email             string
	UserID            *int64
	InvitedBy         int64
	Created           time.Time
}

// Comment is a remark on a POK version, anchored to a field path of the content (e.g.
// "title", "outcomes[2].criteria", "" for the whole version). A reply names its thread's
// first comment as ParentID; resolving is recorded on that first comment.
type Comment struct {
	ID                int64
	OrgID             int64
	MicrocredentialID int64
	Version           int
	ParentID          *int64
	Anchor            string
	AuthorID          int64
	Body              string
	Mentions          []int64 // users named with @ in Body
	ResolvedBy        *int64
	ResolvedAt        *time.Time
	Created           time.Time
	AuthorName        string // filled by listings
}

// Thread is a first comment and its replies, oldest first.
type Thread struct {
	*Comment
	Replies []*Comment
}

// Resolved reports whether the thread is resolved.
func (t *Thread) Resolved() bool { return t.ResolvedAt != nil }

// Threads groups comments (as Comments returns them, oldest first) into threads.
func Threads(cs []*Comment) []*Thread {
	var ts []*Thread
	byID := map[int64]*Thread{}
	for _, c := range cs {
		if c.ParentID == nil {
			t := &Thread{Comment: c}
			byID[c.ID] = t
			ts = append(ts, t)
		}
	}
	for _, c := range cs {
		if c.ParentID != nil {
			if t := byID[*c.ParentID]; t != nil {
				t.Replies = append(t.Replies, c)
			}
		}
	}
	return ts
}

// SignOff records that a working-life partner accepted one version of a POK.
type SignOff struct {
	ID                int64
	OrgID             int64
	MicrocredentialID int64
	Version           int
	UserID            int64
	Note              string
	Created           time.Time
	UserName          string // filled by listings
}

// Mentionable is a person who can be @-mentioned in a comment.
type Mentionable struct {
	UserID int64
	Email  string
	Name   string
}

var mentionRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}._%+-])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}.-]+\.[\p{L}]{2,})?)`)

// ParseMentions returns the user IDs of the people that body mentions with "@": by e-mail
// address ("@anna.virtanen@hamk.fi", case-insensitive), by the local part of the address
// ("@anna.virtanen") or by name ("@Anna Virtanen" — the longest name that follows the @ wins;
// first names alone are too ambiguous to count). Each user appears once, in order of mention.
func ParseMentions(body string, people []Mentionable) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, m := range mentionRE.FindAllStringSubmatchIndex(body, -1) {
		tok := strings.TrimRight(body[m[2]:m[3]], ".")
		lt := strings.ToLower(tok)
		rest := strings.ToLower(body[m[2]:])
		found := false
		for _, p := range people {
			e := strings.ToLower(p.Email)
			if e != "" && (lt == e || (!strings.Contains(lt, "@") && lt == e[:strings.IndexByte(e+"@", '@')])) {
				add(p.UserID)
				found = true
				break
			}
		}
		if found {
			continue
		}
		best, bestLen := int64(0), 0
		for _, p := range people {
			n := strings.ToLower(strings.TrimSpace(p.Name))
			if strings.Count(n, " ") == 0 || len(n) <= bestLen || !strings.HasPrefix(rest, n) {
				continue
			}
			// The name must end at a word boundary.
			if len(rest) > len(n) {
				if r := rest[len(n)]; r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
					continue
				}
			}
			best, bestLen = p.UserID, len(n)
		}
		if bestLen > 0 {
			add(best)
		}
	}
	return ids
}
