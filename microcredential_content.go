package pokot

// MicrocredentialContent is everything a POK description says: the EU Annex I elements
// (mandatory and optional) and the Finnish and practical fields. Every text a reader sees is
// a language map {fi, sv, en}; Finnish is required at publication. A draft may be
// incomplete: ValidateDraft checks only the form of what is there, ValidatePublish also that
// every mandatory element is present. Stored as JSON; field names are stable.
type MicrocredentialContent struct {
	Title       Text              `json:"title"`
	Description Text              `json:"description"`
	Outcomes    []LearningOutcome `json:"outcomes"`
	Workload    Workload          `json:"workload"`
	EQFLevel    int               `json:"eqfLevel"`           // 1–8; 0 while unset
	NQFLevel    int               `json:"nqfLevel,omitempty"` // Finnish NQF = EQF; 0 means "same as EQF"
	Assessment  []AssessmentType  `json:"assessment"`
	// AssessmentInfo describes the assessment in the designer's words.
	AssessmentInfo   Text                `json:"assessmentInfo,omitempty"`
	Participation    []ParticipationForm `json:"participation"`
	QualityAssurance Text                `json:"qualityAssurance"`

	// Optional Annex I elements.
	Prerequisites Text          `json:"prerequisites,omitempty"`
	Supervision   Supervision   `json:"supervision,omitempty"`
	Grading       GradingScheme `json:"grading,omitempty"`
	Stackability  Stackability  `json:"stackability"`
	FurtherInfo   Text          `json:"furtherInfo,omitempty"`

	// Finnish and practical fields.
	ISCEDField     string               `json:"iscedField,omitempty"` // ISCED-F 2013 code, e.g. "0913"
	TargetGroup    Text                 `json:"targetGroup,omitempty"`
	Languages      []string             `json:"languages,omitempty"` // of instruction, ISO 639-1
	Duration       Text                 `json:"duration,omitempty"`  // e.g. "8 viikkoa"
	Delivery       Delivery             `json:"delivery"`
	Price          Price                `json:"price"`
	IsPOK          bool                 `json:"isPOK"` // pieni osaamiskokonaisuus (Kouta isPieniOsaamiskokonaisuus)
	Keywords       map[Lang][]string    `json:"keywords,omitempty"`
	ValidityMonths int                  `json:"validityMonths,omitempty"` // 0: the credential does not expire
	Image          *BadgeImage          `json:"image,omitempty"`
	Contact        Contact              `json:"contact"`
	Partners       []WorkingLifePartner `json:"partners,omitempty"` // co-designing organisations
}

// LearningOutcome is one learning outcome with its own assessment criteria and the ESCO
// skills and occupations it relates to. ID identifies it within its POK across edits and
// versions (see microcredential_outcomeid.go); the store assigns it.
type LearningOutcome struct {
	ID          string    `json:"id,omitempty"`
	Text        Text      `json:"text"`
	Criteria    Text      `json:"criteria"`
	Skills      []Concept `json:"skills,omitempty"`
	Occupations []Concept `json:"occupations,omitempty"`
}

// Concept is a reference to an ESCO skill or occupation: its URI and a label to show.
type Concept struct {
	URI   string `json:"uri"`
	Label Text   `json:"label"`
}

// WorkloadUnit is the unit in which a workload is given. It is stored with the number and
// never converted.
type WorkloadUnit string

// The workload units.
const (
	UnitOSP   WorkloadUnit = "osp" // osaamispiste (vocational, competence-based)
	UnitOP    WorkloadUnit = "op"  // opintopiste = ECTS credit (higher education)
	UnitHours WorkloadUnit = "h"   // hours (non-regulated training)
)

// WorkloadUnits lists the units in display order.
var WorkloadUnits = []WorkloadUnit{UnitOSP, UnitOP, UnitHours}

// Workload is the notional workload: a number and its unit.
type Workload struct {
	Value float64      `json:"value"`
	Unit  WorkloadUnit `json:"unit"`
}

// AssessmentType is a type of assessment (Annex I element 9).
type AssessmentType string

// The assessment types.
const (
	AssessTest          AssessmentType = "test"
	AssessDemonstration AssessmentType = "demonstration" // näyttö: application of a skill at work
	AssessPortfolio     AssessmentType = "portfolio"
	AssessProject       AssessmentType = "project"
	AssessAssignment    AssessmentType = "assignment"
	AssessObservation   AssessmentType = "observation"
	AssessInterview     AssessmentType = "interview"
	AssessRPL           AssessmentType = "rpl" // recognition of prior learning
)

