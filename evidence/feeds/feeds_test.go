package feeds

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"proofpack/tracker"
)

// line writes an event as the expectations below are written: time | place | words | status.
func line(e tracker.Event) string {
	at := e.Time.Format("2006-01-02 15:04:05")
	if e.Unparsed {
		at = "undated"
	}
	return fmt.Sprintf("%s | %s | %s | %s", at, e.Place, e.Description, e.Status)
}

// expected are the events of each testdata body, read by hand, newest first.
var expected = map[string]struct {
	reader, number string
	events         []string
}{
	"cainiao-AE010698498.json": {"cainiao", "AE010698498", []string{
		"2023-01-27 13:23:00 |  | Arrived at linehual office | in_transit",
		"2023-01-26 23:18:00 |  | Departed from departure country/region | in_transit",
		"2023-01-26 09:47:00 |  | Import customs clearance started | in_transit",
		"2023-01-26 08:00:00 |  | Leaving from departure country/region | in_transit",
		"2023-01-25 14:55:42 |  | Export customs clearance complete | in_transit",
		"2023-01-25 14:35:19 |  | Export customs clearance started | in_transit",
		"2023-01-25 11:50:38 |  | Carrier update | in_transit",
		"2023-01-25 08:25:15 |  | Arrived at departure transport hub | in_transit",
		"2023-01-24 20:54:35 | Shatian Town | Departed from sorting center | in_transit",
		"2023-01-24 20:20:21 |  | Received by logistics company | in_transit",
		"2023-01-24 20:20:21 | Shatian Town | Processing at sorting center | in_transit",
		"2023-01-24 11:30:03 |  | Carrier update | info_received",
		"2023-01-24 11:30:03 |  | Package shipped out from warehouse | info_received",
		"2023-01-24 11:26:28 |  | Package ready for shipping from warehouse | info_received",
		"2023-01-24 01:59:33 |  | Shipment information received by warehouse electronically | info_received",
	}},
	"cainiao-RS0814398526Y.json": {"cainiao", "RS0814398526Y", []string{
		"2023-09-28 09:46:53 |  | Import customs clearance complete | in_transit",
		"2023-09-28 09:46:53 |  | Received by local delivery company | in_transit",
		"2023-09-28 09:46:53 |  | Departed from customs | in_transit",
		"2023-09-27 16:40:01 |  | Arrived at customs | in_transit",
		"2023-09-26 10:13:00 |  | Arrived at linehaul office | in_transit",
		"2023-09-26 01:24:00 |  | Departed from departure country/region | in_transit",
		"2023-09-25 11:08:00 |  | Export customs clearance complete | in_transit",
		"2023-09-25 08:41:00 |  | Export customs clearance started | in_transit",
		"2023-09-25 08:00:00 |  | Leaving from departure country/region | in_transit",
		"2023-09-23 13:29:38 |  | Arrived at departure transport hub | in_transit",
		"2023-09-22 22:50:49 | Fenggang Town | Departed from sorting center | in_transit",
		"2023-09-22 20:34:56 | Fenggang Town | Processing at sorting center | in_transit",
		"2023-09-22 17:51:16 |  | Import customs clearance started | in_transit",
		"2023-09-22 15:55:02 |  | Received by logistics company | in_transit",
	}},
	"correios-DG049186226BR.json": {"correios", "DG049186226BR", []string{
		"2022-03-11 17:03:00 | XAPURI - AC | Objeto entregue ao destinatário | delivered",
		"2022-03-11 17:02:45 | SAO PAULO - SP | Objeto em rota de entrega | out_for_delivery",
		"2022-03-11 17:02:35 | BRASILIA - DF | Objeto em trânsito | in_transit",
		"2022-03-10 19:10:36 | SAO PAULO - SP | Objeto postado | in_transit",
	}},
	"correios-QQ850419295BR.json": {"correios", "QQ850419295BR", []string{
		"2024-03-15 14:19:48 | NITEROI - RJ | Objeto entregue ao destinatário | delivered",
		"2024-03-15 09:19:54 | NITEROI - RJ | Objeto saiu para entrega ao destinatário | out_for_delivery",
		"2024-03-14 07:58:42 | RIO DE JANEIRO - RJ | Objeto em transferência - por favor aguarde | in_transit",
		"2024-03-12 14:26:40 | PORTO ALEGRE - RS | Objeto em transferência - por favor aguarde | in_transit",
		"2024-03-11 14:40:36 | PORTO ALEGRE - RS | Objeto em transferência - por favor aguarde | in_transit",
		"2024-03-11 14:39:20 | PORTO ALEGRE - RS | Objeto postado | in_transit",
	}},
	"dhl-00340434292135100186.json": {"dhl", "00340434292135100186", []string{
		"2023-05-08 10:37:00 | Henderson, NV, US | DELIVERED - PARCEL LOCKER | delivered",
		"2023-05-08 06:10:00 | Henderson, NV, US | OUT FOR DELIVERY | out_for_delivery",
		"2023-05-08 01:17:00 | Henderson, NV, US | ARRIVAL AT POST OFFICE | in_transit",
		"2023-05-08 00:02:00 | Henderson, NV, US | ARRIVED USPS SORT FACILITY | in_transit",
		"2023-05-06 04:18:30 | Whittier, CA, US | TENDERED TO DELIVERY SERVICE PROVIDER | in_transit",
		"2023-05-05 10:51:20 | Whittier, CA, US | ARRIVAL DESTINATION DHL ECOMMERCE FACILITY | in_transit",
		"2023-05-03 14:27:32 | Hebron, KY, US | DEPARTURE ORIGIN DHL ECOMMERCE FACILITY | in_transit",
		"2023-05-03 01:10:21 | Hebron, KY, US | PROCESSED | in_transit",
		"2023-05-02 19:25:28 | Hebron, KY, US | PACKAGE RECEIVED AT DHL ECOMMERCE DISTRIBUTION CENTER | in_transit",
		"2023-05-01 14:11:21 |  | EN ROUTE TO DHL ECOMMERCE OR AWAITING PROCESSING | info_received",
		"2023-05-01 14:05:23 |  | DHL ECOMMERCE CURRENTLY AWAITING SHIPMENT AND TRACKING WILL BE UPDATED | info_received",
		"2023-05-01 10:02:48 |  | LABEL CREATED | info_received",
	}},
	"usps-9400109104250532908587.json": {"usps", "9400109104250532908587", []string{
		"2024-11-22 13:58:00 | HERNANDO, FL 34442 | Delivered, Parcel Locker | delivered",
		"2024-11-22 09:10:00 | HERNANDO, FL 34442 | Out for Delivery | out_for_delivery",
		"2024-11-22 08:59:00 | LECANTO, FL 34461 | Arrived at Post Office | in_transit",
		"2024-11-20 01:13:00 | JACKSONVILLE FL DISTRIBUTION CENTER | Arrived at USPS Regional Facility | in_transit",
		"2024-11-20 01:11:00 |  | In Transit to Next Facility | in_transit",
		"2024-11-19 18:07:00 |  | In Transit to Next Facility | in_transit",
		"2024-11-19 12:11:00 |  | In Transit to Next Facility | in_transit",
		"2024-11-19 06:16:00 | QUEENS NY DISTRIBUTION CENTER | Departed USPS Regional Facility | in_transit",
		"2024-11-18 18:02:00 | QUEENS NY DISTRIBUTION CENTER | Arrived at USPS Regional Origin Facility | in_transit",
		"2024-11-18 17:01:00 | JAMAICA, NY 11430 | Departed Post Office | in_transit",
		"2024-11-18 11:10:00 | JAMAICA, NY 11430 | USPS in possession of item | in_transit",
		"2024-11-15 11:32:00 | SPRINGFIELD GARDENS, NY 11413 | Shipping Label Created, USPS Awaiting Item | info_received",
	}},
}

