package feeds

import (
	"encoding/json"
	"strings"
	"time"

	"proofpack/tracker"
)

// Correios's tracking (rastreamento.correios.com.br, and its API "SRO Rastro") answers
// {"objetos": [{"codObjeto", "eventos": [{"codigo", "tipo", "dtHrCriado", "descricao",
// "detalhe", "unidade": {"nome", "endereco": {"cidade", "uf"}}, "unidadeDestino": {...}}]}]};
// some wrappers hand on one objeto alone. dtHrCriado is local time, as text or as
// {"date": "2026-09-01 08:00:00.000000", "timezone"}. unidadeDestino is where the parcel goes
// next: the route, never the event's place.
type correiosObjeto struct {
	CodObjeto *string `json:"codObjeto"`
	Eventos   []struct {
		Codigo     string          `json:"codigo"`
		Tipo       string          `json:"tipo"`
		DtHrCriado json.RawMessage `json:"dtHrCriado"`
		Descricao  string          `json:"descricao"`
		Unidade    *struct {
			Nome     string `json:"nome"`
			Endereco struct {
				Cidade string `json:"cidade"`
				UF     string `json:"uf"`
			} `json:"endereco"`
		} `json:"unidade"`
	} `json:"eventos"`
}

// correiosDelivered are the event codes that are a delivery when their tipo is 01 or 00
// (other tipos of the same codes are failed attempts); OEC is "out for delivery".
var correiosDelivered = map[string]bool{"BDE": true, "BDI": true, "BDR": true}

func readCorreios(body []byte) ([]Reading, bool) {
	var wrapped struct {
		Objetos []correiosObjeto `json:"objetos"`
	}
	var objs []correiosObjeto
	if json.Unmarshal(body, &wrapped) == nil && len(wrapped.Objetos) > 0 {
		objs = wrapped.Objetos
	} else {
		var one correiosObjeto
		if json.Unmarshal(body, &one) != nil || one.CodObjeto == nil {
			return nil, false
		}
		objs = []correiosObjeto{one}
	}
	if objs[0].CodObjeto == nil {
		return nil, false
	}
	var out []Reading
	for _, o := range objs {
		rd := Reading{Events: []tracker.Event{}}
		if o.CodObjeto != nil {
			rd.Number = *o.CodObjeto
		}
		for _, e := range o.Eventos {
			place := ""
			if u := e.Unidade; u != nil {
				place = u.Endereco.Cidade
				if place != "" && u.Endereco.UF != "" {
					place += " - " + u.Endereco.UF
				}
				if place == "" {
					place = u.Nome
				}
			}
			at, ok := correiosTime(e.DtHrCriado)
			if !ok {
				rd.Events = append(rd.Events, undated(place, e.Descricao))
				continue
			}
			var status tracker.Status
			switch {
			case correiosDelivered[e.Codigo] && (e.Tipo == "01" || e.Tipo == "00"):
				status = tracker.StatusDelivered
			case e.Codigo == "OEC" && (e.Tipo == "01" || e.Tipo == "03"):
				status = tracker.StatusOutForDelivery
			}
			rd.Events = append(rd.Events, event(at, place, e.Descricao, status))
		}
		out = append(out, rd)
	}
	return out, true
}

func correiosTime(raw json.RawMessage) (time.Time, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return wallClock(s)
	}
	var d struct {
		Date string `json:"date"`
	}
	if json.Unmarshal(raw, &d) == nil {
		return wallClock(strings.TrimSpace(d.Date))
	}
	return time.Time{}, false
}
