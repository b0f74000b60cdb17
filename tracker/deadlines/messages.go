package deadlines

import (
	"strings"

	"proofpack/tracker"
)

// Talking to the seller comes first on every marketplace (AliExpress, eBay, Amazon and Etsy all
// ask for it before a claim), and a dated, polite message is itself evidence of "an attempt to
// settle with the merchant" (Visa 13.1). These are ready texts, filled from the case.

// Message kinds: what the buyer asks the seller for.
const (
	AskShipDate = "ship_date" // the date it was really handed to the carrier
	AskTracking = "tracking"  // a tracking number that works
	AskRefund   = "refund"    // the money back
)

// MessageKinds in the order the buyer usually needs them.
var MessageKinds = []string{AskShipDate, AskTracking, AskRefund}

// MessageLanguages: English and simplified Chinese for every seller, and the buyer's own
// languages where ProofPack has them.
var MessageLanguages = []string{"en", "zh", "es", "pt", "ru"}

// SellerMessage is one ready text.
type SellerMessage struct {
	Kind string `json:"kind"`
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// templates[lang] = greeting, the order line, one line per kind, the reply-by line, sign-off.
var templates = map[string]struct {
	hello, order, shipDate, tracking, refund, replyBy, bye string
}{
	"en": {
		hello:    "Hello {seller},",
		order:    "My order {order} ({item}), placed on {ordered}, has not arrived. The tracking number {number} shows no progress.",
		shipDate: "Please tell me the date the parcel was really handed to the carrier, and which carrier has it.",
		tracking: "The tracking number {number} does not work: the carrier's page shows nothing for my parcel. Please send me a tracking number that works.",
		refund:   "As the parcel has not arrived, please refund the full amount of {amount} for this order.",
		replyBy:  "If I have no answer by {reply_by}, I will open a dispute.",
		bye:      "Thank you,\n{name}",
	},
	"zh": {
		hello:    "您好，{seller}：",
		order:    "我的订单 {order}（{item}）于 {ordered} 下单，至今未收到。物流单号 {number} 没有任何进展。",
		shipDate: "请告诉我包裹实际交给快递公司的日期，以及由哪家快递公司承运。",
		tracking: "物流单号 {number} 无法查询：承运商网站上没有我的包裹的任何信息。请提供一个可以查询的有效物流单号。",
		refund:   "由于包裹至今未到，请全额退款 {amount}。",
		replyBy:  "如果在 {reply_by} 之前没有收到您的答复，我将发起纠纷。",
		bye:      "谢谢！\n{name}",
	},
	"es": {
		hello:    "Hola, {seller}:",
		order:    "Mi pedido {order} ({item}), realizado el {ordered}, no ha llegado. El número de seguimiento {number} no muestra avances.",
		shipDate: "Por favor, indíqueme la fecha en que el paquete se entregó realmente al transportista y qué transportista lo tiene.",
		tracking: "El número de seguimiento {number} no funciona: la página del transportista no muestra nada de mi paquete. Envíeme un número de seguimiento que funcione.",
		refund:   "Como el paquete no ha llegado, le ruego que me reembolse el importe completo de {amount} de este pedido.",
		replyBy:  "Si no tengo respuesta antes del {reply_by}, abriré una disputa.",
		bye:      "Gracias,\n{name}",
	},
	"pt": {
		hello:    "Olá, {seller}:",
		order:    "O meu pedido {order} ({item}), feito em {ordered}, não chegou. O código de rastreio {number} não mostra avanços.",
		shipDate: "Por favor, diga-me a data em que a encomenda foi realmente entregue à transportadora e qual transportadora a tem.",
		tracking: "O código de rastreio {number} não funciona: a página da transportadora não mostra nada sobre a minha encomenda. Envie-me um código de rastreio que funcione.",
		refund:   "Como a encomenda não chegou, peço o reembolso do valor total de {amount} deste pedido.",
		replyBy:  "Se não tiver resposta até {reply_by}, abrirei uma disputa.",
		bye:      "Obrigado,\n{name}",
	},
	"ru": {
		hello:    "Здравствуйте, {seller}!",
		order:    "Мой заказ {order} ({item}) от {ordered} до сих пор не пришёл. Трек-номер {number} не показывает движения.",
		shipDate: "Пожалуйста, сообщите, когда посылка была на самом деле передана перевозчику и какому.",
		tracking: "Трек-номер {number} не работает: на сайте перевозчика нет данных о моей посылке. Пожалуйста, пришлите рабочий трек-номер.",
		refund:   "Так как посылка не пришла, прошу вернуть полную сумму {amount} за этот заказ.",
		replyBy:  "Если до {reply_by} ответа не будет, я открою спор.",
		bye:      "Спасибо,\n{name}",
	},
}

// ReplyDays is how long the messages give the seller: eBay gives 3 business days, Amazon and
// Etsy 48 hours; three calendar days is fair and leaves the dispute window open.
const ReplyDays = 3

// SellerMessageFor fills one message for the case; name is the buyer's name (empty: left out),
// today the day it is sent. ok is false for an unknown kind or language.
func SellerMessageFor(c tracker.Case, kind, lang, name string, today tracker.Date) (SellerMessage, bool) {
	t, ok := templates[lang]
	if !ok {
		return SellerMessage{}, false
	}
	var ask string
	switch kind {
	case AskShipDate:
		ask = t.shipDate
	case AskTracking:
		ask = t.tracking
	case AskRefund:
		ask = t.refund
	default:
		return SellerMessage{}, false
	}
	number := strings.Join(c.Numbers(), ", ")
	r := strings.NewReplacer("{seller}", c.Seller, "{order}", c.OrderNumber, "{item}", c.Item,
		"{ordered}", c.Ordered.String(), "{number}", number, "{amount}", c.Amount.String()+" "+c.Currency,
		"{reply_by}", today.AddDays(ReplyDays).String(), "{name}", name)
	parts := []string{t.hello, t.order, ask, t.replyBy, t.bye}
	text := r.Replace(strings.Join(parts, "\n\n"))
	return SellerMessage{Kind: kind, Lang: lang, Text: strings.TrimRight(text, "\n ")}, true
}

// languageOf is the language of the buyer's country, where ProofPack has texts in it.
var languageOf = map[string]string{
	"BR": "pt", "PT": "pt", "AO": "pt", "MZ": "pt",
	"ES": "es", "MX": "es", "AR": "es", "CO": "es", "CL": "es", "PE": "es", "VE": "es", "EC": "es", "UY": "es", "PY": "es", "BO": "es",
	"RU": "ru", "BY": "ru", "KZ": "ru", "KG": "ru",
}

// LanguageOf is the buyer's language for seller messages from their country ("" for English).
func LanguageOf(country string) string { return languageOf[country] }

// SellerMessages are every kind in English, simplified Chinese and, when ProofPack has it, lang
// (the buyer's language), in that order.
func SellerMessages(c tracker.Case, lang, name string, today tracker.Date) []SellerMessage {
	langs := []string{"en", "zh"}
	if _, ok := templates[lang]; ok && lang != "en" && lang != "zh" {
		langs = append(langs, lang)
	}
	var out []SellerMessage
	for _, k := range MessageKinds {
		for _, l := range langs {
			m, _ := SellerMessageFor(c, k, l, name, today)
			out = append(out, m)
		}
	}
	return out
}
