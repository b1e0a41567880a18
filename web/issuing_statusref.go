package web

import (
	"net/http"

	"github.com/pokot/pokot/credential/status"
)

// statusValueRow is one value of the message entries that the reference page explains.
type statusValueRow struct {
	Status  string // "0x1"
	Message string // "suspended", as in the credentials' statusMessage
	Key     string // catalog key of its meaning
}

// statusMeaning gives each value of status.RevocationSuspensionMessages its explanation.
var statusMeaning = map[string]string{"0x0": "statusref.valid", "0x1": "statusref.suspended", "0x2": "statusref.revoked", "0x3": "statusref.revoked_suspended"}

// credentialStatusValues is the public page that the statusReference of every Open
// Badge's message status entry names (issuer.StatusReferencePath): what each value of the
// two bits means, in the reader's language, for people and verifiers alike.
func (s *server) credentialStatusValues(w http.ResponseWriter, r *http.Request) error {
	var rows []statusValueRow
	for _, m := range status.RevocationSuspensionMessages() {
		rows = append(rows, statusValueRow{Status: m.Status, Message: m.Message, Key: statusMeaning[m.Status]})
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	return s.render(w, r, http.StatusOK, "credentialstatus", rows, nil)
}
