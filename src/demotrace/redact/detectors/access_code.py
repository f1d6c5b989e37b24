"""SECRET: a PIN or a door's, gate's, alarm's or lock's code, given in a message or a note.

"gate code 1190", "pin for the shed lock is 4826", "Alarm code is 7734", "PIN: 0912", "the
door code is 4471#", "deurcode 2580", "Türcode 1957": three to eight digits (a "#" after them
kept) within a few words after the cue. The password rules need six characters and a credential
word; a code of four digits is neither, and opens a house. Not a postal, area, error or status
code: the cues name what the code opens ("code" alone is no cue): after "code" ("code for the key
safe is 4471"), or before it in the text ("the lockbox is by the blue door. Code is 3917"). And a
card's security code ("CVV 418", "3 numbers on the back are 418").
"""

from __future__ import annotations

import re

from ._base import Detector, Span
from ._code_replies import PUBLIC_CODE_WORDS, code_replies
from ._lead import led

_CODE_WORD = r"[ \t-]?code"
_CUES = (
    r"pin(?:[ \t-]?code)?",
    r"puk(?:[ \t-]?code)?",  # a SIM's unblocking code
    r"passcode",
    *(w + _CODE_WORD for w in ("gate", "door", "alarm", "entry", "access", "keypad", "lockbox", "garage")),
    *(w + _CODE_WORD for w in ("key[ \t]?safe", "buzzer", "security", "safe", "lock", "intercom")),
    *(r"deurcode", r"toegangscode", r"alarmcode", r"t[üu]rcode", r"zugangscode", r"digicode"),
    r"sleutelkluis(?:je)?[ \t-]?code",
    r"kluis(?:je)?[ \t-]?code",  # a key safe's code in Dutch ("Sleutelkluisje code 2719")
    r"code[ \t](?:porte|d['’]acc[eè]s|de[ \t]l['’]alarme|du[ \t]portail|de[ \t]la[ \t]porte|"
    r"portail|immeuble|de[ \t]l['’]immeuble|d['’]entr[ée]e|"
    r"de[ \t]confirmation|de[ \t]v[ée]rification|de[ \t]la[ \t]bo[iî]te)",
    r"c[óo]digo[ \t](?:de[ \t]acceso|pin|de[ \t]la[ \t](?:puerta|alarma)|del[ \t](?:portal|port[óo]n|garaje)|"
    r"de[ \t]verifica(?:ci[óo]n|[çc][ãa]o)|de[ \t]confirma(?:ci[óo]n|[çc][ãa]o)|do[ \t]port[ãa]o)",
    r"codice[ \t](?:pin|d['’]accesso|del[ \t]cancello|del[ \t]portone|allarme|di[ \t]verifica|"
    r"di[ \t]conferma)",
    *(r"best[äa]tigungscode", r"sicherheitscode", r"aktivierungscode", r"registrierungscode"),
    # Polish: a door's, an intercom's, a gate's or a parcel locker's code ("Kod do domofonu: 14#2580",
    # "kod odbioru 582913"); Swedish: the code to a door or a shared room ("koden till tvättstugan")
    r"kod[ \t](?:pin|do[ \t](?:drzwi|domofonu|bramy|furtki|klatki|sejfu)|dost[eę]pu|odbioru)",
    r"kod(?:en)?[ \t]till[ \t](?:porten|d[öo]rren|tv[äa]ttstugan|garaget|f[öo]rr[åa]det|larmet)",
    # a one-time or a door's code in the Nordic languages, Dutch and Czech ("Din engångskod är
    # 739 104", "portkoden … 4417", "Controlecode: 7731", "ověřovací kód 5521")
    *(
        r"eng[åa]ngskod(?:en)?",
        r"engangskode(?:n)?",
        r"portkod(?:en)?",
        r"d[øo]rkode(?:n)?",
        r"verifieringskod",
    ),
    *(r"controlecode", r"verificatiecode", r"bevestigingscode", r"sms-?code"),
    # a login's one-time code ("Uw eenmalige inlogcode … is: 58E-KT4", "Ihr Anmeldecode", "Le code
    # de sécurité pour accéder à votre espace … est : 94 17 28")
    *(
        r"inlogcode",
        r"logincode",
        r"anmeldecode",
        r"einmalcode",
        r"code[ \t]de[ \t](?:s[ée]curit[ée]|connexion)",
    ),
    # a card's or an account's secret number ("Code secret (4 chiffres) : 0924", "Geheimzahl 4417")
    *(r"code[ \t](?:secret|confidentiel)", r"geheimzahl", r"geheimcode", r"geheimnummer"),
    *(r"ov[ěe][řr]ovac[íi][ \t]k[óo]d", r"jednor[áa]zov[ýy][ \t]k[óo]d", r"k[óo]d[ \t]z[ \t]sms"),
)
_CODE = re.compile(
    led(_CUES, word_start=True, ignore_case=True)
    + r"(?![^\W\d_])[^\n\d]{0,60}?"
    + r"(?:\(\d[^)\n]{0,20}\)[^\n\d]{0,8}?)?"  # (its length noted: "PIN (4-stellig): 8271")
    + r"(?<![\w])(?<![A-Za-z]-)"  # (not "SHA-256" of `<pin digest=…>`)
    + r"(?P<code>\d{3}[ -]\d{3}|\d{2} \d{2} \d{2}|\d(?: \d){3,7}|\d{3,8}(?:#|[A-D](?![^\W\d_]))?"
    + r"|\d(?:-\d){3,7}"  # (a code's digits apart: "1-1-0-7")
    + r"|\d{1,4}#\d{3,6}"  # (an intercom's flat and code: "14#2580")
    # (a digicode: "47A21", "B1974")
    + r"|\d[A-Z0-9]{2}-[A-Z0-9]{3,4}|\d{1,3}[AB]\d{1,4}|[AB]\d{4,5})(?!\d|[.,/:-]\d|[^\W\d_])"
)


