package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"proofpack/tracker/storetest"
)

func TestOrderFormChecksTheNumberAsItIsTyped(t *testing.T) {
	newTestApp(t)
	f := newOrderForm()
	test.Type(f.tracking, "1Z 5R8 939 0357 5671 27")
	shown := strings.Join(keys(labelsIn(f.number.box)), "\n")
	if !strings.Contains(shown, "UPS") || !strings.Contains(shown, "check digit valid") {
		t.Errorf("a valid UPS number shows:\n%s", shown)
	}
	f.tracking.SetText("")
	test.Type(f.tracking, "1Z5R89390357567128") // last digit changed
	shown = strings.Join(keys(labelsIn(f.number.box)), "\n")
	if !strings.Contains(shown, "WRONG") {
		t.Errorf("a mistyped UPS number shows:\n%s", shown)
	}
	f.tracking.SetText("")
	if len(f.number.box.Objects) != 0 {
		t.Error("an empty number still shows a verdict")
	}
}

func TestTrackingTabLinksBothPostsOfAnInternationalNumber(t *testing.T) {
	c := storetest.Sample("1001", "RR204873517CN") // buyer in Poland
	c.Shipments[0].Input = "RR 204 873 517 CN"
	u, _, _ := newTestApp(t, c)
	var links []string
	walk(u.view.built(1), func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			links = append(links, h.URL.String())
		}
	})
	all := strings.Join(links, "\n")
	if len(links) < 3 || !strings.Contains(all, "RR204873517CN") {
		t.Fatalf("links:\n%s", all)
	}
	var roles []string
	for text := range labelsIn(u.view.built(1)) {
		roles = append(roles, text)
	}
	joined := strings.Join(roles, "\n")
	for _, want := range []string{"Origin", "Destination", "Any carrier"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %s link; labels:\n%s", want, joined)
		}
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
