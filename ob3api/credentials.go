package ob3api

import (
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/vcjwt"
)

// Paging of GET /credentials.
const (
	defaultLimit = 25
	maxLimit     = 100
)

// credentialsResponse is GetOpenBadgeCredentialsResponse: JSON-LD credentials and
// VC-JWTs in separate lists.
type credentialsResponse struct {
	Credential       []json.RawMessage `json:"credential"`
	CompactJwsString []string          `json:"compactJwsString"`
}

// getCredentials lists the learner's wallet a page at a time (limit, offset) with the
// total in X-Total-Count and first/prev/next/last links in Link (RFC 8288).
func (s *Server) getCredentials(w http.ResponseWriter, r *http.Request, u *pokot.User, _ *pokot.OAuthToken) error {
	q := r.URL.Query()
	limit, offset := defaultLimit, 0
	var err error
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			s.fail(w, r, http.StatusBadRequest, "invalid_query_parameter", "limit must be a whole number of at least 1", nil)
			return nil
		}
		limit = min(limit, maxLimit)
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			s.fail(w, r, http.StatusBadRequest, "invalid_query_parameter", "offset must be a whole number of at least 0", nil)
			return nil
		}
	}
	page, total, err := s.store.WalletCredentials(r.Context(), u.ID, limit, offset)
	if err != nil {
		return err
	}
	out := credentialsResponse{Credential: []json.RawMessage{}, CompactJwsString: []string{}}
	for _, c := range page {
		if c.Format == pokot.WalletJWT {
			out.CompactJwsString = append(out.CompactJwsString, string(c.Data))
		} else {
			out.Credential = append(out.Credential, json.RawMessage(c.Data))
		}
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	if l := s.links(limit, offset, total); l != "" {
		w.Header().Set("Link", l)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// links returns the RFC 8288 Link header of a page: first and last always, prev and next
// where they exist.
func (s *Server) links(limit, offset, total int) string {
	at := func(off int, rel string) string {
		v := url.Values{"limit": {strconv.Itoa(limit)}, "offset": {strconv.Itoa(off)}}
		return "<" + s.base + "/ims/ob/v3p0/credentials?" + v.Encode() + `>; rel="` + rel + `"`
	}
	last := 0
	if total > 0 {
		last = (total - 1) / limit * limit
	}
	parts := []string{}
	if offset+limit < total {
		parts = append(parts, at(offset+limit, "next"))
	}
	parts = append(parts, at(last, "last"), at(0, "first"))
	if offset > 0 {
		parts = append(parts, at(max(offset-limit, 0), "prev"))
	}
	return strings.Join(parts, ", ")
}

// upsertCredential adds a credential to the learner's wallet or replaces the one with the
// same id: 201 when created, 200 when replaced, with the credential as stored. The body
// is an OpenBadgeCredential as JSON or a VC-JWT as text/plain; its structure is checked
// (VC Data Model 2.0 and OB 3.0 rules), not its proof.
func (s *Server) upsertCredential(w http.ResponseWriter, r *http.Request, u *pokot.User, t *pokot.OAuthToken) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var format string
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		format = pokot.WalletJSON
	case mt == "text/plain" || mt == "application/jwt" || mt == "application/vc+jwt":
		format = pokot.WalletJWT
	default:
		s.fail(w, r, http.StatusUnsupportedMediaType, "invalid_data", "send the credential as application/json or a compact JWS as text/plain", nil)
		return nil
	}
	body, err := readBody(w, r, maxCredentialBody)
	if err != nil {
		return err
	}
	doc, data, err := parseCredential(format, body)
	if err != nil {
		return err
	}
	c := &pokot.WalletCredential{UserID: u.ID, CredentialID: idOf(doc), Format: format, Data: data,
		Source: pokot.WalletAPI, ClientID: t.ClientID}
	created, err := s.store.UpsertWalletCredential(r.Context(), c)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	if format == pokot.WalletJWT {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		w.Write(data)
		return nil
	}
	writeJSON(w, status, json.RawMessage(data))
	return nil
}

// parseCredential reads a posted credential and checks its structure. It returns the
// credential and the bytes to store (the JSON or the JWS as sent, trimmed).
func parseCredential(format string, body []byte) (map[string]any, []byte, error) {
	invalid := func(msg string) error { return &pokot.Error{Code: pokot.EINVALID, Message: msg} }
	var doc map[string]any
	var data []byte
	if format == pokot.WalletJWT {
		tok, err := vcjwt.Parse(string(body))
		if err != nil {
			return nil, nil, invalid("the body is not a credential JWT: " + err.Error())
		}
		doc, data = tok.Credential, []byte(strings.TrimSpace(string(body)))
	} else {
		if err := json.Unmarshal(body, &doc); err != nil || doc == nil {
			return nil, nil, invalid("the body is not a JSON object")
		}
		data = []byte(strings.TrimSpace(string(body))) // as sent: its proof covers it
	}
	if !credential.IsOpenBadge(doc) {
		return nil, nil, invalid("the credential is not an OpenBadgeCredential (AchievementCredential)")
	}
	checks := append(credential.CheckStructure(doc, credential.StructureOptions{}), credential.CheckOB3(doc)...)
	var bad []string
	for _, c := range checks {
		if !c.OK {
			bad = append(bad, c.Name+": "+c.Message)
		}
	}
	if len(bad) > 0 {
		return nil, nil, invalid("the credential's structure is invalid: " + strings.Join(bad, "; "))
	}
	if idOf(doc) == "" {
		return nil, nil, invalid("the credential has no id")
	}
	return doc, data, nil
}

func idOf(doc map[string]any) string {
	id, _ := doc["id"].(string)
	return id
}
