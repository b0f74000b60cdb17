package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"proofpack/tracker/boltstore"
)

// binary is the real proofpack: $PROOFPACK_BIN (make test passes the one it built), else built here.
var binary string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		binary = os.Getenv("PROOFPACK_BIN")
		if binary == "" {
			dir, err := os.MkdirTemp("", "proofpack-bin")
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			defer os.RemoveAll(dir)
			binary = filepath.Join(dir, "proofpack")
			build := exec.Command("go", "build", "-o", binary, ".")
			build.Stdout, build.Stderr = os.Stdout, os.Stderr
			if err := build.Run(); err != nil {
				fmt.Fprintln(os.Stderr, "building proofpack:", err)
				return 1
			}
		}
		return m.Run()
	}())
}

type result struct {
	stdout, stderr string
	code           int
}

// pp runs the real binary with args and returns what it printed and its exit code.
func pp(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	return collect(t, cmd)
}

// collect runs cmd and returns what it printed and its exit code; a command that cannot be run
// at all fails the test.
func collect(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %v: %v", cmd.Args, err)
	}
	return result{out.String(), errb.String(), code}
}

func mustJSON[T any](t *testing.T, r result) T {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var v T
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("not JSON (%v): %s", err, r.stdout)
	}
	return v
}

var addArgs = []string{"case", "add", "--json", "--marketplace", "aliexpress", "--order", "8190225644107788",
	"--seller", "Global Gadgets", "--item", "Wireless earbuds", "--amount", "17.85", "--currency", "USD",
	"--ordered", "2026-09-29", "--shipped", "2026-10-02", "--tracking", "LP00612345678901",
	"--tracking-url", "https://global.cainiao.com/detail.htm?mailNoList=LP00612345678901",
	"--city", "Москва", "--postcode", "125009", "--country", "RU", "--payment", "paypal"}

func TestDemoFillsAnEmptyFolderOnce(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if r := pp(t, "", "demo", "--data", data); r.code != 0 {
		t.Fatalf("demo: %d %s", r.code, r.stderr)
	}
	cases := mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", data))
	if len(cases) < 4 {
		t.Fatalf("demo made %d cases", len(cases))
	}
	markets := map[any]bool{}
	for _, c := range cases {
		markets[c["marketplace"]] = true
		if c["id"] == "" || c["id"] == nil {
			t.Errorf("case without id: %v", c)
		}
	}
	for _, m := range []string{"aliexpress", "ebay", "temu"} {
		if !markets[m] {
			t.Errorf("no %s sample", m)
		}
	}
	pp(t, "", "demo", "--data", data)
	if again := mustJSON[[]map[string]any](t, pp(t, "", "case", "list", "--json", "--data", data)); len(again) != len(cases) {
		t.Errorf("a second demo went from %d to %d cases", len(cases), len(again))
	}
}

func TestCaseLifecycle(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	c := mustJSON[map[string]any](t, pp(t, "", append(addArgs, "--data", data)...))
	id, _ := c["id"].(string)
	if id == "" || c["amount"] != "17.85" || c["buyer"].(map[string]any)["city"] != "Москва" {
		t.Fatalf("added %v", c)
	}
	// Flags after the positional ID, as the contract's scripts write them.
	shown := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))
	if shown["order_number"] != "8190225644107788" {
		t.Errorf("show: %v", shown)
	}
	r := pp(t, "", "case", "edit", id, "--dispute-opened", "2026-11-20", "--item", "Earbuds, white", "--data", data)
	if r.code != 0 {
		t.Fatalf("edit: %s", r.stderr)
	}
	edited := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))
	if edited["item"] != "Earbuds, white" || edited["dispute"].(map[string]any)["opened"] != "2026-11-20" || edited["seller"] != "Global Gadgets" {
		t.Errorf("after edit: %v", edited)
	}
	if r := pp(t, "", "case", "list", "--data", data); !strings.Contains(r.stdout, "Earbuds, white") {
		t.Errorf("human list: %q", r.stdout)
	}
	if r := pp(t, "", "case", "delete", id, "--data", data); r.code != 0 {
		t.Fatalf("delete: %s", r.stderr)
	}
	if r := pp(t, "", "case", "show", id, "--data", data); r.code == 0 || !strings.Contains(r.stderr, "no case "+id) {
		t.Errorf("show after delete: %d %q", r.code, r.stderr)
	}
}

