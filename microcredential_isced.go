package pokot

import "strings"

// ISCEDField is a field of education of ISCED-F 2013 (in Finland: Statistics Finland's
// koulutusala 2016): a broad (2 digits), narrow (3) or detailed (4) field.
type ISCEDField struct {
	Code string
	Name Text
}

// Parent returns the code of the enclosing field, "" for a broad field.
func (f ISCEDField) Parent() string {
	if len(f.Code) <= 2 {
		return ""
	}
	return f.Code[:len(f.Code)-1]
}

// ISCEDFieldByCode looks up a field code.
func ISCEDFieldByCode(code string) (ISCEDField, bool) {
	f, ok := iscedByCode[code]
	return f, ok
}

// ISCEDFields lists the embedded fields in code order: every broad and narrow field and
// the detailed fields in which vocational POKs are most often designed.
func ISCEDFields() []ISCEDField { return append([]ISCEDField(nil), iscedFields...) }

var iscedByCode = func() map[string]ISCEDField {
	m := map[string]ISCEDField{}
	for _, f := range iscedFields {
		m[f.Code] = f
	}
	return m
}()

func isced(code, fi, sv, en string) ISCEDField {
	return ISCEDField{Code: code, Name: Text{Finnish: fi, Swedish: sv, English: en}}
}

// InISCEDField reports whether code lies in (or is) the field prefix, e.g. "0913" in "09".
func InISCEDField(code, prefix string) bool { return prefix != "" && strings.HasPrefix(code, prefix) }