# what a code opens, named after "code" ("code for the key safe is 4471") or before it in the text
# ("the lockbox is by the blue door. Code is 3917")
_OPENS = (
    r"(?:key[ \t]?safe|key[ \t]?box|lock[ \t]?box|gate|door|alarm|garage|padlock|safe|keypad|intercom|buzzer|"
    # the same in the other languages read: "sleutel in kluisje, code 0719", "boîte à clés … code 2607"
    r"kluis(?:je)?|sleutelkastje|poort|portail|porte|bo[iî]te[ \t]à[ \t]cl[ée]s|alarme|alarma|portal|"
    r"port[óo]n|cancello|allarme|schl[üu]sselkasten|schl[üu]sselbox|haust[üu]r|port[ãa]o|cadeado|"
    # a door in Dutch and German ("benedendeur", "voordeur", "Hintertür")
    r"(?:beneden|voor|achter|buiten)?deur|(?:haus|hinter|vorder|wohnungs)?t[üu]r|"
    # a key box and a main door in es, pt, it ("la llave está en la caja con código 0912", "il
    # codice del portone è 4 2 7 9")
    r"caja|cajet[íi]n|caixa|cassett(?:a|ina)|portone|"
    # a French building's, floor's or staircase's word before an entry's code ("bât. B, 4e étage,
    # code 47A21")
    r"b[âa]timent|b[âa]t\.|[ée]tage|escalier|"
    # a key, its box and a door in the Nordic languages, Polish and Finnish ("Nyckeln ligger i lådan,
    # koden är 1-9-6-2", "nøgleboks", "klucz w skrzynce")
    r"nyckel(?:n|sk[åa]p(?:et)?|box(?:en)?)?|l[åa]d(?:a|an)|d[öo]rr(?:en)?|n[øo]kkel(?:en|boks(?:en)?)?|"
    r"n[øo]gle(?:n|boks(?:en)?)?|"
    r"d[øo]r(?:en)?|klucz|skrzynk[aię]|drzwi|avain|avainlaatikko|ovi)"
)
# what a code opens, then a colon and a code of four digits or more ("Lockbox: 8841", "Back door
# keypad: 6024", "Storeroom door: 7#3#8#1"), and Turkish's code words ("kapı kodu 4417", "alarm
# şifresi 9920")
_OPENS_COLON = re.compile(
    r"(?i:\b(?:lock[ \t]?box|key[ \t]?pad|key[ \t]?safe|key[ \t]?box|door|alarm|padlock|garage)"
    # (or a config's key: `alarm_code: "7391"`, `door-pin = 4417`)
    r"(?:[_-](?:code|pin)[\"']?[ \t]*[:=]|[ \t]*:|[ \t]+is)"  # ("lockbox is 3369")
    r"(?:[ \t]*(?:enter|type|punch[ \t]+in|key[ \t]+in))?"  # ("Alarm: enter 2468 then OFF")
    r"|\b(?:kodu|şifresi|şifre)(?:[ \t]+(?:is|:))?)[ \t]*[\"']?"
    r"(?P<code>\d{4,8}#?|\d(?:#\d){2,7}#?)(?![\w/:-]|[.,]\d)"
)
# a Wi-Fi network's name and its password, as a message shares them: "WiFi: Harbour_5G /
# tide-pool-77", "the wifi is "Kowalski Home" with pierogi4ever": a password with a digit or a
# symbol ("… / password on the fridge" is none)
_WIFI_PAIR = re.compile(
    r"(?i:\b(?:wi-?fi|wlan|wireless))(?:[ \t]+(?i:network|name|netz))?[ \t]*(?::|(?i:is))[ \t]*"
    r"(?:[^\s/\\\"]{2,32}|\"[^\"\n]{1,32}\")[ \t]+(?:/|(?i:with|pw|password|key|pass))[ \t]+"
    r"[`'\"]?(?P<code>(?![A-Za-z]+[ \t]*:)(?=[^\s\"'`(),;]*[\d_!@#$%&*-])[^\s\"'`(),;]{6,64})(?<![.,;!?])"
)
_CODE_FOR = re.compile(
    r"\bcode[ \t]+(?:for|to|of|van|voor|f[üu]r|von)[ \t]+(?:(?:the|my|our|your|ur|de|het|die|der|den)[ \t]+)?"
    # (re.I: all of it)
    + _OPENS
    + r"\b[^\n\d]{0,20}?(?<![\w])(?P<code>\d{3,8}#?)(?![\d\w])",
    re.I,
)
_CODE_IS = re.compile(
    r"\b(?i:code|c[óo]digo|codice|koden|kod|koodi)[ \t]*,?[ \t]*"
    r"(?:(?i:is|est|es|ist|è|é|är|er|on|jest|:|=|still|now|is[ \t]+still)[ \t]*)?"
    r"(?P<code>\d{3,8}(?:#|[A-D](?![^\W\d_]))?|\d(?: \d){3,7}|\d(?:-\d){3,7}|\d{1,3}[AB]\d{1,4})"
    r"(?![\d\w/:-]|[.,]\d)"
)
# a code an alarm is set or unset with, or a door's code changed to ("la alarma se desactiva con
# 7315", "… gewijzigd naar 5829#", "now 4471"), read where what it opens is named before it
_CODE_WITH = re.compile(
    r"\b(?i:con|with|mit|avec|met|com|changed[ \t]+to|is[ \t]+now|gewijzigd[ \t]+naar|veranderd[ \t]+naar|"
    r"ge[äa]ndert[ \t]+(?:auf|in|zu)|cambiad[oa][ \t]+a|chang[ée]e?[ \t]+(?:en|à)|cambiat[oa][ \t]+(?:in|a)|"
    r"alterad[oa][ \t]+para|mudou[ \t]+para)[ \t]+(?P<code>\d{4,8}#?)(?![\w/:-]|[.,]\d)"
)
_PREPOSITIONS = frozenset(("con", "with", "mit", "avec", "met", "com"))
# (after a preposition only where the alarm or the door is set or unset with it, not "went off with")
_ARMING = re.compile(
    r"(?i:d[ée]?s?activ|activ|disarm|\barm|unset|deactivat|schalt|entsperr|uitschakel|disattiv|attiv|unlock|"
    r"abr[ei]|[óo]pen|ouvr|aprir|desbloque|desliga|liga)"
)
# a padlock's, a locker's or a gate's combination, right after its word ("Gate combo 2-4-1-9",
# "Combination: 24-08-31", "combo is 0-22-14"; not "combination of 250 mg")
_COMBINATION = re.compile(
    r"\b(?i:combo|combination)(?:[ \t]+(?i:is|lock|code))?[ \t]*:?[ \t]*"
    r"(?P<code>\d{1,2}(?:-\d{1,2}){2,7}|\d{3,8})(?![\w/:-]|[.,]\d)"
)
# a combination named for what it opens, then "is" or a colon ("padlock combo for our unit is
# 0-4-2-7"; not "combination of aspirin 325 mg": no copula)
_COMBINATION_FOR = re.compile(
    r"\b(?i:combo|combination)[ \t]+(?i:for|to|on)[ \t]+[^\n\d:]{1,30}?(?:[ \t](?i:is)|[ \t]*:)[ \t]*"
    r"(?P<code>\d{1,2}(?:-\d{1,2}){2,7}|\d{3,8})(?![\w/:-]|[.,]\d)"
)
# a key safe's, a lockbox's or a padlock's code right after its word ("Key safe 1966")
_BOX_CODE = re.compile(
    r"\b(?i:key[ \t]?safe|key[ \t]?box|lock[ \t]?box|padlock)[ \t]+(?P<code>\d{4,8}#?)(?![\w/:-]|[.,]\d)"
)
# a number a note calls a PIN or a code right after it ("NHS app: 7721 (pin)")
_CODE_NOTED = re.compile(r"(?<![\w.,/-])(?P<code>\d{4,8})[ \t]*\((?i:pin|code|passcode|pincode)\)")
# a one-time code a log records on a line that says "otp" (`[otp] issued code=418207`)
_OTP_LOG = re.compile(r"(?im)^[^\n]*\botp\b[^\n]*?\bcode[=:][ \t]*(?P<code>\d{4,8})(?![\w.])")
_OPENS_BEFORE = re.compile(r"(?i:\b" + _OPENS + r"\b)")
# a card's security code: "CVV 418", "cvc: 042", "3 numbers on the back are 418"
_CARD_CODE = re.compile(
    r"\b(?i:cvv2?|cvc2?|cv2|csc|cryptogramme|kartenpr[üu]fnummer|pr[üu]fnummer|"
    r"(?:3|4|three|four)[ \t]+(?:digits|numbers)[ \t]+on[ \t]+the[ \t]+back|"
    # the code on a card's back in the other languages ("el código de atrás es 381")
    r"c[óo]digo[ \t]+de[ \t]+(?:atr[áa]s|detr[áa]s)|code[ \t]+au[ \t]+dos|"
    r"codice[ \t]+(?:dietro|sul[ \t]+retro)|"
    r"n[úu]meros?[ \t]+de[ \t]+atr[áa]s|numeri(?:ni)?[ \t]+dietro)"
    r"\b[^\n\d]{0,24}?(?<![\w])(?P<code>\d{3,4})(?![\d\w])"
)


