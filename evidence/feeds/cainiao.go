package feeds

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"proofpack/tracker"
)

// Cainiao's global tracking page (global.cainiao.com/detail.htm) loads
// global.cainiao.com/global/detail.json?mailNos=...: {"module": [{"mailNo", "detailList":
// [{"time" (ms), "timeStr" (local), "timeZone" ("GMT+8"), "desc", "standerdDesc",
// "actionCode"}]}], "success"}. standerdDesc is the English wording the page shows, led by the
// place in brackets for sorting centres: "[Fenggang Town] Departed from sorting center".
type cainiaoResponse struct {
	Module []struct {
		MailNo     *string `json:"mailNo"`
		DetailList []struct {
			Time         int64  `json:"time"`
			TimeStr      string `json:"timeStr"`
			TimeZone     string `json:"timeZone"`
			Desc         string `json:"desc"`
			StanderdDesc string `json:"standerdDesc"`
			ActionCode   string `json:"actionCode"`
		} `json:"detailList"`
	} `json:"module"`
}

// cainiaoStatus are the action codes whose status is certain from the code, where the words
// (often Chinese, or a bare "Carrier update") could be read wrong.
var cainiaoStatus = map[string]tracker.Status{
	"GWMS_ACCEPT":       tracker.StatusInfoReceived, // the seller's warehouse got the order
	"GWMS_PACKAGE":      tracker.StatusInfoReceived,
	"GWMS_OUTBOUND":     tracker.StatusInfoReceived, // left the warehouse, not yet with a carrier
	"WMS_CONFIRMED":     tracker.StatusInfoReceived,
	"GTMS_DELIVERING":   tracker.StatusOutForDelivery,
	"GTMS_SIGNED":       tracker.StatusDelivered, // 用户签收, "Delivered"
	"GTMS_SIGN_FAILURE": tracker.StatusAttemptFail,
	"GTMS_DEL_FAILURE":  tracker.StatusAttemptFail,
}

func readCainiao(body []byte) ([]Reading, bool) {
	var r cainiaoResponse
	if json.Unmarshal(body, &r) != nil || len(r.Module) == 0 || r.Module[0].MailNo == nil {
		return nil, false
	}
	var out []Reading
	for _, m := range r.Module {
		rd := Reading{Events: []tracker.Event{}}
		if m.MailNo != nil {
			rd.Number = *m.MailNo
		}
		for _, d := range m.DetailList {
			words := d.StanderdDesc
			if words == "" {
				words = d.Desc
			}
			place := ""
			if p, rest, ok := bracketPlace(words); ok {
				place, words = p, rest
			}
			at, ok := wallClock(d.TimeStr)
			if !ok && d.Time > 0 {
				at, ok = cainiaoLocal(d.Time, d.TimeZone)
			}
			if !ok {
				rd.Events = append(rd.Events, undated(place, words))
				continue
			}
			rd.Events = append(rd.Events, event(at, place, words, cainiaoStatus[d.ActionCode]))
		}
		out = append(out, rd)
	}
	return out, true
}

// bracketPlace cuts the "[Town]" or "【城市】" that leads some Cainiao descriptions.
func bracketPlace(s string) (place, rest string, ok bool) {
	s = strings.TrimSpace(s)
	for _, b := range [][2]string{{"[", "]"}, {"【", "】"}} {
		inner, ok := strings.CutPrefix(s, b[0])
		if !ok {
			continue
		}
		place, rest, ok := strings.Cut(inner, b[1])
		if !ok || strings.TrimSpace(place) == "" {
			return "", s, false
		}
		return strings.TrimSpace(place), strings.TrimSpace(rest), true
	}
	return "", s, false
}

// cainiaoLocal turns the epoch milliseconds of an event without timeStr into the local wall
// clock its timeZone ("GMT+8", "GMT+0800") names; ok is false without a zone.
func cainiaoLocal(ms int64, zone string) (time.Time, bool) {
	z, ok := strings.CutPrefix(zone, "GMT")
	if !ok || z == "" {
		return time.Time{}, false
	}
	sign := 1
	switch z[0] {
	case '-':
		sign = -1
		z = z[1:]
	case '+':
		z = z[1:]
	}
	h, m := z, "0"
	if len(z) == 4 {
		h, m = z[:2], z[2:]
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh > 14 {
		return time.Time{}, false
	}
	off := time.Duration(sign) * (time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
	return time.UnixMilli(ms).UTC().Add(off), true
}