// AssessmentTypes lists every assessment type.
var AssessmentTypes = []AssessmentType{AssessTest, AssessDemonstration, AssessPortfolio, AssessProject,
	AssessAssignment, AssessObservation, AssessInterview, AssessRPL}

// ParticipationForm is a form of participation (Annex I element 10).
type ParticipationForm string

// The forms of participation.
const (
	ParticipationOnline         ParticipationForm = "online"
	ParticipationOnsite         ParticipationForm = "onsite"
	ParticipationBlended        ParticipationForm = "blended"
	ParticipationWorkExperience ParticipationForm = "work_experience"
	ParticipationVolunteering   ParticipationForm = "volunteering"
)

// ParticipationForms lists every form of participation.
var ParticipationForms = []ParticipationForm{ParticipationOnline, ParticipationOnsite, ParticipationBlended,
	ParticipationWorkExperience, ParticipationVolunteering}

// Supervision is the supervision and identity verification during assessment: the three
// values of Annex I, or "" when not stated.
type Supervision string

// The supervision values.
const (
	UnsupervisedNoID Supervision = "unsupervised_no_id"
	SupervisedNoID   Supervision = "supervised_no_id"
	SupervisedWithID Supervision = "supervised_with_id" // online or onsite, with identity check
)

// Supervisions lists the supervision values.
var Supervisions = []Supervision{UnsupervisedNoID, SupervisedNoID, SupervisedWithID}

// GradingScheme is how the achievement is graded, or "" when not stated.
type GradingScheme string

// The grading schemes used in Finnish education.
const (
	GradePassFail GradingScheme = "pass_fail" // hyväksytty/hylätty
	Grade1to5     GradingScheme = "1-5"       // vocational and UAS
	Grade0to5     GradingScheme = "0-5"
	Grade1to3     GradingScheme = "1-3"
)

// GradingSchemes lists the grading schemes.
var GradingSchemes = []GradingScheme{GradePassFail, Grade1to5, Grade0to5, Grade1to3}

// StackKind says whether a POK stands alone or stacks toward something.
type StackKind string

// The stackability kinds.
const (
	Standalone             StackKind = "standalone"
	StackQualificationUnit StackKind = "qualification_unit" // a tutkinnon osa in ePerusteet
	StackMicrocredential   StackKind = "microcredential"    // another POK on this platform
)

// Stackability is the integration/stackability element; "" Kind means standalone.
type Stackability struct {
	Kind StackKind         `json:"kind,omitempty"`
	Unit QualificationUnit `json:"unit,omitempty"`
	// MicrocredentialID names the POK this one stacks toward (StackMicrocredential).
	MicrocredentialID int64 `json:"microcredentialId,omitempty"`
}

// QualificationUnit is a unit of a Finnish qualification (tutkinnon osa) as published in
// ePerusteet.
type QualificationUnit struct {
	Code string `json:"code,omitempty"` // e.g. "106936"
	Name Text   `json:"name,omitempty"`
	URL  string `json:"url,omitempty"` // https://eperusteet.opintopolku.fi/…
}

// ScheduleType says how the implementation is timed.
type ScheduleType string

// The schedule types.
const (
	ScheduleFixed      ScheduleType = "scheduled"  // fixed dates for a group
	ScheduleSelfPaced  ScheduleType = "self_paced" // start and proceed at any time
	ScheduleContinuous ScheduleType = "continuous" // continuous intake, guided
)

// ScheduleTypes lists the schedule types.
var ScheduleTypes = []ScheduleType{ScheduleFixed, ScheduleSelfPaced, ScheduleContinuous}

// Delivery is the implementation (toteutus): how it is timed and where.
type Delivery struct {
	Schedule ScheduleType `json:"schedule,omitempty"`
	Place    Text         `json:"place,omitempty"` // e.g. "Hämeenlinna ja verkossa"
}

// Price is what a learner pays, in euros, and whether Jotpa funds the training.
type Price struct {
	EUR   float64 `json:"eur"` // 0: free of charge
	Jotpa bool    `json:"jotpa"`
	Info  Text    `json:"info,omitempty"`
}

// Contact is the person to ask about the POK.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// WorkingLifePartner is an organisation of working life that took part in the design.
type WorkingLifePartner struct {
	Name string `json:"name"`
	Role Text   `json:"role,omitempty"` // what they contributed
}
