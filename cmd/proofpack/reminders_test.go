package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// Delivered in the buyer's own town, never received: each follow-up step is recorded with its
// date and reference, refused when it cannot be true (naming the flag), shown by case show and
// followed by reminders; an exported case carries the steps.
func TestNotReceivedFollowUps(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id := mustJSON[map[string]any](t, pp(t, "", append(timelineArgs, "--data", data)...))["id"].(string)
	if r := pp(t, "September 18, 2026, 2:10 pm\nDelivered, Front Door/Porch\nAUSTIN, TX 78701\n", "events", "add", id, "-", "--data", data); r.code != 0 {
		t.Fatal(r.stderr)
	}
	today := time.Now().Format("2006-01-02")
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")
	for _, tc := range []struct {
		args  []string
		words string
	}{
		{[]string{"--pod-requested", "2026-09-19"}, "--pod-requested: the case is not marked not received"},
		{[]string{"--not-received", "--carrier-claim", tomorrow + ",C-1"}, "--carrier-claim: " + tomorrow + " is in the future"},
		{[]string{"--not-received", "--police-report", "2026-08-01"}, "--police-report: 2026-08-01 is before the order date 2026-08-28"},
		{[]string{"--not-received", "--neighbour-statement", "2026-09-17"}, "--neighbour-statement: 2026-09-17 is before the tracking's delivery on 2026-09-18"},
		{[]string{"--not-received", "--carrier-answered", "18/09/2026"}, "--carrier-answered:"},
		{[]string{"--not-received", "--carrier-claim", ",C-1"}, "--carrier-claim: give the date first"},
	} {
		r := pp(t, "", append([]string{"case", "edit", id, "--data", data}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.words) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tc.args, r.code, r.stderr, tc.words)
		}
	}
	d := mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))["dispute"].(map[string]any)
	if d["not_received"] != nil || d["carrier_claim"] != nil {
		t.Errorf("a refused edit changed the case: %v", d)
	}

	if r := pp(t, "", "case", "edit", id, "--data", data, "--not-received", "--pod-requested", "2026-09-19,USPS case 4471, by phone",
		"--carrier-claim", today+",C-77"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	d = mustJSON[map[string]any](t, pp(t, "", "case", "show", id, "--json", "--data", data))["dispute"].(map[string]any)
	pod, claim := d["pod_requested"].(map[string]any), d["carrier_claim"].(map[string]any)
	if d["not_received"] != true || d["not_received_on"] != today || pod["on"] != "2026-09-19" || pod["ref"] != "USPS case 4471, by phone" ||
		claim["on"] != today || claim["ref"] != "C-77" || d["police_report"] != nil || d["opened"] != "" {
		t.Errorf("dispute after edit: %v", d)
	}
	shown := strings.Join(strings.Fields(pp(t, "", "case", "show", id, "--data", data).stdout), " ")
	for _, want := range []string{"Asked the carrier for proof of delivery 2026-09-19, request or case number USPS case 4471, by phone",
		"Carrier claim filed " + today + ", claim number C-77", "Stage waiting for the parcel · delivered but not received: carrier claim filed " + today,
		"Next step report the theft to the police (and ask the seller)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("case show lacks %q:\n%s", want, shown)
		}
	}

	rs := mustJSON[[]map[string]any](t, pp(t, "", "reminders", "--json", "--data", data))
	var kinds []string
	for _, r := range rs {
		kinds = append(kinds, r["kind"].(string))
		if r["kind"] == "carrier_claim_answer_by" && !strings.Contains(r["message"].(string), "reference C-77") {
			t.Errorf("the claim reminder: %v", r)
		}
	}
	got := strings.Join(kinds, " ")
	for _, want := range []string{"open_dispute_by", "contact_bank_by", "carrier_claim_answer_by", "ask_neighbours_by", "police_report_by"} {
		if !strings.Contains(got, want) {
			t.Errorf("reminders lack %s: %s", want, got)
		}
	}
	if strings.Contains(got, "ask_carrier_pod_by") || strings.Contains(got, "carrier_answer_by ") {
		t.Errorf("a step taken still has its reminder: %s", got)
	}

	// Cleared with an empty value; the exported case keeps the rest.
	if r := pp(t, "", "case", "edit", id, "--data", data, "--carrier-claim", ""); r.code != 0 {
		t.Fatal(r.stderr)
	}
	zip := filepath.Join(t.TempDir(), "case.zip")
	if r := pp(t, "", "export", id, "--out", zip, "--data", data); r.code != 0 {
		t.Fatal(r.stderr)
	}
	res := mustJSON[map[string]any](t, pp(t, "", "open", "--check", zip, "--json"))
	cs := []map[string]any{res["case"].(map[string]any)}
	d = cs[0]["dispute"].(map[string]any)
	if d["pod_requested"].(map[string]any)["ref"] != "USPS case 4471, by phone" || d["carrier_claim"] != nil || d["not_received_on"] != today {
		t.Errorf("in the exported case: %v", d)
	}
}
