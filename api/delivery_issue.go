package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/pokot/pokot"
)

// batchJSON is a batch of issuing with its progress, read from the database.
type batchJSON struct {
	ID         int64      `json:"id"`
	Job        int64      `json:"job"`
	Offering   int64      `json:"offering"`
	Status     string     `json:"status"` // queued, running, done, failed
	Total      int        `json:"total"`
	Done       int        `json:"done"`
	Failed     int        `json:"failed"`
	Finished   bool       `json:"finished"`
	LastError  string     `json:"lastError,omitempty"`
	Created    time.Time  `json:"created"`
	FinishedAt *time.Time `json:"finishedAt,omitempty"`
	URL        string     `json:"url"`
}

func (a *API) toBatchJSON(org *pokot.Organisation, b *pokot.IssueBatch) batchJSON {
	return batchJSON{ID: b.ID, Job: b.JobID, Offering: b.OfferingID, Status: b.Status, Total: b.Total, Done: b.Done,
		Failed: b.Failed, Finished: b.Status == pokot.BatchDone || b.Status == pokot.BatchFailed, LastError: b.LastError,
		Created: b.Created.UTC(), FinishedAt: utcPtr(b.FinishedAt),
		URL: a.offeringURL(org, b.OfferingID) + "/batches/" + strconv.FormatInt(b.ID, 10)}
}

// issue is POST /api/v1/orgs/{slug}/offerings/{id}/issue: the web's "approve and issue"
// button. It queues a batch of everyone who passed every outcome and has no credential
// (IssuanceService.StartIssueBatch, which checks that the caller assesses the offering)
// and answers 202 with the batch; its url shows the progress. 422 when nobody is waiting
// for a credential, 409 while another batch of the offering is queued or running.
func (a *API) issue(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	if !oc.canAssess {
		return forbiddenAssess()
	}
	b, err := oc.ds.StartIssueBatch(r.Context(), oc.org.ID, oc.offering.ID, u.ID)
	var e *pokot.Error
	if errors.As(err, &e) && e.Code == pokot.EINVALID {
		// Nobody to issue to is a refusal of the request as a whole: 422 as the other
		// refusals of a well-formed request, with the reason in the three languages.
		if e.Field == "" {
			e = &pokot.Error{Code: e.Code, Key: e.Key, Field: "offering", Message: e.Message}
		}
		a.localizedError(w, r, e)
		return nil
	}
	if err != nil {
		a.localizedError(w, r, err)
		return nil
	}
	j := a.toBatchJSON(oc.org, b)
	w.Header().Set("Location", j.URL)
	writeJSON(w, http.StatusAccepted, j)
	return nil
}

// batch is GET /api/v1/orgs/{slug}/offerings/{id}/batches/{batchId}: a batch's progress.
func (a *API) batch(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	notFound := &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.batch.not_found", Message: "no such batch in this offering"}
	id, err := strconv.ParseInt(r.PathValue("batchId"), 10, 64)
	if err != nil || id < 1 {
		return notFound
	}
	b, err := oc.ds.IssueBatch(r.Context(), oc.org.ID, id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND || (err == nil && (b.OrgID != oc.org.ID || b.OfferingID != oc.offering.ID)) {
		return notFound
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.toBatchJSON(oc.org, b))
	return nil
}