func TestPublishedResponses(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	if len(files) != len(expected) {
		t.Errorf("%d bodies in testdata, %d with expectations: each body needs its events written down", len(files), len(expected))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, ok := expected[filepath.Base(f)]
			if !ok {
				t.Fatal("no expected events")
			}
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := Read(body)
			if len(got) != 1 || got[0].Reader != want.reader || got[0].Number != want.number {
				t.Fatalf("readings %+v, want one %s reading of %s", got, want.reader, want.number)
			}
			var lines []string
			for _, e := range got[0].Events {
				lines = append(lines, line(e))
			}
			// Events of the same second may come in either order.
			slices.Sort(lines)
			exp := slices.Clone(want.events)
			slices.Sort(exp)
			if !slices.Equal(lines, exp) {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(exp, "\n"))
			}
			for i := 1; i < len(got[0].Events); i++ {
				if got[0].Events[i].Time.After(got[0].Events[i-1].Time) {
					t.Errorf("events not newest first at %d", i)
				}
			}
		})
	}
}

func TestBodiesNoReaderKnows(t *testing.T) {
	for _, body := range []string{
		`{}`, `[]`, `null`, `"text"`, `{"module": []}`, `{"objetos": []}`, `{"eventos": []}`,
		`{"trackingEvents": []}`, `{"success": true, "data": {"list": []}}`, `not json`,
		`{"module": [{"detailList": [{"timeStr": "2023-01-01 10:00:00", "desc": "x"}]}]}`, // no mailNo: not Cainiao's
	} {
		if got := Read([]byte(body)); len(got) != 0 {
			t.Errorf("Read(%s) = %+v, want nothing", body, got)
		}
	}
}

