package credential

import "strings"

// messages holds every check message in Finnish, Swedish and English, so
// that a user interface can show a verification result in the reader's
// language. {0}, {1}… are replaced by the check's arguments (which are
// details in English, such as a URL or a parser error).
var messages = map[string]map[string]string{
	"verify.parse.ok":     {"en": "The credential was read.", "fi": "Osaamismerkki luettiin.", "sv": "Intyget lästes."},
	"verify.parse.bad":    {"en": "The credential could not be read: {0}", "fi": "Osaamismerkkiä ei voitu lukea: {0}", "sv": "Intyget kunde inte läsas: {0}"},
	"verify.structure.ok": {"en": "Passed.", "fi": "Kunnossa.", "sv": "Godkänt."},

	"verify.structure.vc.context.bad":      {"en": "The @context is not valid: {0}", "fi": "@context ei kelpaa: {0}", "sv": "@context är ogiltig: {0}"},
	"verify.structure.vc.type.bad":         {"en": "The credential type is not valid: {0}", "fi": "Osaamismerkin tyyppi ei kelpaa: {0}", "sv": "Intygets typ är ogiltig: {0}"},
	"verify.structure.vc.id.bad":           {"en": "The credential id is not valid: {0}", "fi": "Osaamismerkin tunniste ei kelpaa: {0}", "sv": "Intygets identifierare är ogiltig: {0}"},
	"verify.structure.vc.issuer.bad":       {"en": "The issuer is not valid: {0}", "fi": "Myöntäjä ei kelpaa: {0}", "sv": "Utfärdaren är ogiltig: {0}"},
	"verify.structure.vc.subject.bad":      {"en": "The credential subject is not valid: {0}", "fi": "Osaamismerkin saajan tiedot eivät kelpaa: {0}", "sv": "Uppgifterna om mottagaren är ogiltiga: {0}"},
	"verify.structure.vc.dates.bad":        {"en": "The validity dates are not valid: {0}", "fi": "Voimassaolon päivämäärät eivät kelpaa: {0}", "sv": "Giltighetsdatumen är ogiltiga: {0}"},
	"verify.structure.vc.status.bad":       {"en": "The status entry is not valid: {0}", "fi": "Tilatieto ei kelpaa: {0}", "sv": "Statusuppgiften är ogiltig: {0}"},
	"verify.structure.vc.schema.bad":       {"en": "The schema reference is not valid: {0}", "fi": "Skeemaviittaus ei kelpaa: {0}", "sv": "Schemahänvisningen är ogiltig: {0}"},
	"verify.structure.vc.related.bad":      {"en": "An evidence, terms of use, refresh or proof entry is not valid: {0}", "fi": "Näyttö-, käyttöehto-, päivitys- tai allekirjoitustieto ei kelpaa: {0}", "sv": "En bevis-, villkors-, förnyelse- eller signaturuppgift är ogiltig: {0}"},
	"verify.structure.vc.names.bad":        {"en": "A name or description is not valid: {0}", "fi": "Nimi tai kuvaus ei kelpaa: {0}", "sv": "Ett namn eller en beskrivning är ogiltig: {0}"},
	"verify.structure.vp.context.bad":      {"en": "The presentation @context is not valid: {0}", "fi": "Esityksen @context ei kelpaa: {0}", "sv": "Presentationens @context är ogiltig: {0}"},
	"verify.structure.vp.type.bad":         {"en": "The presentation type is not valid: {0}", "fi": "Esityksen tyyppi ei kelpaa: {0}", "sv": "Presentationens typ är ogiltig: {0}"},
	"verify.structure.vp.id.bad":           {"en": "The presentation id is not valid: {0}", "fi": "Esityksen tunniste ei kelpaa: {0}", "sv": "Presentationens identifierare är ogiltig: {0}"},
	"verify.structure.vp.holder.bad":       {"en": "The holder is not valid: {0}", "fi": "Haltija ei kelpaa: {0}", "sv": "Innehavaren är ogiltig: {0}"},
	"verify.structure.vp.credentials.bad":  {"en": "A credential in the presentation is not valid: {0}", "fi": "Esityksen osaamismerkki ei kelpaa: {0}", "sv": "Ett intyg i presentationen är ogiltigt: {0}"},
	"verify.structure.ob3.credential.bad":  {"en": "This is not an Open Badges 3.0 credential: {0}", "fi": "Tämä ei ole Open Badges 3.0 -osaamismerkki: {0}", "sv": "Detta är inte ett Open Badges 3.0-intyg: {0}"},
	"verify.structure.ob3.subject.bad":     {"en": "The achievement subject is not valid: {0}", "fi": "Osaamisen saajan tiedot eivät kelpaa: {0}", "sv": "Uppgifterna om mottagaren av prestationen är ogiltiga: {0}"},
	"verify.structure.ob3.achievement.bad": {"en": "The achievement is not valid: {0}", "fi": "Osaamiskokonaisuuden kuvaus ei kelpaa: {0}", "sv": "Beskrivningen av prestationen är ogiltig: {0}"},
	"verify.structure.ob3.issuer.bad":      {"en": "The issuer profile is not valid: {0}", "fi": "Myöntäjän tiedot eivät kelpaa: {0}", "sv": "Utfärdarens profil är ogiltig: {0}"},

	"verify.schema.ok":      {"en": "The credential matches the Open Badges 3.0 JSON Schema.", "fi": "Osaamismerkki vastaa Open Badges 3.0 -skeemaa.", "sv": "Intyget följer JSON-schemat för Open Badges 3.0."},
	"verify.schema.bad":     {"en": "The credential does not match the Open Badges 3.0 JSON Schema: {0}", "fi": "Osaamismerkki ei vastaa Open Badges 3.0 -skeemaa: {0}", "sv": "Intyget följer inte JSON-schemat för Open Badges 3.0: {0}"},
	"verify.schema.skipped": {"en": "Not an Open Badges 3.0 credential; the JSON Schema was not applied.", "fi": "Ei Open Badges 3.0 -osaamismerkki; skeemaa ei sovellettu.", "sv": "Inte ett Open Badges 3.0-intyg; JSON-schemat tillämpades inte."},

	"verify.proof.ok":            {"en": "The signature is valid ({0}).", "fi": "Allekirjoitus on kelvollinen ({0}).", "sv": "Signaturen är giltig ({0})."},
	"verify.proof.missing":       {"en": "The credential is not signed.", "fi": "Osaamismerkkiä ei ole allekirjoitettu.", "sv": "Intyget är inte signerat."},
	"verify.proof.bad_signature": {"en": "The signature does not match the content: the credential has been changed or was signed with another key.", "fi": "Allekirjoitus ei vastaa sisältöä: osaamismerkkiä on muutettu tai se on allekirjoitettu toisella avaimella.", "sv": "Signaturen stämmer inte med innehållet: intyget har ändrats eller signerats med en annan nyckel."},
	"verify.proof.unsupported":   {"en": "The signature type is not supported: {0}", "fi": "Allekirjoituksen tyyppiä ei tueta: {0}", "sv": "Signaturtypen stöds inte: {0}"},
	"verify.proof.invalid":       {"en": "The signature could not be checked: {0}", "fi": "Allekirjoitusta ei voitu tarkistaa: {0}", "sv": "Signaturen kunde inte kontrolleras: {0}"},
	"verify.proof.chain":         {"en": "The signatures do not fit together as a proof set or chain: {0}", "fi": "Allekirjoitukset eivät muodosta eheää joukkoa tai ketjua: {0}", "sv": "Signaturerna bildar ingen hel uppsättning eller kedja: {0}"},
	"verify.proofs.ok":           {"en": "All {0} signatures are valid ({1}).", "fi": "Kaikki {0} allekirjoitusta ovat kelvollisia ({1}).", "sv": "Alla {0} signaturer är giltiga ({1})."},
	"verify.proofs.ok_chain":     {"en": "All {0} signatures are valid ({1}), including {2} chained to earlier signatures (a proof chain).", "fi": "Kaikki {0} allekirjoitusta ovat kelvollisia ({1}); niistä {2} on ketjutettu aiempiin allekirjoituksiin (allekirjoitusketju).", "sv": "Alla {0} signaturer är giltiga ({1}), varav {2} är kedjade till tidigare signaturer (en signaturkedja)."},

	"verify.key.ok":         {"en": "The signing key {0} belongs to the issuer.", "fi": "Allekirjoitusavain {0} kuuluu myöntäjälle.", "sv": "Signeringsnyckeln {0} tillhör utfärdaren."},
	"verify.key.unresolved": {"en": "The signing key could not be found: {0}", "fi": "Allekirjoitusavainta ei löytynyt: {0}", "sv": "Signeringsnyckeln kunde inte hittas: {0}"},
	"verify.key.not_issuer": {"en": "The signing key does not belong to the issuer: {0}", "fi": "Allekirjoitusavain ei kuulu myöntäjälle: {0}", "sv": "Signeringsnyckeln tillhör inte utfärdaren: {0}"},
	"verify.key.skipped":    {"en": "The key was not checked because the signature could not be read.", "fi": "Avainta ei tarkistettu, koska allekirjoitusta ei voitu lukea.", "sv": "Nyckeln kontrollerades inte eftersom signaturen inte kunde läsas."},

	// Several proofs (a proof set or chain): one must be the issuer's, the others may be
	// a co-signer's, such as an endorser's.
	"verify.keys.ok":           {"en": "All {0} signatures were made with the issuer's keys: {1}", "fi": "Kaikki {0} allekirjoitusta on tehty myöntäjän avaimilla: {1}", "sv": "Alla {0} signaturer har gjorts med utfärdarens nycklar: {1}"},
	"verify.keys.ok_cosigned":  {"en": "Signed by the issuer with the key {0}. Other signers: {1}.", "fi": "Myöntäjä on allekirjoittanut avaimella {0}. Muut allekirjoittajat: {1}.", "sv": "Signerat av utfärdaren med nyckeln {0}. Övriga signerare: {1}."},
	"verify.keys.not_issuer":   {"en": "None of the {0} signatures was made with a key of the issuer {1}; signed by: {2}", "fi": "Yhtäkään {0} allekirjoituksesta ei ole tehty myöntäjän {1} avaimella; allekirjoittajat: {2}", "sv": "Ingen av de {0} signaturerna har gjorts med en nyckel som tillhör utfärdaren {1}; signerat av: {2}"},
	"verify.keys.unauthorised": {"en": "Signature {0} of {1} was made with a key that is not authorised for signing credentials: {2}", "fi": "Allekirjoitus {0}/{1} on tehty avaimella, jota ei ole valtuutettu osaamismerkkien allekirjoittamiseen: {2}", "sv": "Signatur {0} av {1} har gjorts med en nyckel som inte är behörig att signera intyg: {2}"},

	"verify.status.ok":          {"en": "The credential has not been revoked or suspended.", "fi": "Osaamismerkkiä ei ole peruttu eikä keskeytetty.", "sv": "Intyget har inte återkallats eller spärrats."},
	"verify.status.none":        {"en": "The credential has no status list entry.", "fi": "Osaamismerkillä ei ole tilatietoa.", "sv": "Intyget har ingen statusuppgift."},
	"verify.status.revoked":     {"en": "The issuer has revoked the credential.", "fi": "Myöntäjä on perunut osaamismerkin.", "sv": "Utfärdaren har återkallat intyget."},
	"verify.status.suspended":   {"en": "The issuer has suspended the credential.", "fi": "Myöntäjä on keskeyttänyt osaamismerkin voimassaolon.", "sv": "Utfärdaren har spärrat intyget."},
	"verify.status.message":     {"en": "The issuer reports the status “{0}” for the credential.", "fi": "Myöntäjä ilmoittaa osaamismerkin tilaksi ”{0}”.", "sv": "Utfärdaren anger status ”{0}” för intyget."},
	"verify.status.unavailable": {"en": "The status list could not be checked: {0}", "fi": "Tilatietoa ei voitu tarkistaa: {0}", "sv": "Statuslistan kunde inte kontrolleras: {0}"},

	"verify.validity.ok":      {"en": "The credential is valid at {0}.", "fi": "Osaamismerkki on voimassa {0}.", "sv": "Intyget är giltigt {0}."},
	"verify.validity.not_yet": {"en": "The credential is valid only from {0}.", "fi": "Osaamismerkki on voimassa vasta {0} alkaen.", "sv": "Intyget är giltigt först från {0}."},
	"verify.validity.expired": {"en": "The credential expired on {0}.", "fi": "Osaamismerkin voimassaolo päättyi {0}.", "sv": "Intygets giltighet upphörde {0}."},
	"verify.validity.bad":     {"en": "The validity dates could not be read: {0}", "fi": "Voimassaolon päivämääriä ei voitu lukea: {0}", "sv": "Giltighetsdatumen kunde inte läsas: {0}"},
}

