package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"proofpack/casework"
	"proofpack/evidence/bundle"
	"proofpack/tracker"
	"proofpack/tracker/storetest"
)

// The buyer picks an order list, sees how each column and row is read and which rows have
// problems, fills in the city the file lacks, and imports.
func TestImportOrdersPreviewThenImport(t *testing.T) {
	u, s, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	file := filepath.Join(t.TempDir(), "aftership.csv")
	os.WriteFile(file, []byte("tracking_number;order_id;title;order_date;destination_country\n"+
		"RR123456785CN;A-1;Phone case;2026-09-01;PL\n"+
		"RR876543216CN;A-2;Cable;2026-31-01;PL\n"), 0o600)
	p := u.previewImport(file)
	if p == nil {
		t.Fatal("no preview")
	}
	for _, want := range []string{"AfterShip's columns", "order_id → order_number", "Would add 1 orders", "1 rows have problems"} {
		if !strings.Contains(p.summary.Text, want) {
			t.Errorf("summary %q lacks %q", p.summary.Text, want)
		}
	}
	if !strings.Contains(p.problems.Text, `line 3, order_date: "2026-31-01" is not a date`) {
		t.Errorf("problems %q", p.problems.Text)
	}
	// The defaults come from the last case: Kraków, PL, USD, aliexpress.
	if p.defaults[2].Text != "Kraków" {
		t.Errorf("city default %q", p.defaults[2].Text)
	}
	p.defaults[2].SetText("Kraków, Nowa Huta") // the buyer edits the city; checking again keeps it
	p.check()
	if p.importB.Disabled() || p.importB.Text != "Import 1 orders" {
		t.Fatalf("import button %q disabled=%v", p.importB.Text, p.importB.Disabled())
	}
	<-p.run()
	<-u.Loaded()
	if !strings.Contains(p.summary.Text, "Imported: 1 orders added") {
		t.Errorf("after import: %q", p.summary.Text)
	}
	cases, _ := s.Cases()
	if len(cases) != 2 || cases[1].OrderNumber != "A-1" || cases[1].Buyer.City != "Kraków, Nowa Huta" {
		t.Errorf("cases %+v", cases)
	}
	if u.list.list.Length() != 2 {
		t.Errorf("the list shows %d cases", u.list.list.Length())
	}
}

func TestBackupFromTheWindow(t *testing.T) {
	u, _, _ := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	out := filepath.Join(t.TempDir(), "b.zip")
	<-u.backup(out)
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	defer zr.Close()
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	if !names["proofpack.db"] || !names["proofpack.json"] {
		t.Errorf("backup holds %v", names)
	}
}

// A reviewed archive shows its check; a changed one names the file and offers no import.
func TestReviewSaysWhatChanged(t *testing.T) {
	u, _, w := newTestApp(t, storetest.Sample("1001", "RR204873517CN"))
	ok := casework.ArchiveCheck{Files: 3}
	imported := false
	ShowReview(u, "/tmp/case.zip", ok, func() (tracker.Case, error) { imported = true; return tracker.Case{ID: "7"}, nil })
	if !strings.Contains(dialogText(w), "All 3 files match") {
		t.Errorf("the check result is not shown: %q", dialogText(w))
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Import into my cases"))
	if !imported || !strings.Contains(dialogText(w), "now case 7") {
		t.Errorf("import: %v %q", imported, dialogText(w))
	}
	bad := casework.ArchiveCheck{Files: 3, Findings: []bundle.Finding{{Path: "exhibits/02-file.png", What: "changed", Why: "SHA-256 ab…"}}}
	u2, _, w2 := newTestApp(t)
	ShowReview(u2, "/tmp/case.zip", bad, func() (tracker.Case, error) { t.Fatal("a changed case was imported"); return tracker.Case{}, nil })
	if !strings.Contains(dialogText(w2), "changed: exhibits/02-file.png") {
		t.Errorf("the changed file is not named: %q", dialogText(w2))
	}
	if findButton(w2.Canvas().Overlays().Top(), "Import into my cases") != nil {
		t.Error("a changed case offers an import")
	}
}

// About names GeoNames as its licence asks.
func TestAboutCreditsGeoNames(t *testing.T) {
	u, _, w := newTestApp(t)
	u.showAbout()
	if got := dialogText(w); !strings.Contains(got, "GeoNames (geonames.org), licensed under CC BY 4.0") {
		t.Errorf("About says %q", got)
	}
}