# a one-time code an SMS names after it ("<#> 482913 is your WhatsApp code", "553 871 is your
# collection code", Google's "G-729461 is your Google verification code") or a message's OTP
# before it ("OTP for adding payee … is 771903")
_CODE_NAMED_AFTER = re.compile(
    r"(?:(?<![\w.,/-])|(?<=\bG-))(?P<code>\d{3}[ -]\d{3}|\d{4,8})(?![\w.,/-])"
    r"[ \t]+(?i:is[ \t]+(?:your|the)[ \t]+)"
    r"(?:[\w'’-]+[ \t]+){0,3}?(?i:code|otp|pin|passcode|verification|password)\b"
)
# a one-time code given to a command or posted by a form: `npm publish --otp=482913`,
# `"otp_attempt"=>"530194"`, `otp_code: 118204`
_OTP_GIVEN = re.compile(
    r"(?:--otp[ =]|\b(?i:otp(?:[_-]?(?:attempt|code|token))?)[\"']?[ \t]*(?:=>|[:=])[ \t]*[\"']?)"
    r"(?P<code>\d{6,8})(?![\w.,/-])"
)
# an OTP named right before it ("read out the OTP 554120 on the call")
_OTP_BARE = re.compile(
    r"\b(?i:otp|one[- ]time[ \t]+(?:password|passcode|code))(?:[ \t]+(?i:code|number|no\.?))?[ \t]+"
    r"(?P<code>\d{3}[ -]\d{3}|\d{4,8})(?![\w,/-]|\.\d)"
)
# a code a brand's message names ("Your Lyft code is 4829"), not a postal, promo or error code
_BRAND_CODE = re.compile(
    rf"\b(?i:your)[ \t]+(?!(?i:{PUBLIC_CODE_WORDS}|dial|invitation|reference)\b)"
    r"[A-Z][\w'’&-]{1,20}[ \t]+(?i:code|pin)[ \t]*(?:[ \t](?i:is)|:)[ \t]*"
    r"(?P<code>\d{3}[ -]\d{3}|\d{4,8})(?![\w,/-]|\.\d)"
)
_OTP_IS = re.compile(
    # (or a login's code: "Your verification code is 482 913", "MFA code for the first login: 591 204",
    # an SMS's "Your code is 482913")
    r"\b(?i:otp|one[- ]time[ \t]+(?:password|passcode|pin|code)|(?:verification|2fa|mfa|login|sign-in|"
    r"security|authentication|confirmation|access)[ \t]+code|your[ \t]+code|"
    # (or an app's code of so many digits: "Enter the 6-digit code from your authenticator app: 719 204")
    r"\d-digit[ \t]+(?:code|pin|passcode)|authenticator[ \t]+(?:app[ \t]+)?code)\b"
    r"[^\n]{0,80}?(?:[ \t](?i:is)|[ \t]*:)[ \t]*"
    r"(?P<code>\d{3}[ -]\d{3}|\d{4,8})(?![\w,/-]|\.\d)"
)

