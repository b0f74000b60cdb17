package history

import (
	"proofpack/tracker"
)

// phrases maps statuses to the words carriers use for them, folded (see Fold). The order of
// the list is the order of the checks: the narrower meaning comes first, so "not delivered",
// "delivery attempt" and "out for delivery" win over "delivered", and Russian "место вручения"
// (at the pick-up office) over "вручен" (handed over).
var phrases = []struct {
	status tracker.Status
	words  []string
}{
	{tracker.StatusNotFound, []string{
		"no information available", "no tracking information", "not found", "no results", "no record",
		"could not locate", "not yet available", "invalid tracking number", "status not available", "no information",
		"objeto nao encontrado", "nenhum dado encontrado", "nao foi possivel encontrar", "nao ha informacoes", "sem informacoes",
		"no se ha encontrado", "no hay informacion", "no encontrado", "sin informacion", "no disponible todavia",
		"aucune information", "introuvable", "pas d'information", "numero inconnu", "aucun resultat",
		"keine informationen", "keine daten", "nicht gefunden", "keine sendung", "unbekannte sendungsnummer",
		"nessuna informazione", "non trovata", "non trovato", "nessun risultato", "non e stato trovato",
		"brak informacji", "nie znaleziono", "brak danych", "nie odnaleziono",
		"не найдено", "нет информации", "не найден", "информация отсутствует", "нет данных",
		"查询不到", "暂无", "无信息", "未查询到", "没有找到", "查无", "未找到",
		"no tracking updates", "no updates yet",
		"cannot be found", "information is not available", "no pin history", "geen informatie", "niet gevonden", "geen gegevens", "немає інформації", "не знайдено", "відсутня інформація", "інформація відсутня",
		"見つかりません", "該当なし", "登録されていません", "조회 결과가 없", "정보가 없", "조회된 정보가 없", "bilgi bulunamadi", "kayit bulunamadi", "sonuc bulunamadi",
		"לא נמצא", "אין מידע", "לא נמצאו", "لا توجد معلومات", "لم يتم العثور", "لا توجد بيانات",
	}},
	// "Not delivered yet" holds "delivered" (and "nicht zugestellt", "не вручено"...): it must
	// outrank the delivery and the "not delivered" exception phrases inside it, or a parcel on
	// its way reads as delivered, which the rules then check against the buyer's town.
	{tracker.StatusInTransit, []string{
		"not yet delivered", "not yet been delivered", "not been delivered", "pas encore livre",
		"pas encore ete livre", "noch nicht zugestellt", "ainda nao foi entregue", "todavia no entregado",
		"todavia no ha sido entregado", "non ancora consegnat", "jeszcze nie doreczon", "еще не вручен",
		"todavia no entregad", "nog niet bezorgd", "ще не вручено", "henuz teslim edilmedi", "עדיין לא נמסר", "لم يتم التسليم بعد",
	}},
	{tracker.StatusException, []string{
		"returned to sender", "return to sender", "returning to sender", "undeliverable", "undelivered", "not delivered",
		"refused", "lost", "damaged", "held by customs", "customs hold", "exception", "cancelled", "canceled", "rejected",
		"devolvido", "devolucao", "extraviado", "nao entregue", "roubado", "recusado",
		"devuelto", "devolucion", "no entregado", "rechazado", "perdido",
		"retourne a l'expediteur", "retour a l'expediteur", "retour expediteur", "non distribuable", "non livre", "refuse", "perdu", "endommage",
		"rucksendung", "zuruck an absender", "unzustellbar", "nicht zustellbar", "nicht zugestellt", "verloren", "beschadigt", "verweigert",
		"restituito", "reso al mittente", "in restituzione", "smarrito", "non consegnat", "rifiutat", "danneggiat",
		"zwrot do nadawcy", "zwrocon", "zaginion", "uszkodzon", "odmowa przyjecia", "nie doreczono", "odeslan",
		"возврат", "возвращено", "утрачено", "уничтожено", "повреждено", "отказ", "не вручено",
		"退回", "退件", "异常", "丢失", "破损", "拒收", "退还",
		"no entregada", "no fue entregad", "retenido en aduana", "en devolucion", "devuelta", "beschadigung", "retour afzender", "retour naar afzender", "retourzending", "geweigerd", "niet bezorgd",
		"повернення", "повернуто", "відмова", "втрачено", "пошкоджено", "не вручено", "返送", "返還", "差出人に戻", "受取拒否", "반송", "반품", "수취거부", "분실",
		"iade", "gonderene iade", "teslim edilmedi", "reddedildi", "kayip", "hasarli", "הוחזר", "לא נמסר", "סירב", "החזרה לשולח", "إعادة إلى المرسل", "تمت الإعادة", "مرتجع", "لم يتم التسليم", "رفض",
	}},
	{tracker.StatusAttemptFail, []string{
		"delivery attempt", "attempted delivery", "attempted - ", "notice left", "addressee not available", "no one available",
		"business closed", "unable to deliver", "delivery failed", "could not be delivered", "cannot be delivered",
		"can't be delivered", "couldn't be delivered", "pas pu etre livre", "pas pu etre distribue",
		"no se pudo entregar", "nao foi possivel entregar", "未签收",
		"tentativa de entrega", "destinatario ausente", "carteiro nao atendido", "ausente",
		"intento de entrega", "entrega fallida", "entrega no efectuada",
		"tentative de livraison", "avis de passage", "destinataire absent",
		"zustellversuch", "nicht angetroffen", "benachrichtigungskarte",
		"tentativo di consegna", "destinatario assente", "mancata consegna",
		"proba doreczenia", "nieudana", "awizo", "awizowan", "adresat nieobecny",
		"неудачная попытка", "попытка вручения", "адресат отсутствует",
		"投递失败", "未妥投", "投递未成功", "派送失败",
		"entrega intentada", "intento fallido", "niet thuis", "bezorgpoging", "kon niet worden bezorgd", "kon niet bezorgd", "невдала спроба", "спроба вручення", "адресат відсутній", "временное отсутствие адресата",
		"ご不在", "不在", "持戻", "미배달", "배달실패", "배송실패", "부재", "teslim edilemedi", "adreste bulunamadi", "alici adreste yok", "ניסיון מסירה", "ניסיון מסירה נכשל", "محاولة تسليم", "محاولة التسليم", "فشل التسليم",
	}},
	{tracker.StatusPickup, []string{
		"available for pickup", "ready for pickup", "ready for collection", "awaiting collection", "held at post office",
		"at pickup point", "available for collection",
		"aguardando retirada", "disponivel para retirada", "disponivel para retirar",
		"disponible para recoger", "listo para recoger", "disponible en oficina",
		"disponible en point", "disponible au bureau", "disponible dans votre", "en attente de retrait", "a retirer",
		"zur abholung", "abholbereit", "liegt in der filiale", "in der packstation", "bereit zur abholung",
		"in giacenza", "disponibile per il ritiro", "pronto per il ritiro",
		"gotowa do odbioru", "do odbioru w", "czeka na odbior", "awaiting pickup",
		"место вручения", "ожидает адресата", "готово к выдаче", "ожидает в пункте выдачи",
		"待取件", "待自取", "可取件", "驿站",
		"disponible para su recogida", "listo para retirar", "ligt klaar", "af te halen", "ophalen bij", "прибуло у відділення", "прибуло до відділення", "очікує у відділенні", "готове до видачі", "надійшло до відділення",
		"窓口でお預かり", "営業所で保管", "보관중", "teslim alinmayi bekliyor", "subede bekliyor", "ממתין לאיסוף", "מוכן לאיסוף", "جاهز للاستلام", "بانتظار الاستلام",
	}},
	{tracker.StatusOutForDelivery, []string{
		"out for delivery", "with delivery courier", "on vehicle for delivery", "on its way to you today",
		"saiu para entrega", "em rota de entrega",
		"en reparto", "salio para entrega", "en proceso de entrega",
		"sorti pour livraison",
		"en cours de livraison", "en livraison",
		"in zustellung", "wird heute zugestellt", "zustellung heute", "in der zustellung",
		"in consegna", "in fase di consegna",
		"wydano do doreczenia", "w doreczeniu", "przekazano do doreczenia", "kurier dorecza",
		"передано курьеру", "доставляется курьером", "передано для доставки", "выдано курьеру",
		"派送中", "正在派送", "派件中", "正在投递", "安排投递",
		"en ruta de entrega", "con el repartidor", "wird zugestellt", "bezorger is onderweg", "wordt vandaag bezorgd", "onderweg naar de bezorger", "передано кур", "доставляється", "передано для доставки",
		"配達中", "持ち出し", "持出", "배송출발", "배달출발", "배달중", "dagitima cikarildi", "dagitimda", "kuryeye verildi", "יצא לחלוקה", "בחלוקה", "خارج للتسليم", "قيد التوصيل", "مع مندوب التوصيل",
	}},
	{tracker.StatusDelivered, []string{
		"delivered", "delivery completed", "signed for", "picked up by customer", "collected by customer", "collected by recipient",
		"entregue", "entregado", "entrega realizada", "est livre", "ete livre", "livre au", "livre a ", "colis livre", "distribue",
		"zugestellt", "ausgeliefert", "consegnato", "consegnata", "recapitat", "consegna effettuata",
		"doreczono", "dostarczono", "doreczona", "odebrano", "odebrana",
		"вручен", "получено адресатом", "доставлено", "доставлен",
		"已签收", "签收", "妥投", "已投递",
		"entregada", "entregadas",
		"livre avec", "article livre", "entregados", "fue entregad", "ha sido entregad", "entrega efectuada", "abgeliefert", "bezorgd", "afgeleverd", "doreczenie", "вручено", "одержано", "доставлено одержувачу", "видано одержувачу",
		"お届け済み", "お届け完了", "配達完了", "配達済み", "배송완료", "배달완료", "배송 완료", "배달 완료", "teslim edildi", "aliciya teslim", "נמסר", "נמסרה", "تم التسليم", "تم تسليم",
	}},
	{tracker.StatusInfoReceived, []string{
		"label created", "pre-shipment", "shipment information received", "electronic information", "awaiting item",
		"order information received", "pre-advice", "info received", "awaiting seller", "preparing to ship",
		"etiqueta emitida", "aguardando postagem", "informacoes eletronicas",
		"pre-admision", "prerregistrado", "informacion recibida", "etiqueta creada",
		"etiquette creee", "en attente de prise en charge", "annonce",
		"elektronisch angekundigt", "sendungsdaten", "auftragsdaten",
		"dati ricevuti", "in attesa di presa in carico", "spedizione registrata",
		"zarejestrowan", "dane przesylki", "etykieta utworzona", "przygotowana przez nadawce",
		"присвоен", "получена информация", "регистрация отправления",
		"已下单", "等待揽收", "已发货", "电子信息", "待揽收",
		"zending aangemeld", "aangemeld", "створено", "зареєстровано", "очікує надходження", "伝票番号", "荷物受付", "상품준비중", "접수", "gonderi kaydi", "kargoya verilecek", "נוצרה", "تم إنشاء",
	}},
	// Ordinary transit words: they classify as the default anyway, but mark the cell that
	// describes the event, so the town printed beside it is read as the place.
	{tracker.StatusInTransit, []string{
		"accepted", "arrived", "departed", "processed", "in transit", "customs", "sorting", "dispatched", "received",
		"postado", "em transito", "encaminhado", "recebido", "en transito", "admitido", "clasificado",
		"pris en charge", "achemine", "en transit", "bearbeitet", "eingegangen", "transport", "verladen",
		"in transito", "partit", "arrivat", "lavorazione", "przyjet", "nadan", "wyslan", "w drodze", "sortown",
		"принято", "прибыло", "покинуло", "таможен", "сортиров", "обработ",
		"揽收", "到达", "离开", "发往", "运输", "清关", "转运",
		"aduana", "douane", "onderweg", "gesorteerd", "ontvangen", "zoll", "прийнято", "надійшло", "відправлено", "митн", "сортувальн", "引受", "到着", "発送", "輸送中", "中継", "通関",
		"집하", "간선", "도착", "발송", "이동중", "통관", "kabul edildi", "transfer", "yolda", "gumruk", "aktarma", "בדרך", "מכס", "מיון", "התקבל", "الجمارك", "قيد النقل", "في الطريق", "وصل", "غادر",
	}},
}

