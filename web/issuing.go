package web

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// Learner states on the issuing page.
const (
	learnerNotPassed = "not_passed" // not passed every outcome yet
	learnerReady     = "ready"      // passed, no credential yet
	learnerPending   = "pending"    // reserved by a batch that is still running
	learnerFailed    = "failed"     // reserved by a batch that failed
	learnerIssued    = "issued"
	learnerRevoked   = "revoked"
	learnerSuspended = "suspended"
)

// issuingRow is one learner's credential status.
type issuingRow struct {
	Reg        *pokot.Registration
	State      string
	Grade      string
	Credential *pokot.IssuedCredential
	Reason     string // why a batch failed, or why the credential was revoked/suspended
	UUID       string // the credential id without "urn:uuid:", for addresses
}

type issuingData struct {
	*offeringCtx
	Base     string
	Rows     []*issuingRow
	Ready    int
	Running  *pokot.IssueBatch // a queued or running batch
	Batches  []*pokot.IssueBatch
	Error    string // catalog key of a refused start
	Outcomes int
}

// issuingPage lists every learner's credential status and starts a batch for those who
// passed.
func (s *server) issuingPage(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	return s.renderIssuing(w, r, http.StatusOK, oc, ds, "")
}

func (s *server) renderIssuing(w http.ResponseWriter, r *http.Request, status int, oc *offeringCtx, ds deliveryStore, errKey string) error {
	ctx := r.Context()
	g, err := ds.Grid(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	cs, err := ds.IssuedCredentials(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	bs, err := ds.IssueBatches(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	batch := map[int64]*pokot.IssueBatch{}
	for _, b := range bs {
		batch[b.ID] = b
	}
	byReg := map[int64]*pokot.IssuedCredential{}
	byEmail := map[string]*pokot.IssuedCredential{}
	for _, c := range cs {
		byReg[c.RegistrationID] = c
		byEmail[c.Email] = c
	}
	d := issuingData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Batches: bs, Error: errKey, Outcomes: len(g.Outcomes)}
	for _, b := range bs {
		if b.Status == pokot.BatchQueued || b.Status == pokot.BatchRunning {
			d.Running = b
			break
		}
	}
	for _, gr := range g.Rows {
		row := &issuingRow{Reg: shownReg(gr.Registration, st(r).lang), Grade: gr.Grade, State: learnerNotPassed}
		c := byReg[gr.Registration.ID]
		if c == nil {
			c = byEmail[gr.Registration.Email]
		}
		switch {
		case c == nil && gr.Eligible:
			row.State = learnerReady
			d.Ready++
		case c == nil:
		case c.State == pokot.CredentialPending:
			row.State = learnerPending
			if b := batch[c.BatchID]; b != nil && b.Status == pokot.BatchFailed {
				row.State, row.Reason = learnerFailed, b.LastError
			}
		case c.RevokedAt != nil:
			row.State, row.Reason = learnerRevoked, c.StatusReason
		case c.SuspendedAt != nil:
			row.State, row.Reason = learnerSuspended, c.StatusReason
		default:
			row.State = learnerIssued
		}
		if c != nil {
			row.Credential = c
			row.UUID = uuidOf(c.CredentialID)
			if c.Grade != "" {
				row.Grade = c.Grade
			}
		}
		d.Rows = append(d.Rows, row)
	}
	return s.render(w, r, status, "issuing", d, nil)
}

// uuidOf strips "urn:uuid:" from a credential id.
func uuidOf(id string) string {
	const p = "urn:uuid:"
	if len(id) > len(p) && id[:len(p)] == p {
		return id[len(p):]
	}
	return id
}

// startIssuing starts a batch for every learner who passed and has no credential, and
// shows its progress page.
func (s *server) startIssuing(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	b, err := ds.StartIssueBatch(r.Context(), oc.Org.ID, oc.Offering.ID, st(r).user.ID)
	switch pokot.ErrorCode(err) {
	case "":
		s.redirectFlash(w, r, offeringBase(oc.Org, oc.Offering.ID)+"/issuing/"+strconv.FormatInt(b.ID, 10), "flash.issue.started")
		return nil
	case pokot.EINVALID, pokot.ECONFLICT:
		key := "err.issue.none_eligible"
		if pokot.ErrorCode(err) == pokot.ECONFLICT {
			key = "err.issue.batch_running"
		}
		return s.renderIssuing(w, r, statusOf(pokot.ErrorCode(err)), oc, ds, key)
	}
	return err
}

type batchData struct {
	*offeringCtx
	Base     string
	Batch    *pokot.IssueBatch
	Finished bool
	Percent  int    // done of total, rounded down
	Progress string // URL of the JSON progress
}

// loadBatch reads {batch} of the offering.
func (s *server) loadBatch(r *http.Request) (*offeringCtx, *pokot.IssueBatch, error) {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("batch"), 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, notFoundErr()
	}
	b, err := ds.IssueBatch(r.Context(), oc.Org.ID, id)
	if err != nil {
		return nil, nil, err
	}
	if b.OfferingID != oc.Offering.ID {
		return nil, nil, notFoundErr()
	}
	return oc, b, nil
}

func batchFinished(b *pokot.IssueBatch) bool {
	return b.Status == pokot.BatchDone || b.Status == pokot.BatchFailed
}

// batchPage shows a batch's progress, read from the database on every load, so that it
// can be left and come back to; app.js-free browsers use the "Päivitä" link.
func (s *server) batchPage(w http.ResponseWriter, r *http.Request) error {
	oc, b, err := s.loadBatch(r)
	if err != nil {
		return err
	}
	base := offeringBase(oc.Org, oc.Offering.ID)
	pct := 0
	if b.Total > 0 {
		pct = 100 * b.Done / b.Total
	}
	return s.render(w, r, http.StatusOK, "issuingbatch", batchData{offeringCtx: oc, Base: base, Batch: b, Percent: pct,
		Finished: batchFinished(b), Progress: base + "/issuing/" + strconv.FormatInt(b.ID, 10) + "/progress"}, nil)
}

// batchProgress is the JSON that delivery.js polls to move the progress bar.
func (s *server) batchProgress(w http.ResponseWriter, r *http.Request) error {
	_, b, err := s.loadBatch(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(map[string]any{
		"status": b.Status, "total": b.Total, "done": b.Done, "failed": b.Failed, "finished": batchFinished(b),
	})
}
