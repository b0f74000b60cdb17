package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const csvHead = "order_number,order_date,seller,item,amount,currency,tracking_number,courier,destination_country,destination_city,destination_postcode,marketplace\n"

func TestImportReportsBadRowsAndAddsNothingTwice(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	file := filepath.Join(dir, "orders.csv")
	os.WriteFile(file, []byte(csvHead+
		"1001,2026-09-01,Lamp Store,Desk lamp,19.90,USD,RR123456785CN,,US,Austin,78701,aliexpress\n"+
		"1002,2026-31-01,Mug Shop,Mug,5.50,USD,LP00123456789012,,US,Austin,78701,aliexpress\n"+
		"1003,2026-09-03,Cable Shop,USB cable,3.10,USD,RR876543216CN,,US,Austin,78701,aliexpress\n"), 0o600)

	r := pp(t, "", "import", file, "--strict", "--data", data)
	if r.code != 2 || !strings.Contains(r.stderr, "line 3, order_date: \"2026-31-01\" is not a date") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("strict: %d %q", r.code, r.stderr)
	}
	if cs := mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", data)); len(cs) != 0 {
		t.Fatalf("--strict imported %d cases", len(cs))
	}
	r = pp(t, "", "import", file, "--dry-run", "--data", data)
	if r.code != 2 || !strings.Contains(r.stdout, "Would add 2") {
		t.Fatalf("dry run: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = pp(t, "", "import", file, "--data", data)
	if r.code != 2 || !strings.Contains(r.stdout, "Added 2, updated 0, unchanged 0") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	fixed := strings.Replace(mustRead(t, file), "2026-31-01", "2026-09-02", 1)
	os.WriteFile(file, []byte(fixed), 0o600)
	rep := mustJSON[map[string]any](t, pp(t, "", "import", file, "--json", "--data", data))
	if rep["added"] != 1.0 || rep["unchanged"] != 2.0 || rep["preset"] != "proofpack" {
		t.Errorf("second import: %v", rep)
	}
	if cs := mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", data)); len(cs) != 3 {
		t.Errorf("%d cases after importing 3 orders twice", len(cs))
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// caseWithEvidence makes a case with pasted history, one file of the buyer's and a packet.
func caseWithEvidence(t *testing.T, data string) string {
	t.Helper()
	id, _ := caseWithHistory(t, data)
	chat := filepath.Join(t.TempDir(), "chat.txt")
	os.WriteFile(chat, []byte("Seller: shipped on 3 Sep, São Paulo warehouse.\n"), 0o600)
	if r := pp(t, "", "evidence", "add", id, chat, "--note", "Seller chat", "--data", data); r.code != 0 {
		t.Fatalf("evidence add: %s", r.stderr)
	}
	if r := pp(t, "", "packet", id, "--out", filepath.Join(t.TempDir(), "p.pdf"), "--now", "2026-10-01", "--data", data); r.code != 0 {
		t.Fatalf("packet: %s", r.stderr)
	}
	return id
}

func TestExportOpensElsewhereAndTamperingIsNamed(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	id := caseWithEvidence(t, data)
	zipPath := filepath.Join(dir, "case.zip")
	if r := pp(t, "", "export", id, "--out", filepath.Join(data, "cases", "x.zip"), "--data", data); r.code != 2 || !strings.Contains(r.stderr, "is inside the data folder") {
		t.Errorf("export into the data folder: %d %q", r.code, r.stderr)
	}
	r := pp(t, "", "export", id, "--out", zipPath, "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "2 exhibit files") || !strings.Contains(r.stdout, "the last packet") {
		t.Fatalf("export: %d %q %q", r.code, r.stdout, r.stderr)
	}
	other := filepath.Join(dir, "other")
	r = pp(t, "", "open", "--check", zipPath, "--data", other)
	if r.code != 0 || !strings.Contains(r.stdout, "Every file matches") {
		t.Fatalf("open --check of a fresh export: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("open --check made a data folder")
	}
	names := zipNames(t, zipPath)
	want := []string{"exhibits/01-history.txt", "exhibits/02-file.txt", "manifest.json", "packet/p.pdf", "proofpack.json"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("archive holds %v, want %v", names, want)
	}
	tampered := filepath.Join(dir, "tampered.zip")
	rewriteZip(t, zipPath, tampered, "exhibits/02-file.txt", "Seller: shipped on 1 Sep.\n")
	r = pp(t, "", "open", "--check", tampered)
	if r.code != 1 || !strings.Contains(r.stdout, "changed: exhibits/02-file.txt") {
		t.Errorf("open --check of a tampered export: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func zipNames(t *testing.T, p string) []string {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	sort.Strings(out)
	return out
}

// rewriteZip copies src to dst with one entry's content replaced, as a tamperer would.
func rewriteZip(t *testing.T, src, dst, name, body string) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == name {
			io.WriteString(w, body)
			continue
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	os.WriteFile(dst, buf.Bytes(), 0o600)
}

func TestBackupRestoresIntoAnEmptyFolderOnly(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	id := caseWithEvidence(t, data)
	backup := filepath.Join(dir, "backup.zip")
	if r := pp(t, "", "backup", backup, "--data", data); r.code != 0 {
		t.Fatalf("backup: %s", r.stderr)
	}
	if r := pp(t, "", "restore", backup, "--data", data); r.code != 2 || !strings.Contains(r.stderr, "is not empty") {
		t.Errorf("restore over a data folder: %d %q", r.code, r.stderr)
	}
	restored := filepath.Join(dir, "restored")
	r := pp(t, "", "restore", backup, "--data", restored)
	if r.code != 0 || !strings.Contains(r.stdout, "Restored 1 cases and 2 exhibit files") {
		t.Fatalf("restore: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := pp(t, "", "verify", id, "--data", restored); r.code != 0 {
		t.Errorf("verify after restore: %q %q", r.stdout, r.stderr)
	}
	before := pp(t, "", "case", "show", id, "--json", "--data", data).stdout
	after := pp(t, "", "case", "show", id, "--json", "--data", restored).stdout
	if before != after || before == "" {
		t.Errorf("restored case differs:\n%s\n%s", before, after)
	}
	tampered := filepath.Join(dir, "tampered.zip")
	rewriteZip(t, backup, tampered, "cases/"+id+"/02-file.txt", "edited\n")
	if r := pp(t, "", "restore", tampered, "--data", filepath.Join(dir, "r2")); r.code == 0 || !strings.Contains(r.stderr, "changed: cases/"+id+"/02-file.txt") {
		t.Errorf("restore of a tampered backup: %d %q", r.code, r.stderr)
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "r2")); len(ents) != 0 {
		t.Errorf("a refused restore left %v", ents)
	}
}

// The review of an exported case opens in the real window under Xvfb.
func TestReviewWindowUnderXvfb(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	id := caseWithEvidence(t, data)
	zipPath := filepath.Join(dir, "case.zip")
	if r := pp(t, "", "export", id, "--out", zipPath, "--data", data); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	xvfbShot(t, "open", zipPath)
}