# a code an SMS gives and then says to keep ("… con la carta **** 3381 è 718204. Non comunicarlo a
# nessuno.", "… é 559 031. Nunca partilhe este código.", "Ihr Code lautet 482913. Geben Sie ihn
# nicht weiter."): after a copula or a colon, the warning in the same line or the next
_NO_SHARE = (
    r"(?:do[ \t]+not|don['’]t|never)[ \t]+share|non[ \t]+(?:comunicarl[oa]|condivider(?:e|l[oa]))"
    r"|(?:nunca|n[ãa]o)[ \t]+(?:partilhe|compartilhe|divulgue)|no[ \t]+(?:lo[ \t]+|la[ \t]+)?compart[ae]s?"
    r"|nunca[ \t]+compart[ae]s?|ne[ \t]+(?:le[ \t]+|la[ \t]+)?(?:communiquez|partagez|transmettez)"
    r"|(?:deel|geef)[ \t]+(?:deze[ \t]+code[ \t]+)?(?:niet|nooit)|niet[ \t]+delen"
    r"|nicht[ \t]+weiter|niemals[ \t]+weiter|niemandem|nie[ \t]+udost[eę]pniaj|dela[ \t]+inte"
)
_CODE_KEPT = re.compile(
    r"(?:\b(?i:is|è|é|es|est|ist|lautet|är|er|jest|luidt)|:)[ \t]+"
    r"(?P<code>\d{3}[ -]\d{3}|\d{4,8})(?![\w,/-]|\.\d)[^\n\d]{0,12}?\n?[^\n\d]{0,40}?(?i:" + _NO_SHARE + ")"
)
# (each word of the trigger: a message with a code says "code", "código", "codice", "OTP", "PIN")
_CODE_NAMED = re.compile(r"(?i:\b(?:code|c[óo]digo|codice|otp|pin|passcode)\b|code\b)")
_NO_SHARE_START = re.compile(
    r"(?i:share|comunicarl|condivider|partilhe|compart|communiquez|partagez|"
    r"transmettez|niet|nooit|delen|weiter|niemandem|udost|dela[ \t]+inte)"
)