var iscedFields = []ISCEDField{
	isced("00", "Yleissivistävä koulutus", "Allmänbildande utbildning", "Generic programmes and qualifications"),
	isced("001", "Perusopinnot", "Grundläggande program", "Basic programmes and qualifications"),
	isced("002", "Luku- ja kirjoitustaito", "Läs- och skrivkunnighet", "Literacy and numeracy"),
	isced("003", "Henkilökohtaiset taidot", "Personlig utveckling", "Personal skills and development"),
	isced("01", "Kasvatusalat", "Pedagogik", "Education"),
	isced("011", "Kasvatusalat", "Pedagogik", "Education"),
	isced("0111", "Kasvatustiede", "Pedagogik", "Education science"),
	isced("0112", "Varhaiskasvatus", "Lärarutbildning för förskola", "Training for pre-school teachers"),
	isced("0114", "Aineenopettajakoulutus", "Ämneslärarutbildning", "Teacher training with subject specialisation"),
	isced("02", "Taiteet ja kulttuurialat", "Konst och humaniora", "Arts and humanities"),
	isced("021", "Taiteet", "Konst", "Arts"),
	isced("0211", "Audiovisuaaliset tekniikat ja mediatuotanto", "Audiovisuell teknik och medieproduktion", "Audio-visual techniques and media production"),
	isced("0212", "Muoti-, sisustus- ja teollinen muotoilu", "Mode, inredning och industridesign", "Fashion, interior and industrial design"),
	isced("0214", "Käsityö ja taideteollisuus", "Konsthantverk", "Handicrafts"),
	isced("0215", "Musiikki ja esittävät taiteet", "Musik och scenkonst", "Music and performing arts"),
	isced("022", "Humanistiset alat", "Humaniora", "Humanities (except languages)"),
	isced("023", "Kielet", "Språk", "Languages"),
	isced("03", "Yhteiskunnalliset alat", "Samhällsvetenskap, journalistik och information", "Social sciences, journalism and information"),
	isced("031", "Yhteiskuntatieteet", "Samhällsvetenskap", "Social and behavioural sciences"),
	isced("032", "Journalismi ja informaatio", "Journalistik och information", "Journalism and information"),
	isced("04", "Kauppa, hallinto ja oikeustieteet", "Handel, administration och juridik", "Business, administration and law"),
	isced("041", "Kauppa ja hallinto", "Handel och administration", "Business and administration"),
	isced("0411", "Laskentatoimi ja verotus", "Redovisning och beskattning", "Accounting and taxation"),
	isced("0412", "Rahoitus-, pankki- ja vakuutusala", "Finans, bank och försäkring", "Finance, banking and insurance"),
	isced("0413", "Johtaminen ja hallinto", "Ledarskap och administration", "Management and administration"),
	isced("0414", "Markkinointi ja mainonta", "Marknadsföring och reklam", "Marketing and advertising"),
	isced("0415", "Sihteeri- ja toimistotyö", "Sekreterar- och kontorsarbete", "Secretarial and office work"),
	isced("0416", "Tukku- ja vähittäiskauppa", "Parti- och detaljhandel", "Wholesale and retail sales"),
	isced("0417", "Työelämätaidot", "Arbetslivsfärdigheter", "Work skills"),
	isced("042", "Oikeustiede", "Juridik", "Law"),
	isced("05", "Luonnontieteet", "Naturvetenskap, matematik och statistik", "Natural sciences, mathematics and statistics"),
	isced("051", "Biotieteet", "Biovetenskap", "Biological and related sciences"),
	isced("052", "Ympäristötieteet", "Miljövetenskap", "Environment"),
	isced("053", "Luonnontieteet", "Fysik, kemi och geovetenskap", "Physical sciences"),
	isced("054", "Matematiikka ja tilastotiede", "Matematik och statistik", "Mathematics and statistics"),
	isced("06", "Tietojenkäsittely ja tietoliikenne (ICT)", "Informations- och kommunikationsteknik (IKT)", "Information and Communication Technologies (ICTs)"),
	isced("061", "Tietojenkäsittely ja tietoliikenne (ICT)", "Informations- och kommunikationsteknik (IKT)", "Information and Communication Technologies (ICTs)"),
	isced("0611", "Tietokoneen käyttö", "Datoranvändning", "Computer use"),
	isced("0612", "Tietokantojen ja tietoverkkojen suunnittelu ja hallinta", "Databas- och nätverksdesign och administration", "Database and network design and administration"),
	isced("0613", "Ohjelmistojen ja sovellusten kehittäminen ja analysointi", "Utveckling och analys av programvara och applikationer", "Software and applications development and analysis"),
	isced("07", "Tekniikan alat", "Teknik och tillverkning", "Engineering, manufacturing and construction"),
	isced("071", "Tekniikan alat", "Teknik", "Engineering and engineering trades"),
	isced("0711", "Kemian ja prosessitekniikan ala", "Kemi- och processteknik", "Chemical engineering and processes"),
	isced("0712", "Ympäristönsuojelun teknologia", "Miljöskyddsteknik", "Environmental protection technology"),
	isced("0713", "Sähkö- ja energiatekniikka", "El- och energiteknik", "Electricity and energy"),
	isced("0714", "Elektroniikka ja automaatio", "Elektronik och automation", "Electronics and automation"),
	isced("0715", "Kone-, metalli- ja energiatekniikka", "Maskin- och metallteknik", "Mechanics and metal trades"),
	isced("0716", "Ajoneuvo-, laiva- ja lentokonetekniikka", "Fordons-, fartygs- och flygteknik", "Motor vehicles, ships and aircraft"),
	isced("072", "Valmistus ja tuotanto", "Tillverkning och produktion", "Manufacturing and processing"),
	isced("0721", "Elintarvikkeiden valmistus", "Livsmedelsframställning", "Food processing"),
	isced("0722", "Materiaalit (lasi, paperi, muovi ja puu)", "Material (glas, papper, plast och trä)", "Materials (glass, paper, plastic and wood)"),
	isced("0723", "Tekstiilit (vaatteet, jalkineet ja nahka)", "Textil (kläder, skor och läder)", "Textiles (clothes, footwear and leather)"),
	isced("073", "Arkkitehtuuri ja rakentaminen", "Arkitektur och byggnadsteknik", "Architecture and construction"),
	isced("0731", "Arkkitehtuuri ja kaupunkisuunnittelu", "Arkitektur och samhällsplanering", "Architecture and town planning"),
	isced("0732", "Rakennus- ja yhdyskuntatekniikka", "Bygg- och anläggningsteknik", "Building and civil engineering"),
	isced("08", "Maa- ja metsätalousalat", "Lant- och skogsbruk, fiske och veterinärmedicin", "Agriculture, forestry, fisheries and veterinary"),
	isced("081", "Maatalous", "Lantbruk", "Agriculture"),
	isced("0811", "Maatilatalous", "Växt- och djurproduktion", "Crop and livestock production"),
	isced("0812", "Puutarhatalous", "Trädgårdsodling", "Horticulture"),
	isced("082", "Metsätalous", "Skogsbruk", "Forestry"),
	isced("083", "Kalatalous", "Fiske", "Fisheries"),
	isced("084", "Eläinlääketiede", "Veterinärmedicin", "Veterinary"),
	isced("09", "Terveys- ja hyvinvointialat", "Hälsovård och välfärd", "Health and welfare"),
	isced("091", "Terveys", "Hälsovård", "Health"),
	isced("0911", "Hammaslääketiede ja muu hammashuolto", "Tandvård", "Dental studies"),
	isced("0912", "Lääketiede", "Medicin", "Medicine"),
	isced("0913", "Hoitotyö ja kätilötyö", "Vård och barnmorskearbete", "Nursing and midwifery"),
	isced("0914", "Lääkehuolto ja tekniset terveyspalvelut", "Medicinsk diagnostik och behandlingsteknik", "Medical diagnostic and treatment technology"),
	isced("0915", "Terapia ja kuntoutus", "Terapi och rehabilitering", "Therapy and rehabilitation"),
	isced("0916", "Farmasia", "Farmaci", "Pharmacy"),
	isced("0917", "Perinteiset ja täydentävät hoitomuodot", "Traditionell och kompletterande medicin", "Traditional and complementary medicine and therapy"),
	isced("092", "Hyvinvointi", "Välfärd", "Welfare"),
	isced("0921", "Vanhusten ja vammaisten hoito", "Vård av äldre och personer med funktionsnedsättning", "Care of the elderly and of disabled adults"),
	isced("0922", "Lasten ja nuorten palvelut", "Barn- och ungdomstjänster", "Child care and youth services"),
	isced("0923", "Sosiaalityö ja ohjaus", "Socialt arbete och handledning", "Social work and counselling"),
	isced("10", "Palvelualat", "Tjänster", "Services"),
	isced("101", "Henkilökohtaiset palvelut", "Personliga tjänster", "Personal services"),
	isced("1011", "Kotitalous- ja kuluttajapalvelut", "Hushålls- och konsumenttjänster", "Domestic services"),
	isced("1012", "Hius- ja kauneudenhoitoala", "Frisör- och skönhetsvård", "Hair and beauty services"),
	isced("1013", "Hotelli-, ravintola- ja catering-ala", "Hotell-, restaurang- och cateringbranschen", "Hotel, restaurants and catering"),
	isced("1014", "Urheilu", "Idrott", "Sports"),
	isced("1015", "Matkailu", "Turism", "Travel, tourism and leisure"),
	isced("102", "Hygienia- ja työterveyspalvelut", "Hygien och arbetarskydd", "Hygiene and occupational health services"),
	isced("1021", "Puhtauspalvelut", "Rengöringstjänster", "Community sanitation"),
	isced("1022", "Työhyvinvointi ja työsuojelu", "Arbetarskydd och arbetsmiljö", "Occupational health and safety"),
	isced("103", "Turvallisuuspalvelut", "Säkerhetstjänster", "Security services"),
	isced("104", "Kuljetuspalvelut", "Transporttjänster", "Transport services"),
	isced("1041", "Kuljetuspalvelut", "Transporttjänster", "Transport services"),
	isced("99", "Tuntematon", "Okänd", "Field unknown"),
}
