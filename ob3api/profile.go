package ob3api

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// obContext is the JSON-LD context of OB 3.0 documents.
var obContext = []string{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}

// profile is the learner's OB 3.0 Profile: an id stable for this site and user that does
// not reveal the user's number, the name and the e-mail address.
func (s *Server) profile(u *pokot.User) map[string]any {
	return map[string]any{
		"@context": obContext,
		"id":       profileID(s.base, u.ID),
		"type":     []string{"Profile"},
		"name":     u.Name,
		"email":    u.Email,
	}
}

// profileID is a name-based UUID (version 5 layout) of the site and the user.
func profileID(base string, userID int64) string {
	h := sha1.Sum([]byte(base + "\x00pokot-profile\x00" + strconv.FormatInt(userID, 10)))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (s *Server) getProfile(w http.ResponseWriter, r *http.Request, u *pokot.User, _ *pokot.OAuthToken) error {
	writeJSON(w, http.StatusOK, s.profile(u))
	return nil
}

// putProfile updates the learner's name from a Profile; the e-mail address (the key to
// the credentials issued here) and the id cannot be changed through the API.
func (s *Server) putProfile(w http.ResponseWriter, r *http.Request, u *pokot.User, _ *pokot.OAuthToken) error {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" && !strings.HasSuffix(mt, "+json") {
		s.fail(w, r, http.StatusUnsupportedMediaType, "invalid_data", "send the Profile as application/json", nil)
		return nil
	}
	body, err := readBody(w, r, maxBody)
	if err != nil {
		return err
	}
	var p struct {
		ID    *string `json:"id"`
		Name  *string `json:"name"`
		Email *string `json:"email"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return &pokot.Error{Code: pokot.EINVALID, Message: "the body is not a Profile JSON object"}
	}
	switch {
	case p.ID != nil && *p.ID != profileID(s.base, u.ID):
		return &pokot.Error{Code: pokot.EINVALID, Message: "the profile's id cannot be changed"}
	case p.Email != nil && !strings.EqualFold(strings.TrimSpace(*p.Email), u.Email):
		return &pokot.Error{Code: pokot.EINVALID, Message: "the e-mail address cannot be changed through the API; change it on the profile page"}
	case p.Name == nil:
		return &pokot.Error{Code: pokot.EINVALID, Message: "name is required"}
	}
	name := strings.TrimSpace(*p.Name)
	if name == "" || len(name) > 200 {
		return &pokot.Error{Code: pokot.EINVALID, Message: "name must be 1 to 200 characters"}
	}
	u.Name = name
	if err := s.store.UpdateUser(r.Context(), u); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.profile(u))
	return nil
}
