package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An AliExpress order paid by card in the US, shipped 1 September, promised by 10 October.
var timelineArgs = []string{"case", "add", "--json", "--marketplace", "aliexpress", "--order", "8190000000000001",
	"--seller", "Shop", "--item", "Lamp", "--amount", "20", "--currency", "USD", "--ordered", "2026-08-28",
	"--shipped", "2026-09-01", "--promised", "2026-10-10", "--tracking", "RR123456785CN",
	"--city", "Austin", "--postcode", "78701", "--country", "US", "--payment", "card"}

func TestCaseEditRefusesImpossibleSteps(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := mustJSON[map[string]any](t, pp(t, "", append(timelineArgs, "--data", data)...))["id"].(string)
	for _, tc := range []struct {
		args  []string
		words string
	}{
		{[]string{"--dispute-opened", "2026-08-01"}, "--dispute-opened: 2026-08-01 is before the order date 2026-08-28"},
		{[]string{"--dispute-opened", "2026-10-20", "--refund-received", "2026-10-01"}, "--refund-received: 2026-10-01 is before the dispute was opened"},
		{[]string{"--dispute-won", "2099-01-01", "--dispute-opened", "2026-10-20"}, "--dispute-won: 2099-01-01 is in the future"},
		{[]string{"--dispute-escalated", "2026-10-20"}, "--dispute-opened: a dispute was escalated on 2026-10-20 but never opened"},
	} {
		r := pp(t, "", append([]string{"case", "edit", id, "--data", data}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.words) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tc.args, r.code, r.stderr, tc.words)
		}
	}
	shown := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))
	if shown["dispute"].(map[string]any)["opened"] != "" {
		t.Errorf("a refused edit changed the case: %v", shown["dispute"])
	}
	r := pp(t, "", "case", "edit", id, "--not-received", "--seller-promised", "2026-12-15", "--data", data)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	d := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))["dispute"].(map[string]any)
	if d["not_received"] != true || d["seller_promised"] != "2026-12-15" {
		t.Errorf("dispute after edit: %v", d)
	}
}

func TestRemindersAndTheWonDisputeWithoutRefund(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := mustJSON[map[string]any](t, pp(t, "", append(timelineArgs, "--data", data)...))["id"].(string)

	rs := mustJSON[[]map[string]any](t, pp(t, "", "reminders", "--json", "--now", "2026-09-20", "--data", data))
	if len(rs) != 2 || rs[0]["kind"] != "open_dispute_by" || rs[0]["due"] != "2026-10-25" || rs[0]["case_id"] != id ||
		rs[1]["kind"] != "contact_bank_by" || rs[1]["due"] != "2027-02-07" {
		t.Fatalf("reminders of a waiting case: %v", rs)
	}
	if r := pp(t, "", "case", "edit", id, "--dispute-opened", "2026-10-20", "--dispute-won", "2026-11-02", "--data", data); r.code != 0 {
		t.Fatal(r.stderr)
	}
	rs = mustJSON[[]map[string]any](t, pp(t, "", "reminders", "--json", "--now", "2026-11-04", "--data", data))
	if len(rs) == 0 || rs[0]["kind"] != "refund_due_by" || rs[0]["due"] != "2026-12-02" {
		t.Fatalf("reminders of a won dispute: %v", rs)
	}
	overdue := func(now string) bool {
		rep := mustJSON[map[string]any](t, pp(t, "", "analyze", id, "--json", "--now", now, "--data", data))
		for _, f := range rep["flags"].([]any) {
			if f.(map[string]any)["code"] == "refund_overdue" {
				return true
			}
		}
		return false
	}
	if !overdue("2027-01-12") { // 71 days after the win
		t.Error("71 days after a won dispute with no refund: no refund_overdue")
	}
	if overdue("2026-11-04") { // 2 days after
		t.Error("2 days after the win: refund_overdue too early")
	}

	ics := filepath.Join(t.TempDir(), "due.ics")
	r := pp(t, "", "reminders", "--ics", ics, "--now", "2026-11-04", "--data", data)
	b, err := os.ReadFile(ics)
	if r.code != 0 || err != nil || !strings.HasPrefix(string(b), "BEGIN:VCALENDAR\r\n") || !strings.Contains(string(b), "UID:"+id+"-refund-due-by-aliexpress@proofpack") {
		t.Fatalf("--ics: %d %s %v %q", r.code, r.stderr, err, b)
	}
	if r := pp(t, "", "reminders", "--now", "2027-01-12", "--data", data); !strings.Contains(r.stdout, "OVERDUE") {
		t.Errorf("human list: %q", r.stdout)
	}
	pp(t, "", "case", "edit", id, "--refund-received", "2026-11-20", "--data", data)
	if rs := mustJSON[[]map[string]any](t, pp(t, "", "reminders", "--json", "--now", "2026-11-21", "--data", data)); len(rs) != 0 {
		t.Errorf("a closed case has no reminders: %v", rs)
	}
}

func TestSettingsAndSellerMessages(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := mustJSON[map[string]any](t, pp(t, "", append(timelineArgs, "--data", data)...))["id"].(string)
	for _, kv := range [][2]string{{"name", "Ana Souza"}, {"email", "ana@example.com"}, {"phone", "+55 81 9999-0000"}} {
		if r := pp(t, "", "settings", "set", kv[0], kv[1], "--data", data); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	if r := pp(t, "", "settings", "set", "email", "ana at home", "--data", data); r.code != 2 || !strings.Contains(r.stderr, "email:") {
		t.Errorf("a bad e-mail: %d %q", r.code, r.stderr)
	}
	b := mustJSON[map[string]string](t, pp(t, "", "settings", "show", "--json", "--data", data))
	if b["name"] != "Ana Souza" || b["email"] != "ana@example.com" || b["phone"] != "+55 81 9999-0000" {
		t.Errorf("settings: %v", b)
	}
	ms := mustJSON[[]map[string]string](t, pp(t, "", "messages", id, "--lang", "pt", "--json", "--data", data))
	if len(ms) != 9 || ms[1]["lang"] != "zh" || !strings.Contains(ms[1]["text"], "RR123456785CN") || !strings.HasSuffix(ms[0]["text"], "Ana Souza") {
		t.Errorf("messages: %v", ms)
	}
}

func TestRemindersICSIsNotWrittenIntoTheDataFolder(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustJSON[map[string]any](t, pp(t, "", append(timelineArgs, "--data", data)...))
	r := pp(t, "", "reminders", "--ics", filepath.Join(data, "due.ics"), "--data", data)
	if r.code != 2 || !strings.Contains(r.stderr, "--ics:") || !strings.Contains(r.stderr, "inside the data folder") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}