// Bad input gets one message naming the field or file, a non-zero exit, and changes nothing.
func TestBadInputChangesNothing(t *testing.T) {
	replace := func(flag, value string) []string {
		out := append([]string(nil), addArgs...)
		for i := range out {
			if out[i] == flag {
				out[i+1] = value
			}
		}
		return out
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty order number", replace("--order", ""), "--order: must not be empty"},
		{"date that does not parse", replace("--ordered", "29/09/2026"), "--ordered:"},
		{"amount 12,5x", replace("--amount", "12,5x"), "--amount:"},
		{"unknown country", replace("--country", "XX"), "--country:"},
		{"300 character number", replace("--tracking", strings.Repeat("9", 300)), "--tracking:"},
		{"unknown marketplace", replace("--marketplace", "alibaba"), "--marketplace:"},
		{"unknown flag", append(addArgs, "--colour", "red"), "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			r := pp(t, "", append(tt.args, "--data", data)...)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want a failure naming %q", r.code, r.stderr, tt.want)
			}
			if lines := strings.Count(strings.TrimSpace(r.stderr), "\n"); lines > 0 {
				t.Errorf("more than one line of message: %q", r.stderr)
			}
			if _, err := os.Stat(data); !os.IsNotExist(err) {
				t.Errorf("bad input created the data folder")
			}
		})
	}
	t.Run("bad edit leaves the case as it was", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "data")
		c := mustJSON[map[string]any](t, pp(t, "", append(addArgs, "--data", data)...))
		id := c["id"].(string)
		r := pp(t, "", "case", "edit", id, "--item", "changed", "--shipped", "2026-01-01", "--data", data)
		if r.code == 0 || !strings.Contains(r.stderr, "--shipped") {
			t.Errorf("edit with ship date before order: %d %q", r.code, r.stderr)
		}
		after := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))
		if after["item"] != "Wireless earbuds" || after["updated"] != c["updated"] {
			t.Errorf("case changed by a refused edit: %v", after)
		}
	})
}

func TestDataFolderProblemsAreNamed(t *testing.T) {
	t.Run("a file instead of a folder", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "data")
		os.WriteFile(f, []byte("x"), 0o600)
		r := pp(t, "", "case", "list", "--data", f)
		if r.code == 0 || !strings.Contains(r.stderr, f+" is a file") {
			t.Errorf("exit %d %q", r.code, r.stderr)
		}
	})
	t.Run("a corrupt proofpack.db", func(t *testing.T) {
		dir := t.TempDir()
		db := filepath.Join(dir, "proofpack.db")
		junk := bytes.Repeat([]byte("not a database "), 4096)
		os.WriteFile(db, junk, 0o600)
		r := pp(t, "", "case", "list", "--data", dir)
		if r.code == 0 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "damaged") {
			t.Errorf("exit %d %q", r.code, r.stderr)
		}
		if b, _ := os.ReadFile(db); !bytes.Equal(b, junk) {
			t.Error("the damaged file was changed")
		}
	})
}

// A second process on the same data folder is told so within 2 seconds instead of hanging.
func TestSecondProcessIsToldTheFolderIsInUse(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustJSON[map[string]any](t, pp(t, "", append(addArgs, "--data", data)...))
	// This test process holds the folder, as an open window would.
	s, err := boltstore.OpenDir(data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	r := pp(t, "", "case", "list", "--data", data)
	waited := time.Since(start)
	if r.code == 0 || !strings.Contains(r.stderr, "ProofPack is already open on "+data) {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
	if waited > 2*time.Second {
		t.Errorf("waited %v, want under 2 s", waited)
	}
}

// Under the C.UTF-8 locale of servers and CI, Fyne would log a locale error on every start;
// scripts that read stderr must see nothing from a command that worked.
func TestNoLocaleNoiseUnderCUTF8(t *testing.T) {
	cmd := exec.Command(binary, "check", "RR204873517CN")
	cmd.Env = append(withoutLocale(os.Environ()), "LANG=C.UTF-8")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("check: %v %s", err, errb.String())
	}
	if errb.Len() != 0 {
		t.Errorf("stderr of a command that worked: %q", errb.String())
	}
}

func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LANG") && !strings.HasPrefix(kv, "LC_") {
			out = append(out, kv)
		}
	}
	return out
}
