package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// built builds the case's tab i, as showing it would, without selecting it, and returns its
// content: tests reach into any tab.
func (v *caseView) built(i int) fyne.CanvasObject {
	if v.build(i) {
		v.holders[i].Refresh()
	}
	return v.holders[i].Objects[0]
}

func (v *caseView) evidenceTab() *evidenceView { v.built(3); return v.evidence }
func (v *caseView) packetTab() *packetView     { v.built(4); return v.packet }

// A case opens with only its first tab built; the others are built once, when first shown, and
// then follow the case's changes like the first.
func TestTabsAreBuiltWhenFirstShown(t *testing.T) {
	u, _, _ := newTestApp(t, goldenCases()...)
	for i, h := range u.view.holders {
		if got := len(h.Objects); (i == 0) != (got == 1) {
			t.Errorf("tab %d holds %d objects at start", i, got)
		}
	}
	u.view.tabs.SelectIndex(2)
	if len(u.view.holders[2].Objects) != 1 || u.view.evidence != nil {
		t.Fatalf("after showing Diagnosis: %d objects, evidence built %v", len(u.view.holders[2].Objects), u.view.evidence != nil)
	}
	diagnosis := u.view.holders[2].Objects[0]
	u.view.tabs.SelectIndex(0)
	u.view.tabs.SelectIndex(2)
	if u.view.holders[2].Objects[0] != diagnosis {
		t.Error("Diagnosis was built again")
	}
}