func TestOddValuesAreKeptNotInvented(t *testing.T) {
	got := Read([]byte(`{"objetos":[{"codObjeto":"LB528961554HK","eventos":[
		{"codigo":"RO","tipo":"01","dtHrCriado":"2022-04-21T12:22:00","descricao":"Objeto em trânsito - por favor aguarde",
		 "unidade":{"endereco":{},"nome":"HONG KONG","tipo":"País"},"unidadeDestino":{"endereco":{"uf":"BR"},"nome":"Unidade de Tratamento Internacional"}},
		{"codigo":"BDE","tipo":"01","dtHrCriado":{"date":"2026-09-01 08:00:00.000000","timezone_type":3,"timezone":"America/Sao_Paulo"},"descricao":"Objeto entregue ao destinatário","unidade":{"endereco":{"cidade":"SAO PAULO","uf":"SP"}}},
		{"codigo":"BDE","tipo":"23","dtHrCriado":"sometime","descricao":"Objeto devolvido ao remetente"}]}]}`))
	if len(got) != 1 {
		t.Fatalf("readings %+v", got)
	}
	var lines []string
	for _, e := range got[0].Events {
		lines = append(lines, line(e))
	}
	want := []string{
		"2026-09-01 08:00:00 | SAO PAULO - SP | Objeto entregue ao destinatário | delivered",
		"2022-04-21 12:22:00 | HONG KONG | Objeto em trânsito - por favor aguarde | in_transit",
		"undated |  | Objeto devolvido ao remetente | exception",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	// Cainiao's last-mile codes say the status whatever the words (a body we wrote: no published
	// delivered body was found).
	got = Read([]byte(`{"module":[{"mailNo":"LP00123456789012","detailList":[
		{"timeStr":"2026-05-16 19:43:30","desc":"【上海市】已签收","actionCode":"GTMS_SIGNED"},
		{"timeStr":"2026-05-16 08:02:10","desc":"派送中","actionCode":"GTMS_DELIVERING"},
		{"timeStr":"2026-05-15 18:00:00","desc":"Carrier update","actionCode":"GTMS_SIGN_FAILURE"}]}]}`))
	var st []tracker.Status
	for _, e := range got[0].Events {
		st = append(st, e.Status)
	}
	if !slices.Equal(st, []tracker.Status{tracker.StatusDelivered, tracker.StatusOutForDelivery, tracker.StatusAttemptFail}) {
		t.Errorf("statuses from Cainiao's codes: %v", st)
	}
	if e := got[0].Events[0]; e.Place != "上海市" || e.Description != "已签收" {
		t.Errorf("the town in 【】 is the place: %q, %q", e.Place, e.Description)
	}

	// Cainiao without timeStr: the epoch and the zone give the local clock.
	got = Read([]byte(`{"module":[{"mailNo":"LP00123456789012","detailList":[{"time":1674746280000,"timeZone":"GMT+8","standerdDesc":"Departed from departure country/region"}]}]}`))
	if len(got) != 1 || len(got[0].Events) != 1 || line(got[0].Events[0]) != "2023-01-26 23:18:00 |  | Departed from departure country/region | in_transit" {
		t.Errorf("Cainiao event from its epoch: %+v", got)
	}
}