// Classify returns the status the words of an event description mean. A dated event whose words
// are not known is in transit: that is what the middle of every history looks like.
func Classify(description string) tracker.Status {
	if s, ok := matchText(description); ok {
		return s
	}
	return tracker.StatusInTransit
}

// phraseIndex files every phrase under its first two bytes, so match reads a description once
// instead of searching it for each of several hundred phrases.
var phraseIndex = func() (idx [256]*[256][]phrase) {
	for rank, p := range phrases {
		for _, w := range p.words {
			if idx[w[0]] == nil {
				idx[w[0]] = new([256][]phrase)
			}
			idx[w[0]][w[1]] = append(idx[w[0]][w[1]], phrase{w, rank})
		}
	}
	return idx
}()

type phrase struct {
	words string
	rank  int // index in phrases: the lower, the narrower the meaning
}

// matchText folds s into a stack buffer and matches it: classifying a page's cells allocates
// nothing.
func matchText(s string) (tracker.Status, bool) {
	r := rankText(s)
	if r == len(phrases) {
		return "", false
	}
	return phrases[r].status, true
}

// rankText returns the rank of the narrowest phrase in s, len(phrases) for none.
func rankText(s string) int {
	var buf [256]byte
	return rank(foldAppend(buf[:0], s))
}

// rank returns the index in phrases of the highest-ranked phrase in folded text, len(phrases)
// for none. Phrases start at the start of a word (Latin text) or anywhere (Chinese, Cyrillic,
// whose bytes are not ASCII).
func rank(folded []byte) int {
	best := len(phrases)
	for i := 0; i+1 < len(folded); i++ {
		if i > 0 && isWordByte(folded[i-1]) {
			continue
		}
		second := phraseIndex[folded[i]]
		if second == nil {
			continue
		}
		for _, p := range second[folded[i+1]] {
			if p.rank < best && len(folded)-i >= len(p.words) && string(folded[i:i+len(p.words)]) == p.words {
				best = p.rank
			}
		}
	}
	return best
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
