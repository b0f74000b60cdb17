package evidence

import (
	"strings"
	"unicode/utf8"

	"proofpack/evidence/feeds"
	"proofpack/tracker/history"
)

// loadingWords open the short line a page shows while it fetches its events, in the languages
// of the carriers' pages ProofPack captures.
var loadingWords = []string{
	"loading", "please wait", "searching", "cargando", "buscando", "carregando", "aguarde",
	"chargement", "wird geladen", "laden", "caricamento", "ładowanie", "wczytywanie",
	"загрузка", "завантаження", "подождите", "yükleniyor", "bezig met laden", "טוען",
	"جار التحميل", "جاري التحميل", "加载中", "正在加载", "载入中", "載入中", "查询中", "読み込み中",
	"로딩", "불러오는 중",
}

// maxLoadingLine is the longest line still taken for a loading message ("Loading tracking
// details…"); a longer line that starts with "Laden" is a sentence about something else.
const maxLoadingLine = 48

// ShowsLoading returns the first line of a page's text that is a loading message ("Loading…",
// "Carregando...", "加载中"), or "" when there is none. A page captured while it shows one did
// not show its events yet.
func ShowsLoading(text string) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || utf8.RuneCountInString(line) > maxLoadingLine {
			continue
		}
		low := strings.ToLower(line)
		for _, w := range loadingWords {
			if rest, ok := strings.CutPrefix(low, w); ok && endsWord(rest) {
				return line
			}
		}
	}
	return ""
}

// endsWord reports whether what follows a loading word leaves it a word of its own: the end
// of the line, dots, an ellipsis or a space ("laden" is not "ladenburg").
func endsWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(" .…。,，:：!-–", r)
}

// markEventless marks a captured page that shows no tracking event and does not say that the
// carrier knows nothing of the number: a captcha, an error or a half-drawn page proves nothing
// about the events, so it must not stand as the proof that there are none. A page whose JSON
// a reader of evidence/feeds knows is the carrier's own answer, events or not.
func markEventless(r *Result) {
	if r.Err != nil || r.Unsettled {
		return
	}
	bodies := make([][]byte, len(r.Responses))
	for i, resp := range r.Responses {
		bodies[i] = resp.Body
	}
	if len(feeds.Read(bodies...)) > 0 {
		return
	}
	if p, err := history.Parse(r.Text, history.Options{}); err == nil && (len(p.Events) > 0 || p.NotFound) {
		return
	}
	r.Unsettled = true
	r.Notes = append(r.Notes, "no tracking event could be read from the page, and it does not say that the number is unknown")
}
