package history

// months maps folded month names and abbreviations, in every grammatical case pages print, to
// their number. Keys are Fold()ed, so accents are already gone (março -> marco, août -> aout).
var months = func() map[string]int {
	names := [12][]string{
		{"january", "jan", "janeiro", "enero", "ene", "janvier", "janv", "januar", "jänner", "gennaio", "gen", "styczen", "stycznia", "sty", "январь", "января", "янв", "januari", "ocak", "січня", "січень"},
		{"february", "feb", "fevereiro", "fev", "febrero", "fevrier", "fevr", "februar", "febbraio", "luty", "lutego", "lut", "февраль", "февраля", "фев", "februari", "subat", "лютого", "лютий"},
		{"march", "mar", "marco", "marzo", "mars", "marz", "marca", "marzec", "март", "марта", "maart", "mart", "березня", "березень"},
		{"april", "apr", "abril", "abr", "avril", "avr", "aprile", "kwiecien", "kwietnia", "kwi", "апрель", "апреля", "апр", "nisan", "квітня", "квітень"},
		{"may", "maio", "mai", "mayo", "maggio", "mag", "maj", "maja", "май", "мая", "mei", "mayis", "травня", "травень"},
		{"june", "jun", "junho", "junio", "juin", "juni", "giugno", "giu", "czerwiec", "czerwca", "cze", "июнь", "июня", "июн", "haziran", "червня", "червень"},
		{"july", "jul", "julho", "julio", "juillet", "juil", "juli", "luglio", "lug", "lipiec", "lipca", "lip", "июль", "июля", "июл", "temmuz", "липня", "липень"},
		{"august", "aug", "agosto", "ago", "aout", "augusto", "sierpien", "sierpnia", "sie", "август", "августа", "авг", "augustus", "agustos", "серпня", "серпень"},
		{"september", "sep", "sept", "setembro", "set", "septiembre", "septembre", "settembre", "wrzesien", "wrzesnia", "wrz", "сентябрь", "сентября", "сен", "eylul", "вересня", "вересень"},
		{"october", "oct", "outubro", "out", "octubre", "octobre", "oktober", "okt", "ottobre", "ott", "pazdziernik", "pazdziernika", "paz", "октябрь", "октября", "окт", "ekim", "жовтня", "жовтень"},
		{"november", "nov", "novembro", "noviembre", "novembre", "listopad", "listopada", "lis", "ноябрь", "ноября", "ноя", "kasim", "листопада", "листопад"},
		{"december", "dec", "dezembro", "dez", "diciembre", "dic", "decembre", "dezember", "dicembre", "grudzien", "grudnia", "gru", "декабрь", "декабря", "дек", "aralik", "грудня", "грудень"},
	}
	m := map[string]int{}
	for i, list := range names {
		for _, n := range list {
			m[Fold(n)] = i + 1
		}
	}
	return m
}()

// weekdays are skipped when they stand right before a date ("Mon, 12 Oct 2026").
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"mo", "di", "mi", "do", "fr", "sa", "so", "seg", "ter", "qua", "qui", "sex", "sab", "dom",
		"segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo", "feira",
		"lunes", "martes", "miercoles", "jueves", "viernes",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
		"lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
		"poniedzialek", "wtorek", "sroda", "czwartek", "piatek", "sobota", "niedziela",
		"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
		"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "ma", "wo", "vr", "za", "zo",
		"pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi", "pazar",
		"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя", "пн", "вт", "ср", "чт", "пт", "сб", "нд",
	} {
		m[Fold(w)] = true
	}
	return m
}()

// joiners are the little words and marks pages put between a date and its time:
// "October 3, 2026, 2:14 pm", "3 de outubro de 2026 às 14:14", "3. Oktober 2026 um 14:14",
// "3 października 2026 r., godz. 14:14", "12 октября 2026 г. в 14:35".
var joiners = map[string]bool{
	",": true, ".": true, "-": true, "|": true, "@": true, "/": true,
	"at": true, "on": true, "as": true, "a": true, "um": true, "alle": true, "ore": true, "o": true,
	"godz": true, "r": true, "t": true, "g": true, "г": true, "в": true, "de": true, "del": true, "le": true,
}