# a list of backup or recovery codes after its words ("Backup codes: 7421-9903   5518-2046", a
# numbered list under "Recovery codes"), up to a blank line: each code of its shapes
_CODE_LIST = re.compile(
    r"\b(?i:(?:backup|recovery|scratch|emergency|reserve)[ \t]+codes?|"
    r"codes?[ \t]+de[ \t]+(?:secours|r[ée]cup[ée]ration|sauvegarde)|"
    r"c[óo]digos?[ \t]+de[ \t]+(?:recuperaci[óo]n|respaldo|recupera[çc][ãa]o|backup)|"
    r"wiederherstellungscodes?|backup-codes?|notfallcodes?|sicherungscodes?|herstelcodes?|back-?upcodes?|"
    r"reservecodes?|codici[ \t]+di[ \t]+(?:backup|recupero)|"
    # the Nordic, Polish, Czech and Finnish words ("Gendannelseskoder (2FA): 9FJ2-LK7Q …")
    r"gendannelseskoder?|backupkoder?|gjenopprettingskoder?|reservekoder?|[åa]terst[äa]llningskoder?|"
    r"reservkoder?|kody[ \t]+(?:zapasowe|odzyskiwania)|z[áa]lo[žz]n[íi][ \t]+k[óo]dy|varakoodit)\b"
)
_LISTED_CODE = re.compile(
    r"(?<![\w-])(?:\d{4}[- ]\d{4}|\d{8,10}|[a-z0-9]{4,5}-[a-z0-9]{4,5}|[A-Z0-9]{4,5}-[A-Z0-9]{4,5})(?![\w-])"
)


