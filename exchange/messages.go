package exchange

import (
	"regexp"

	"github.com/pokot/pokot"
)

// Messages are the user-facing texts of this package's error keys in Finnish, Swedish and
// English, for the UI catalogs (i18n/catalog) and for Localize.
var Messages = map[string]pokot.Text{
	"err.csv.bad_utf8":           tx("Tiedosto sanoo olevansa UTF-8-muodossa, mutta ei ole. Tallenna se uudelleen muodossa ”CSV UTF-8”.", "Filen påstår att den är UTF-8 men är det inte. Spara den på nytt som ”CSV UTF-8”.", "The file says it is UTF-8 but is not. Save it again as “CSV UTF-8”."),
	"err.csv.cell_too_long":      tx("Solussa on liikaa tekstiä.", "Cellen innehåller för mycket text.", "The cell holds too much text."),
	"err.csv.concept_format":     tx("Kirjoita yksi käsite riville: URI | nimi suomeksi | ruotsiksi | englanniksi.", "Skriv ett begrepp per rad: URI | namn på finska | svenska | engelska.", "One concept a line: URI | label fi | label sv | label en."),
	"err.csv.duplicate_column":   tx("Sarake on tiedostossa kahdesti.", "Kolumnen finns två gånger i filen.", "The column appears twice."),
	"err.csv.duplicate_slug":     tx("Sama osoitenimi on jo toisella rivillä.", "Samma adressnamn finns redan på en annan rad.", "Another row has the same slug."),
	"err.csv.empty":              tx("Tiedosto on tyhjä.", "Filen är tom.", "The file is empty."),
	"err.csv.empty_column":       tx("Solussa on tekstiä, mutta sen sarakkeella ei ole nimeä otsikkorivillä.", "Cellen har text men dess kolumn saknar namn på rubrikraden.", "The cell has text but its column has no name in the header."),
	"err.csv.encoding":           tx("Tiedoston merkistöä ei tunnistettu. Tallenna se muodossa ”CSV UTF-8”.", "Filens teckenkodning känns inte igen. Spara den som ”CSV UTF-8”.", "The file's character encoding is not recognised. Save it as “CSV UTF-8”."),
	"err.csv.export_keyword":     tx("Avainsanassa on pilkku, jota CSV-muoto ei pysty säilyttämään.", "Ett nyckelord innehåller ett kommatecken som CSV-formatet inte kan bevara.", "A keyword has a comma, which the CSV format cannot keep."),
	"err.csv.export_separator":   tx("Nimessä on merkki | tai rivinvaihto, jota CSV-muoto ei pysty säilyttämään.", "Ett namn innehåller tecknet | eller en radbrytning som CSV-formatet inte kan bevara.", "A name has a | or a line break, which the CSV format cannot keep."),
	"err.csv.field_count":        tx("Rivillä on eri määrä soluja kuin otsikkorivillä.", "Raden har ett annat antal celler än rubrikraden.", "The row has a different number of cells than the header."),
	"err.csv.image_invalid":      tx("Kuvaa ei voi lukea. Anna se data:-osoitteena (data:image/png;base64,…).", "Bilden kan inte läsas. Ange den som data:-adress (data:image/png;base64,…).", "The image cannot be read. Give it as a data: URI (data:image/png;base64,…)."),
	"err.csv.image_missing":      tx("Kuvalle on vaihtoehtoinen teksti, mutta kuva puuttuu.", "Det finns en alternativ text men ingen bild.", "Alternative text is given but no image."),
	"err.csv.image_reference":    tx("Anna kuva data:-osoitteena (data:image/png;base64,…). Linkkejä ja tiedostonimiä ei haeta.", "Ange bilden som data:-adress (data:image/png;base64,…). Länkar och filnamn hämtas inte.", "Give the image as a data: URI (data:image/png;base64,…). Links and file names are not fetched."),
	"err.csv.missing_column":     tx("Pakollinen sarake puuttuu.", "En obligatorisk kolumn saknas.", "A required column is missing."),
	"err.csv.no_rows":            tx("Tiedostossa on otsikkorivi mutta ei yhtään kuvausta.", "Filen har en rubrikrad men inga beskrivningar.", "The file has a header but no descriptions."),
	"err.csv.not_boolean":        tx("Kirjoita kyllä tai ei.", "Skriv ja eller nej.", "Write yes or no."),
	"err.csv.not_integer":        tx("Kirjoita kokonaisluku, esimerkiksi 4.", "Skriv ett heltal, till exempel 4.", "Write a whole number, e.g. 4."),
	"err.csv.not_number":         tx("Kirjoita luku, esimerkiksi 2,5.", "Skriv ett tal, till exempel 2,5.", "Write a number, e.g. 2.5."),
	"err.csv.not_text":           tx("Tiedosto ei ole CSV-tekstitiedosto. Tallenna se muodossa ”CSV UTF-8”.", "Filen är inte en CSV-textfil. Spara den som ”CSV UTF-8”.", "The file is not a CSV text file. Save it as “CSV UTF-8”."),
	"err.csv.partner_format":     tx("Kirjoita yksi kumppani riville: nimi | rooli suomeksi | ruotsiksi | englanniksi.", "Skriv en partner per rad: namn | roll på finska | svenska | engelska.", "One partner a line: name | role fi | role sv | role en."),
	"err.csv.syntax":             tx("Tiedosto ei ole kelvollista CSV:tä. Tarkista lainausmerkit.", "Filen är inte giltig CSV. Kontrollera citattecknen.", "The file is not valid CSV. Check the quotation marks."),
	"err.csv.title_fi_required":  tx("Suomenkielinen nimi puuttuu.", "Det finska namnet saknas.", "The Finnish title is missing."),
	"err.csv.too_large":          tx("Tiedosto on liian suuri (enintään 32 Mt).", "Filen är för stor (högst 32 MB).", "The file is too large (at most 32 MB)."),
	"err.csv.too_many_rows":      tx("Tiedostossa on liian monta kuvausta (enintään 1 000).", "Filen har för många beskrivningar (högst 1 000).", "The file has too many descriptions (at most 1,000)."),
	"err.csv.unknown_column":     tx("Tuntematon sarake. Katso sarakkeiden nimet ohjeesta.", "Okänd kolumn. Se kolumnnamnen i anvisningen.", "Unknown column. See the column names in the guide."),
	"err.csv.utf16":              tx("Tiedosto on UTF-16-muodossa. Tallenna se muodossa ”CSV UTF-8”.", "Filen är i UTF-16-format. Spara den som ”CSV UTF-8”.", "The file is UTF-16 text. Save it as “CSV UTF-8”."),
	"err.exchange.base_url":      tx("Palvelun osoite puuttuu asetuksista.", "Tjänstens adress saknas i inställningarna.", "The service's public address is not configured."),
	"err.exchange.incomplete":    tx("Kuvauksesta puuttuu pakollinen tieto, joten sitä ei voi viedä.", "Beskrivningen saknar en obligatorisk uppgift och kan inte exporteras.", "The description lacks a mandatory element and cannot be exported."),
	"err.exchange.not_published": tx("Vain julkaistun version voi viedä.", "Endast en publicerad version kan exporteras.", "Only a published version can be exported."),
}

var rowCol = regexp.MustCompile(`^row (\d+)(?:, column (.+))?$`)

// Localize renders an error of ReadCSV, WriteCSV, Achievement or ELM in l: where it is
// (rivi 4, sarake workload_unit) and what to do. Keys that this package does not own
// (err.mc.*, from validation) fall back to the error's English message, without the
// location, which the caller's catalog can replace.
func Localize(e *pokot.Error, l pokot.Lang) string {
	msg := Messages[e.Key].Get(l)
	if msg == "" {
		msg = e.Message
		if m := rowCol.FindStringSubmatch(e.Field); m != nil {
			msg = msg[min(len(msg), len(e.Field)+2):]
		}
	}
	m := rowCol.FindStringSubmatch(e.Field)
	if m == nil {
		return msg
	}
	words := map[pokot.Lang][2]string{pokot.Finnish: {"Rivi", "sarake"}, pokot.Swedish: {"Rad", "kolumn"}, pokot.English: {"Row", "column"}}[l]
	if words[0] == "" {
		words = [2]string{"Row", "column"}
	}
	loc := words[0] + " " + m[1]
	if m[2] != "" {
		loc += ", " + words[1] + " " + m[2]
	}
	return loc + ": " + msg
}
