package pokot

import (
	"context"
	"time"
)

// Event is a webinar, workshop or meeting of the community (placeholder content until the
// events capability lands).
type Event struct {
	ID          int64
	OrgID       *int64
	Title       Text
	Description Text
	Starts      time.Time
	Ends        time.Time
	Place       string
	Online      bool
}

// Publication is a report, article or blog post of the community.
type Publication struct {
	ID        int64
	OrgID     *int64
	Title     Text
	Summary   Text
	URL       string
	Published time.Time
}

// ContentService stores events and publications.
type ContentService interface {
	CreateEvent(ctx context.Context, e *Event) error
	Events(ctx context.Context) ([]*Event, error)
	CreatePublication(ctx context.Context, p *Publication) error
	Publications(ctx context.Context) ([]*Publication, error)
}
