package pokot

import "context"

// AccountEraser deletes an account as AccountService.DeleteUser does and also reports
// the learners who moved up from a waitlist to a seat that the deleted learner's cancelled
// registrations held, so that they can be told (as on any cancellation).
type AccountEraser interface {
	// DeleteUserPromoting is DeleteUser returning the promoted registrations; the same
	// errors.
	DeleteUserPromoting(ctx context.Context, userID int64) (promoted []*Registration, err error)
}
