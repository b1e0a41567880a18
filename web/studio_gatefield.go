package web

import (
	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// The checklist beside the editor lists everything the quality gate still misses. A gap in
// something the designer has already begun — a text written in Swedish but not in Finnish,
// an outcome without its criteria, an image without alternative text — is also shown at
// its field, so that the person who follows the checklist link lands on a field that says
// what to do. Elements not begun yet (no workload, no level) stay in the checklist only: a
// new draft full of red fields would read as a form filled in wrong.

// gateFieldKeys maps the gate checks shown at the field to their message there.
var gateFieldKeys = map[string]string{
	"quality.title":            "studio.gate_field.title",
	"quality.finnish":          "studio.gate_field.finnish",
	"quality.outcome_text":     "studio.gate_field.outcome_text",
	"quality.outcome_criteria": "studio.gate_field.outcome_criteria",
	"quality.image_alt":        "studio.gate_field.image_alt",
	"quality.stack_target":     "studio.gate_field.stack_target",
}

// gateFieldError records a failed check for its field, keyed by the field's element id,
// when the check is one shown at the field.
func gateFieldError(d *editData, c pokot.Check, l pokot.Lang) {
	key, ok := gateFieldKeys[c.Key]
	if !ok || c.OK || c.Severity != pokot.SeverityError || c.Field == "" {
		return
	}
	if d.gateAt == nil {
		d.gateAt = map[string]string{}
	}
	id := "ed-" + errField(c.Field)
	if _, dup := d.gateAt[id]; !dup {
		d.gateAt[id] = i18n.T(l, key)
	}
}

// showGateAtFields puts the recorded gate messages on the step's fields that have no
// error of their own.
func (d *editData) showGateAtFields() {
	if len(d.gateAt) == 0 {
		return
	}
	mark := func(fs []sfield) {
		for i := range fs {
			f := &fs[i]
			if msg, ok := d.gateAt[f.ID]; ok && f.Error == "" {
				f.Error = msg
			}
			for j := range f.ML {
				if msg, ok := d.gateAt[f.ML[j].ID]; ok && j > 0 && f.ML[j].Err == "" {
					f.ML[j].Err = msg
					f.Open = true
				}
			}
		}
	}
	mark(d.View.Fields)
	for i := range d.View.Outcomes {
		mark(d.View.Outcomes[i].Fields)
	}
}
