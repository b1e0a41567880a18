package pokot

// The workflow of one version:
//
//	draft → review → approved → published → archived
//	review → draft (changes requested)
//
// Approval needs an org admin or a designer other than the version's author, so that two
// people have read every published description. Approval and publication also need the
// quality gate to pass (checked by the store with Quality).

// hasRole reports whether roles contains one of want.
func hasRole(roles []Role, want ...Role) bool {
	for _, r := range roles {
		for _, w := range want {
			if r == w {
				return true
			}
		}
	}
	return false
}

// CanDesign reports whether roles allow creating and editing POKs of the organisation.
func CanDesign(roles []Role) bool { return hasRole(roles, RoleDesigner, RoleOrgAdmin) }

// TransitionAction returns the audit action of a transition, "" when from → to is not a
// transition of the workflow.
func TransitionAction(from, to Status) string {
	switch {
	case from == StatusDraft && to == StatusReview:
		return ActionSubmit
	case from == StatusReview && to == StatusDraft:
		return ActionRequestChanges
	case from == StatusReview && to == StatusApproved:
		return ActionApprove
	case from == StatusApproved && to == StatusPublished:
		return ActionPublish
	case from == StatusPublished && to == StatusArchived:
		return ActionArchive
	}
	return ""
}

// CheckTransition decides whether userID, holding roles in the POK's organisation, may move
// v to status to. ECONFLICT "err.mc.bad_transition" for a move the workflow does not have;
// EFORBIDDEN "err.mc.forbidden" for someone who does not design POKs there, and
// "err.mc.self_approval" for a designer approving their own version.
func CheckTransition(v *MicrocredentialVersion, to Status, userID int64, roles []Role) error {
	action := TransitionAction(v.Status, to)
	if action == "" {
		return &Error{Code: ECONFLICT, Key: "err.mc.bad_transition", Field: "status",
			Message: "a version in status " + string(v.Status) + " cannot move to " + string(to)}
	}
	if !CanDesign(roles) {
		return &Error{Code: EFORBIDDEN, Key: "err.mc.forbidden", Message: "only designers and organisation administrators may do this"}
	}
	if action == ActionApprove && !hasRole(roles, RoleOrgAdmin) && v.CreatedBy == userID {
		return &Error{Code: EFORBIDDEN, Key: "err.mc.self_approval",
			Message: "another designer or an organisation administrator must approve your version"}
	}
	return nil
}

// Editable reports whether a version's content may still change.
func (v *MicrocredentialVersion) Editable() bool { return v.Status == StatusDraft }
