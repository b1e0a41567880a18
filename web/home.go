package web

import (
	"net/http"
	"sort"

	"github.com/pokot/pokot"
)

type homeData struct {
	Events       []*pokot.Event
	Publications []*pokot.Publication
	SetupOpen    bool
}

// home is the public front page: what POKOT is, upcoming events and recent publications.
func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	events, err := s.store.Events(ctx)
	if err != nil {
		return err
	}
	pubs, err := s.store.Publications(ctx)
	if err != nil {
		return err
	}
	admins, err := s.store.CountAdmins(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	var upcoming []*pokot.Event
	for _, e := range events {
		end := e.Ends
		if end.IsZero() {
			end = e.Starts
		}
		if !end.Before(now) {
			upcoming = append(upcoming, e)
		}
	}
	sort.Slice(upcoming, func(i, j int) bool { return upcoming[i].Starts.Before(upcoming[j].Starts) })
	if len(upcoming) > 6 {
		upcoming = upcoming[:6]
	}
	sort.SliceStable(pubs, func(i, j int) bool { return pubs[i].Published.After(pubs[j].Published) })
	if len(pubs) > 6 {
		pubs = pubs[:6]
	}
	return s.render(w, r, http.StatusOK, "home", homeData{Events: upcoming, Publications: pubs, SetupOpen: admins == 0}, nil)
}