// messagesWithArgs holds, for a key whose check carries arguments only sometimes, the
// text used when it has them (messages holds the text without). A bad signature in a
// proof set says which proof: {0} is its position and {1} the number of proofs.
var messagesWithArgs = map[string]map[string]string{
	"verify.proof.bad_signature": {
		"en": "Signature {0} of {1} does not match the content: the credential has been changed or was signed with another key.",
		"fi": "Allekirjoitus {0}/{1} ei vastaa sisältöä: osaamismerkkiä on muutettu tai se on allekirjoitettu toisella avaimella.",
		"sv": "Signatur {0} av {1} stämmer inte med innehållet: intyget har ändrats eller signerats med en annan nyckel.",
	},
}

// MessageLanguages are the languages every message exists in.
var MessageLanguages = []string{"fi", "sv", "en"}

// Message returns the message for key in lang (fi, sv or en; English when
// the language is unknown) with {0}, {1}… replaced by args. A few keys have a
// text of their own for when args are given (messagesWithArgs). An unknown key
// is returned as it is.
func Message(lang, key string, args ...string) string {
	m, ok := messages[key]
	if with, has := messagesWithArgs[key]; has && len(args) > 0 {
		m, ok = with, true
	}
	if !ok {
		return key
	}
	s, ok := m[lang]
	if !ok {
		s = m["en"]
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+string(rune('0'+i))+"}", a)
	}
	return s
}

// MessageKeys returns every message key (for tests and translators).
func MessageKeys() []string {
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	return keys
}