_TRIGGER_WORDS = (
    *(*_CUES, "code", "c[óo]digo", "codice", "cvv", "cvc", "cv2", "csc", "on the back"),
    *("otp", "one[- ]time", "pin", "passcode"),
    *("lock[ \t]?box", "key[ \t]?pad", "key[ \t]?safe", "key[ \t]?box", "door", "alarm", "padlock"),
    # (a Turkish "şifresi" is read where another word let the text in: `led` needs an ASCII letter)
    *("garage", "kodu", "kod", "koden", "koodi", "wi-?fi", "wlan", "wireless", "combo", "combination"),
    *("cryptogramme", "kartenpr[üu]fnummer", "pr[üu]fnummer", "geheim", "authenticator", "digit"),
    *("wiederherstellungscode", "backup-code", "notfallcode", "sicherungscode", "herstelcode", "reservecode"),
)


def _example(code: str) -> bool:
    """A code of six digits or more that counts up or repeats one digit ("Codes look like this: 123
    456", "000000"): a message's example, no one's code (a PIN of four, "1234", is often real)."""
    digits = "".join(c for c in code if c.isdigit())
    return len(digits) >= 6 and (digits in "01234567890123456789" or len(set(digits)) == 1)


class AccessCodeDetector(Detector):
    name = "access_code"
    kinds = ("SECRET",)
    needs_digit = True
    trigger = re.compile(led(_TRIGGER_WORDS, word_start=True, ignore_case=True))

    def detect(self, text: str) -> list[Span]:
        found = [
            *_CODE.finditer(text),
            *_CODE_FOR.finditer(text),
            *_CARD_CODE.finditer(text),
            *_OPENS_COLON.finditer(text),
            *_WIFI_PAIR.finditer(text),
        ]
        found += [*_CODE_NAMED_AFTER.finditer(text), *_OTP_IS.finditer(text), *_OTP_GIVEN.finditer(text)]
        if _NO_SHARE_START.search(text):
            found += [
                m
                for m in _CODE_KEPT.finditer(text)
                if _CODE_NAMED.search(text, max(0, m.start() - 200), m.end())
            ]
        found += [
            m
            for m in (*_CODE_IS.finditer(text), *_CODE_WITH.finditer(text))
            if _OPENS_BEFORE.search(text, max(0, m.start() - 160), m.start())
            and (
                m.re is not _CODE_WITH
                or m.group().split(None, 1)[0].lower() not in _PREPOSITIONS
                or _ARMING.search(text, max(0, m.start() - 40), m.start()) is not None
            )
        ]
        found += [*_CODE_NOTED.finditer(text), *_OTP_LOG.finditer(text), *_COMBINATION.finditer(text)]
        found += [*_COMBINATION_FOR.finditer(text), *_BOX_CODE.finditer(text), *_OTP_BARE.finditer(text)]
        found += _BRAND_CODE.finditer(text)
        codes = [m for m in found if not _example(m.group("code"))]
        out = [Span("SECRET", m.start("code"), m.end("code"), 0.8) for m in codes]
        if "\n" in text:
            out += [Span("SECRET", a, b, 0.7) for a, b in code_replies(text)]
        for cue in _CODE_LIST.finditer(text):
            first = _LISTED_CODE.search(text, cue.end(), cue.end() + 200)  # (blank lines before the list)
            blank = text.find("\n\n", first.end() if first else cue.end())
            end = min(len(text), cue.end() + 400, blank if blank >= 0 else len(text))
            out += [
                Span("SECRET", m.start(), m.end(), 0.8) for m in _LISTED_CODE.finditer(text, cue.end(), end)
            ]
        return out
