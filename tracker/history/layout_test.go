package history

import (
	"strings"
	"testing"
	"time"

	"proofpack/tracker"
)

// The shapes of issue 10, each as a real page printed it.
func TestPageShapesOfRealCarriers(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string // "YYYY-MM-DD HH:MM | status | place", newest first
	}{
		{"two-digit year with Uhr (DHL)", "Mi, 29.02.12 17:16\nUhr\n--\nDie Auftragsdaten zu dieser Sendung wurden vom Absender elektronisch an DHL übermittelt.",
			[]string{"2012-02-29 17:16 | info_received | "}},
		{"two-digit year, ore and commas (Poste Italiane)", "23.12.13 ore 11,13,06 Accettazione presso ufficio postale\n24.12.13 10.42.00 Sda (Prov.LI) Destinatario assente",
			[]string{"2013-12-24 10:42 | attempt_fail | ", "2013-12-23 11:13 | in_transit | "}},
		{"Correios route lines are the route", "13/11/2021 09:59 Objeto encaminhado - Unidade de Tratamento/SERRA/ES\nDe: Unidade de Tratamento/SERRA/ES Para: Unidade de Distribuição/VITORIA/ES\n17/11/2021 14:36 Objeto entregue ao destinatário - Unidade de Distribuição/VITORIA/ES",
			[]string{"2021-11-17 14:36 | delivered | Unidade de Distribuição/VITORIA/ES", "2021-11-13 09:59 | in_transit | Unidade de Tratamento/SERRA/ES"}},
		{"USPS summary sentence merges with its event", "Your item was delivered at 10:59 am on July 17, 2017 in LITTLE FERRY, NJ 07643.\nJuly 17, 2017, 10:59 am\tDelivered, Left with Individual\tLITTLE FERRY, NJ 07643\nJuly 17, 2017, 9:22 am\tOut for Delivery\tLITTLE FERRY, NJ 07643",
			[]string{"2017-07-17 10:59 | delivered | LITTLE FERRY, NJ 07643", "2017-07-17 09:22 | out_for_delivery | LITTLE FERRY, NJ 07643"}},
		{"USPS summary sentence alone is the delivery", "Your item was delivered in or at the mailbox at 11:26 am on May 16, 2016 in DES MOINES, IA 50311.\nOut for Delivery, May 16, 2016, 8:36 am, DES MOINES, IA 50311",
			[]string{"2016-05-16 11:26 | delivered | DES MOINES, IA 50311", "2016-05-16 08:36 | out_for_delivery | DES MOINES, IA 50311"}},
		{"time zones are not places (Cainiao)", "2023-09-28 09:46:53 (GMT+3)\nReceived by local delivery company\nCarrier note: Received by local  delivery company\n\n2023-09-27 16:40:01 (GMT+0)\nArrived at customs",
			[]string{"2023-09-28 09:46 | in_transit | ", "2023-09-27 16:40 | in_transit | "}},
		{"phones and masked names are not places", "2020-08-24 15:07:21 【谢**/152****0208】正在派件\n2020-08-24 16:12:43 【深圳宝安区二部】，已送达 已签收",
			[]string{"2020-08-24 16:12 | delivered | 深圳宝安区二部", "2020-08-24 15:07 | in_transit | "}},
		{"receiver is not the place", "2026-10-14 10:22\tDelivered\nSigned by: J. KOWALSKA\n2026-10-13 08:00\tOut for delivery\tWARSZAWA",
			[]string{"2026-10-14 10:22 | delivered | ", "2026-10-13 08:00 | out_for_delivery | WARSZAWA"}},
		{"town cell first (Poczta Polska)", "27.09.2021 14:13 Lublin przesyłka zwrócona nadawcy\n25.09.2021 09:02 Lublin przesyłka awizowana",
			[]string{"2021-09-27 14:13 | exception | Lublin", "2021-09-25 09:02 | attempt_fail | Lublin"}},
		{"weekday prefixes", "Mittwoch, 14.10.2026 10:22 Zugestellt\nвт, 13.10.2026 08:00 Прийнято у відділенні",
			[]string{"2026-10-14 10:22 | delivered | ", "2026-10-13 08:00 | in_transit | "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.page, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range p.Events {
				got = append(got, e.Time.Format("2006-01-02 15:04")+" | "+string(e.Status)+" | "+e.Place)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestEstimatedDeliveryIsTheETANotAnEvent(t *testing.T) {
	tests := []struct{ page, eta string }{
		{"Estimated delivery: October 20, 2026\nOctober 14, 2026, 8:05 am Arrived at facility", "2026-10-20"},
		{"Орієнтовна дата доставки\n20.10.2026\n14.10.2026 08:05 Прийнято у відділенні", "2026-10-20"},
		{"Voraussichtliche Zustellung: 20.10.2026\n14.10.2026 08:05 Die Sendung wurde im Start-Paketzentrum bearbeitet.", "2026-10-20"},
		{"预计送达 2026-10-20\n2026-10-14 08:05 已揽收", "2026-10-20"},
		// an event that mentions an estimate after its own date stays an event
		{"2026-10-14 08:05 Loaded on the van, delivery expected today", ""},
	}
	for _, tt := range tests {
		p, err := Parse(tt.page, Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.page, err)
		}
		got := ""
		if !p.ETA.IsZero() {
			got = p.ETA.Format("2006-01-02")
		}
		if got != tt.eta || len(p.Events) != 1 || p.Events[0].Time.Day() != 14 {
			t.Errorf("%q: ETA %q, events %v; want ETA %q and the one event of the 14th", tt.page, got, p.Events, tt.eta)
		}
	}
}

// The delivery, attempt, return, customs, in-transit and "no information" words of the
// languages issue 10 adds, as their carriers print them.
func TestClassifyMoreLanguages(t *testing.T) {
	tests := map[string]tracker.Status{
		// es
		"Entregada":                     tracker.StatusDelivered,
		"Entregadas al destinatario":    tracker.StatusDelivered,
		"Tu envío ha sido entregado":    tracker.StatusDelivered,
		"Intento de entrega fallido":    tracker.StatusAttemptFail,
		"Devuelta al remitente":         tracker.StatusException,
		"Retenido en aduana":            tracker.StatusException,
		"En tránsito hacia la aduana":   tracker.StatusInTransit,
		"No hay información disponible": tracker.StatusNotFound,
		// de
		"Die Sendung wurde zugestellt.":  tracker.StatusDelivered,
		"Zustellversuch erfolglos":       tracker.StatusAttemptFail,
		"Rücksendung an den Absender":    tracker.StatusException,
		"Die Sendung wird zugestellt":    tracker.StatusOutForDelivery,
		"Verzollung abgeschlossen, Zoll": tracker.StatusInTransit,
		// nl
		"Bezorgd":                               tracker.StatusDelivered,
		"Zending is bezorgd in de brievenbus":   tracker.StatusDelivered,
		"Niet thuis, nieuwe bezorgpoging":       tracker.StatusAttemptFail,
		"Retour afzender":                       tracker.StatusException,
		"Bezorger is onderweg":                  tracker.StatusOutForDelivery,
		"Pakket wordt ingeklaard bij de douane": tracker.StatusInTransit,
		"Geen informatie gevonden":              tracker.StatusNotFound,
		// uk
		"Вручено":  tracker.StatusDelivered,
		"Одержано": tracker.StatusDelivered,
		"Невдала спроба вручення": tracker.StatusAttemptFail,
		"Повернення відправнику":  tracker.StatusException,
		"Митне оформлення":        tracker.StatusInTransit,
		"Інформація відсутня":     tracker.StatusNotFound,
		// ja
		"お届け済み":      tracker.StatusDelivered,
		"ご不在のため持ち帰り": tracker.StatusAttemptFail,
		"差出人に返送":     tracker.StatusException,
		"配達中":        tracker.StatusOutForDelivery,
		"通関手続中":      tracker.StatusInTransit,
		"お問い合わせ番号が見つかりません": tracker.StatusNotFound,
		// ko
		"배송완료":         tracker.StatusDelivered,
		"배달 완료하였습니다.":  tracker.StatusDelivered,
		"미배달 (수취인 부재)": tracker.StatusAttemptFail,
		"반송":           tracker.StatusException,
		"배송출발":         tracker.StatusOutForDelivery,
		"통관 진행중":       tracker.StatusInTransit,
		"조회된 정보가 없습니다": tracker.StatusNotFound,
		// tr
		"Teslim edildi":                       tracker.StatusDelivered,
		"Alıcıya teslim edildi":               tracker.StatusDelivered,
		"Teslim edilemedi, alıcı adreste yok": tracker.StatusAttemptFail,
		"Göndericiye iade edildi":             tracker.StatusException,
		"Dağıtıma çıkarıldı":                  tracker.StatusOutForDelivery,
		"Gümrük işlemleri":                    tracker.StatusInTransit,
		"Kayıt bulunamadı":                    tracker.StatusNotFound,
		// he
		"הדבר נמסר לנמען":   tracker.StatusDelivered,
		"ניסיון מסירה נכשל": tracker.StatusAttemptFail,
		"הוחזר לשולח":       tracker.StatusException,
		"יצא לחלוקה":        tracker.StatusOutForDelivery,
		"בטיפול מכס":        tracker.StatusInTransit,
		"לא נמצא מידע":      tracker.StatusNotFound,
		"לא נמסר":           tracker.StatusException,
		// ar
		"تم التسليم":         tracker.StatusDelivered,
		"محاولة تسليم فاشلة": tracker.StatusAttemptFail,
		"إعادة إلى المرسل":   tracker.StatusException,
		"خارج للتسليم":       tracker.StatusOutForDelivery,
		"في الجمارك":         tracker.StatusInTransit,
		"لا توجد معلومات":    tracker.StatusNotFound,
		"لم يتم التسليم":     tracker.StatusException,
	}
	for desc, want := range tests {
		if got := Classify(desc); got != want {
			t.Errorf("Classify(%q) = %s, want %s", desc, got, want)
		}
	}
}

func TestKoreanDates(t *testing.T) {
	p, err := Parse("2026년 10월 14일 14시 35분 배송완료", Options{})
	if err != nil || len(p.Events) != 1 || !p.Events[0].Time.Equal(time.Date(2026, 10, 14, 14, 35, 0, 0, time.UTC)) {
		t.Fatalf("%+v, %v", p.Events, err)
	}
}
