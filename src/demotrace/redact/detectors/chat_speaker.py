"""PERSON / USERNAME: who speaks in a chat transcript, and who signs a message off.

A transcript copied from a chat app or typed in one gives each line its speaker: "maria: ya 1420
elm st", "[10:43] Mei: dude", "xX_DarkHunter_Xx: gg". The person rule reads names from their
spelling and their context; a speaker at the start of a line has neither when it is lower-case
("maria"), a word ("Faith", "hunter", "dawn") or a name the gazetteer lacks ("Bongani"). What
tells it is the transcript's shape: two or more lines that start with a word and a colon.

Kept out: form and log labels ("Note:", "Status:", "ERROR:", "Subject:"): any dictionary or
interface word that is not also a first name, and `_LABELS`; YAML and annotations (indented lines
never count, a line whose message holds " = " neither); product names in one notification line
("Jira: 3 new issues", "Echo: LVEF 35 %": on a line of its own a speaker must be a listed first
name that is no dictionary word). A speaker
spelt as a handle (digits, underscores: "mango_tango99") counts only in a transcript where some
speaker speaks twice or a speaker is a name: YAML's top-level keys never repeat. A speaker's name
found is also found where the transcript mentions it ("jake: did maria send it?").

The sign-off of a chat message ("see you all in 2025! - nat") is a listed first name after a dash
at the end of a line, after a sentence's end or an emoji, or (lower-case, no dictionary word) after
any text ("NHC 2019-558310 - Selene", "klachten – forum" are a window title's app and site).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ._base import Detector, Span
from ._everyday_spans import COMPOUNDING, compound
from ._lead import led
from ._person_words import NAME_LABEL_WORDS
from ._public_names import media_title, public_name
from .lexicon import FREQUENT_BITS, LANG_BITS, NOT_NAMES, Lexicon, lexicon, plain_word, word_set

# "[10:42] ", "14:02 - ", "(9.15 pm) ": a time stamp before the speaker
_STAMP = (
    r"(?:\[[^\]\n]{1,24}\][ \t]*"
    r"|\(?\d{1,2}[:.]\d\d(?::\d\d)?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\)?[ \t]*[-–|]?[ \t]*)"
)
_SPEAKER = re.compile(
    rf"(?m)^(?:{_STAMP}|(?=[^ \t]))<?@?(?P<name>[^\W\d_][\w'’.-]{{0,30}}?"
    r"(?:[ \t][A-Z][\w'’-]{1,20}|[ \t][A-Za-z]\.?(?=[ \t]*:))?)>?"  # "Marta K.", "sofia m"
    r"(?:[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]+)?"  # an emoji the name wears: "sol ☀️:"
    r"(?:[ \t]\((?:mod|admin|bot|owner|host|op|he/him|she/her|they/them)\))?"  # "tobiko (mod):"
    r"[ \t]*:[ \t]+(?P<said>[^\n]*)"
)
# a message's header as Slack, Teams or Discord copy it: the speaker, then the time, alone on a
# line ("jenny.liu  9:14 AM", "Liam Chen  10:42"), the message on the lines below
_HEADER = re.compile(
    r"(?m)^(?P<name>[^\W\d_][\w'’.-]{0,30}?(?:[ \t][A-Z][\w'’-]{1,20}|[ \t][A-Z]\.)?)"
    r"[ \t]{1,4}\d{1,2}:\d\d(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$"
)
# an IRC log's line: the nick in angle brackets, its mode sign kept out ("<bramvk> anyone know why")
_IRC = re.compile(
    r"(?m)^(?:\[[^\]\n]{1,24}\][ \t]*)?<[@+%~&]?(?P<name>[A-Za-z_\[\]`^{}|][\w\[\]`^{}|.-]{1,30})>[ \t]+\S"
)
# HTML's and XML's tags, which open a line as a nick does
_TAGS = word_set(
    "a b i p q s u br hr li ul ol td tr th dl dt dd em tt div span pre code body head html title table "
    "form input label button img nav main section article header footer aside strong small sup sub "
    "script style link meta option select textarea xml svg path g item entry key value string dict"
)
# a Terraform resource's address before its status ("aws_iam_access_key.ci: Refreshing state...")
_RESOURCE = re.compile(
    r"(?:aws|google|azurerm|azuread|kubernetes|helm|random|null|local|data|module|tls|time)[._]"
)
# what a program prints after its name, not what a person says: an assignment (`env: API_KEY=…`)
_ASSIGNMENT = re.compile(r"[A-Za-z_][\w.]*=")
# a file's or a site's name before a colon ("config.yaml:", "github.com:"), no handle
_NOT_HANDLE_END = word_set(
    "py js ts json yaml yml txt md log go rs java c h cpp sh conf cfg ini toml xml html css com org net io"
)
# a handle spelt in camelCase: a small letter, then a capital inside it (no space, no mark)
_CAMEL_HANDLE = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_SIGN_OFF = re.compile(r"(?m)(?:^|[ \t(])[-–—~][ \t]?(?P<name>[A-Za-z][a-z'’-]{1,15})[ \t]*[.!]?[ \t]*$")
_SIGNED = re.compile(r"(?:^|[.!?…)]|[^\x00-\u02ff])[ \t]*\Z", re.M)  # a message's end before its dash
_NAME_SHAPE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")  # letters: "Tomás", "mary-jo"
# form, log and mail labels; e-mail headers of other languages ("Van:", "Von:"); LDIF's attributes
_LABELS = (
    word_set(
        """
    note notes nb ps re fwd fw cc bcc to from subject date time name address phone email e-mail
    status total todo fixme xxx hack q a question answer user assistant system bot host server
    client id key value type me you mom mum dad sis bro info debug trace warn warning error fatal
    critical notice tip hint example output input result response request query step http https url
    uri ref tl dr tldr update edit source via cause reason action
    assignee reporter requester owner approver reviewer watcher watchers priority severity component
    resolution summary description labels sprint epic milestone due
    author authors committer commit merge co-authored-by signed-off-by reviewed-by countersignatory
    signatory witness
    kontoinhaber kontoinhaberin inhaber inhaberin titular intestatario intestataria rekeninghouder
    kontohavare kontohaver
    pg_dump pg_dumpall pg_restore pg_basebackup psql mysqldump mysql mongodump mongorestore redis-cli
    npm yarn pnpm pip pip3 git docker kubectl helm terraform ansible make cmake gcc ld cargo rustc node
    python python3 java mvn gradle ssh scp rsync curl wget sudo systemd kernel cron crond sshd nginx
    httpd apache2 postfix dovecot certbot openssl gpg tar gzip unzip bash sh zsh
    steuernummer identifikationsnummer ville pays adresse ciudad provincia cidade morada
    van aan von an de para da od do objet asunto assunto oggetto betreff onderwerp temat
    dn cn ou dc objectclass member memberof uidnumber gidnumber homedirectory loginshell changetype
    cible signé signée abmelden désabonner unsubscribe
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag lunedì martedì mercoledì giovedì venerdì sabato lunes
    martes miércoles jueves viernes sábado segunda terça quarta quinta sexta poniedziałek wtorek
    środa czwartek piątek sobota niedziela måndag tisdag onsdag torsdag fredag lördag söndag
    """
    )
    | NAME_LABEL_WORDS
)  # a form's name labels ("Prénom :", "Apellidos:")


# who speaks by role or kin, not by name, in the languages read ("Cliente:", "Conseiller:", "Mamá:",
# "Grosi:", "Pacjent:"): a role's word, not a person's name
_ROLES = word_set(
    """
    cliente client customer agent agente agent operador operadora operatore operatrice operátor
    operátorka opérateur opératrice conseiller conseillère consulente konsultant konsultantka berater
    beraterin medewerker medewerkster paziente paciente patiënt patient patientin pacjent pacjentka
    pacient pacientka médico medico médecin arts arzt ärztin lekarz lékař lékařka doctor doctora
    dottore dottoressa enfermera enfermero infermiere infermiera verpleegkundige pielęgniarka sestra
    kunde kundin klant klient klientka asistente assistente assistant asystent support soporte
    suporte supporto vendedor vendedora venditore vendeur verkäufer verkoper sprzedawca prodejce
    comprador compradora acheteur acheteuse käufer käuferin koper acquirente compratore kupujący
    interessent interessentin anbieter anbieterin buyer seller
    huésped hóspede ospite gast gość host anfitrión recepción receção reception réception rezeption
    receptie recepcja recepce mamá mama mamma mãe mère maman mutti mami papá papa papà pai père
    tata vati papi nonna nonno oma opa grosi grospi babcia dziadek babička děda abuela abuelo avó
    avô vovó vovô tía tío tia tio zia zio tante oncle onkel ciocia wujek teta strýc mormor morfar
    farmor farfar bestemor bestefar hijo hija filho filha figlio figlia fils fille sohn tochter zoon
    dochter syn córka dcera synek hermano hermana irmão irmã fratello sorella frère sœur bruder
    schwester broer zus brat siostra bratr sestra vecino vecina voisin voisine nachbar nachbarin buurman
    buurvrouw sąsiad soused sousedka profe profesor profesora professore professoressa lehrer lehrerin
    leraar juf meester nauczyciel nauczycielka učitel učitelka atendimento atendente atención
    servicio service kundenservice klantenservice kundendienst assistenza
    cuñado cuñada suegro suegra yerno nuera primo prima sobrino sobrina novio novia marido esposo
    esposa nieto nieta jefe jefa compañero compañera cunhado cunhada sogro sogra genro nora sobrinho
    sobrinha namorado namorada neto neta chefe cognato cognata suocero suocera cugino cugina nipote
    fidanzato fidanzata marito moglie beau-frère belle-sœur belle-mère beau-père cousin cousine
    neveu nièce mari copain copine chef cheffe schwager schwägerin schwiegermutter schwiegervater
    neffe nichte chefin zwager schoonzus schoonmoeder schoonvader baas szwagier szwagierka teściowa
    teść kuzyn kuzynka mąż żona szef szefowa svåger svägerska svärmor svärfar kusin sambo pojkvän
    flickvän uncle aunt auntie nephew niece husband wife boss hubby
    tomador tomadora asegurado asegurada titular beneficiario beneficiaria pte pac patólogo patóloga
    radiólogo radióloga cirujano cirujana médica residente adjunto adjunta supervisor supervisora
    """
)


# a file's name before a tool's verdict on it ("terraform_1.8.2_linux_amd64.zip: OK"; not a nick's
# ".exe": "kaz.exe")
_FILE_NAME = re.compile(
    r".+\.(?:zip|tar|gz|tgz|xz|bz2|sig|asc|sha256|txt|log|json|ya?ml|deb|rpm|jar|whl|csv)"
)
# what a form's field holds, not what anyone says: a number alone ("Cartão SUS: 898 0012 3456 7890"),
# an amount or a quantity ("Price: £684.22/year", "Excess: 250 EUR" no: a code of capitals is no unit)
_NUMBER_SAID = re.compile(
    r"[ \t]*(?:[£$€¥₹][ \t]?)?\d[\d \t.,/:-]*(?:[ \t]?(?:/[ \t]?[a-z]{1,6}|%|[a-z]{1,5}\.?))?[ \t]*"
)
# the one who copied the chat, as its app names them ("Tú:", "Du:", "Jij:", "Vous:", "Jag:"): no name
_SELF = word_set(
    "me u you i ich yo moi ik ja eu io tú tu du jij jag vous toi você voce ty mij mig mi jo ikke já"
)


_MACHINE_VALUE = re.compile(r"\S*[\d./_]\S*")


def _settings(said: list[re.Match[str]]) -> bool:
    """Two lines or more, each "key: value" with one token after it, most of them a machine's (a
    digit, a dot, a slash or an underscore in it: "mx: mx1.example.com", "max_age: 604800"): a
    config's or a policy file's settings, not a chat's turns ("anna: hi" / "ben: hey")."""
    values = [m.group("said").strip() for m in said]
    if len(values) < 2 or any(not v or " " in v or "\t" in v for v in values):
        return False
    return 2 * sum(bool(_MACHINE_VALUE.fullmatch(v)) for v in values) >= len(values)


def _program(low: str, lex: Lexicon) -> bool:
    """A name a program prints before its output: letters, no listed first name ("rollout", "gpg")."""
    return low.isalpha() and low not in lex.first


def _words_joined(low: str, is_word: Callable[[str], bool]) -> bool:
    """`low` is dictionary words joined by "-" ("check-in", "drop-off", "follow-up")."""
    parts = low.split("-")
    return len(parts) > 1 and all(is_word(p) for p in parts)


# a chat's speaker named by its role and then its name ("Agent Jun:", "Agent (Mo):", "Support
# (Ngozi):"): a support chat's agent, the name a nickname as often as a listed one
_ROLE_SPEAKER = re.compile(  # (led by the roles' first letters; the line's start is read after)
    led(
        (
            *("Agent", "Advisor", "Adviser", "Rep", "Support", "Operator", "Customer", "Client", "Caller"),
            *(
                "Host",
                "Moderator",
                "Technician",
                "Tech",
                "Driver",
                "Courier",
                "Seller",
                "Buyer",
                "Dispatcher",
            ),
            *("Nurse", "Pharmacist"),
        ),
        word_start=True,
    )
    + r"[ \t]+(?:\((?P<a>[A-Z][^\W\d_]{1,15})\)|(?P<b>[A-Z][^\W\d_]{1,15}))[ \t]*:"
)
_LINE_HEAD = re.compile(r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?")
# Discord's copied message header: the author, a dash and the time ("xX_Raijin_Xx — 21:14",
# "kenta_h — Today at 9:15 PM"); a handle of "_", "." or a digit is a login, a capitalised word a name
_DISCORD_HEADER = re.compile(
    r"(?m)^(?P<h>[^\s—–]{2,32}) [—–] (?:(?:Today|Yesterday) at )?\d{1,2}:\d{2}(?: ?[AP]M)?[ \t]*$"
)

_NOT_AGENTS = frozenset(("bot", "ai", "system", "auto", "automated", "virtual", "you", "me", "team"))


class ChatSpeakerDetector(Detector):
    name = "chat_speaker"
    kinds = ("PERSON", "USERNAME")
    trigger = (":", "-", "–", "—", "~", "<")

    def __init__(self) -> None:
        self._lex = lexicon()

    def detect(self, text: str) -> Iterable[Span]:
        out: list[Span] = []
        if ":" in text and not ("\n" not in text and media_title(text, 0)):  # "Steve Jobs: Walter
            out.extend(self._speakers(text))  # Isaacson: …: Amazon.com: Books": a book and its author
            for m in _ROLE_SPEAKER.finditer(text):
                if not _LINE_HEAD.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                    continue  # (a speaker opens its line, after a time in brackets at most)
                g = "a" if m.group("a") else "b"
                low = m.group(g).lower()
                if low in NOT_NAMES or low in _NOT_AGENTS:
                    continue
                # (in brackets after the role, a word is the agent's nickname too: "Agent (Mo):")
                if g == "a" or low in self._lex.first or not self._lex.is_word(low):
                    out.append(Span("PERSON", *m.span(g), 0.75))
        if " — " in text or " – " in text:
            for m in _DISCORD_HEADER.finditer(text):
                handle = m.group("h")
                if handle.lower().endswith("bot"):
                    continue  # "ModBot — 21:15": a server's bot
                if any(c.isdigit() or c in "_." for c in handle) or handle.islower():
                    out.append(Span("USERNAME", *m.span("h"), 0.8))
                elif handle.lower() in self._lex.first:
                    out.append(Span("PERSON", *m.span("h"), 0.75))
        if "<" in text:
            irc = [m for m in _IRC.finditer(text) if m.group("name").lower() not in _TAGS]
            if len(irc) >= 2:  # a log of two lines or more; one is as likely markup
                out.extend(Span("USERNAME", m.start("name"), m.end("name"), 0.8) for m in irc)
        if "-" in text or "–" in text or "—" in text or "~" in text:
            for m in _SIGN_OFF.finditer(text):
                word = m.group("name")
                signed = _SIGNED.search(text, 0, m.start()) is not None
                if not signed and (word[0].isupper() or self._lex.is_word(word.lower())):
                    continue  # "NHC 2019-558310 - Selene", "klachten – forum": a title's app or site
                if self._first_name(word) and not plain_word(word):
                    out.append(Span("PERSON", m.start("name"), m.end("name"), 0.8))
        return out

    def _first_name(self, word: str) -> bool:
        return word.lower() in self._lex.first

    def _speakers(self, text: str) -> list[Span]:
        said = [
            m
            for m in _SPEAKER.finditer(text)
            if " = " not in m.group("said")
            and any(c.isalnum() for c in m.group("said"))
            and not _ASSIGNMENT.match(m.group("said"))
        ]
        # a form's value ("Cryptogramme : 482"): its label is no speaker, unless it speaks elsewhere
        # or the text has another speaker ("max: 5 min")
        valued = {m.start("name") for m in said if _NUMBER_SAID.fullmatch(m.group("said"))}
        speaking = {m.group("name") for m in said if m.start("name") not in valued}
        if _settings(said):
            return []
        found = [(m.group("name"), m.start("name"), m.end("name")) for m in said]
        headed = False  # a message's header with its time: Slack's copy, its speakers for sure
        if "\n" in text:
            headers = [(m.group("name"), m.start("name"), m.end("name")) for m in _HEADER.finditer(text)]
            headed = len(headers) >= 2
            found = sorted(found + headers, key=lambda f: f[1])
        found = [f for f in found if not _FILE_NAME.fullmatch(f[0])]  # `sha256sum -c`: "x_1.8.2.zip: OK"
        if not found:
            return []
        names = [n for n, _, _ in found]
        transcript = len(found) >= 2
        repeated = len(set(names)) < len(names)
        # a dialogue: "me" or "u" answering one or two others ("u: ta / kat: dont judge me",
        # "[14:05] Me: … / [14:05] Gaz: legend"): there a word is a nickname too ("Gaz", "kat")
        lows = {n.split()[0].lower() for n in names}
        if len(lows) == 1 and not headed and all(_program(w, self._lex) for w in lows):
            return []  # one "speaker" of letters, line after line, no listed name: a program ("gpg:")
        dialogue = transcript and bool(_SELF & lows) and len(lows) <= 3
        # a record's fields: three labels or more, none said twice ("Geboortedatum:", "Teléfono:",
        # "Domicilio:"); a transcript's speakers take turns
        form = len(lows) >= 3 and not repeated
        # a speaker that is a listed name and no word: a meeting's notes, not a report's fields
        named = any(w in self._lex.first and not self._lex.is_word(w) for w in lows)
        out: list[Span] = []
        handles: list[tuple[int, int]] = []
        # (the lines that say a number last: a speaker among them counts where another was found)
        for name, start, end in sorted(found, key=lambda f: f[1] in valued):
            if start in valued and name not in speaking and not out:
                continue
            first = name.split()[0]
            low = first.lower()
            if low in _SELF and " " not in name:
                continue  # the chat's own writer ("Tú: hecho", "Du: ok")
            if " " in name and public_name(text, start, end):
                continue  # a headline's speaker: "Emmanuel Macron : le discours de la rentrée"
            if low in _LABELS or (" " in name and name.split()[-1].lower() in _LABELS):
                continue  # (a label's last word too: "Conn Id:", "Account Type:")
            if " " in name and self._words_no_name(name):
                continue  # a label of two words of a language: "Pharmazeutischer Unternehmer:"
            if low.endswith("bot") and not self._lex.is_name(low):
                continue  # a chat's bot: "Helpdesk-bot:", "Slackbot:"
            if low in _ROLES and (" " not in name or not self._first_name(name.split()[-1])):
                continue  # a role or a relative speaks: "Cliente:", "Mamá:", "Conseiller Free:"
            if (
                not (named or dialogue or repeated)
                and " " not in name
                and low not in self._lex.first
                and self._lex.tags.get(low) & FREQUENT_BITS
            ):
                continue  # a record's frequent word, where no speaker is a name: "Domicilio:"
            if _NAME_SHAPE.fullmatch(first) and (first[1:].islower() or first.isupper()):
                listed = low in self._lex.first
                if not listed and (first.isupper() or _words_joined(low, self._lex.is_word)):
                    continue  # a form's labels: "IBAN:", "BIC:", "DOB:", "Check-in:", "Drop-off:"
                if not listed and first[0].isupper() and self._label_word(low):
                    continue  # a letter's labels: "Steuernummer:", "Priorität:", "Schadennummer:"
                if listed and form and self._lex.is_word(low) and not named:
                    continue  # a report's fields: "File:", "Line:", "Commit:" ("Line" is a name too)
                if listed and (transcript or not self._lex.is_word(low)):  # "Echo: LVEF 35%"
                    out.append(Span("PERSON", start, end, 0.85))
                elif (
                    transcript
                    and not listed
                    and not form
                    and (not self._lex.is_word(low) or (dialogue and low not in _SELF))
                ):
                    out.append(Span("PERSON", start, end, 0.8))
            elif (
                transcript
                and " " not in name
                and not _RESOURCE.match(name)
                and (
                    any(c.isdigit() or c == "_" for c in name)
                    or self._dotted_handle(name)
                    or self._camel_handle(name)  # "gekkeGijs", "xXFrisoXx" (not "apiVersion", "PagerDuty")
                )
            ):
                handles.append((start, end))
        if handles and (repeated or out or headed):
            out.extend(Span("USERNAME", s, e, 0.8) for s, e in handles)
        return out + self._mentions(text, {text[s.start : s.end] for s in out if s.kind == "PERSON"})

    def _words_no_name(self, name: str) -> bool:
        """No word of `name` is a listed name and its last is a word of a language read (an
        inflected adjective before it is in no list: "Assoziierte Erkrankungen", "Pharmazeutischer
        Unternehmer", "usuario corporativo"; not "Grace Stone", "Ama Dube")."""
        words = [w.lower() for w in name.split()]
        language_word = bool(self._lex.tags.get(words[-1]) & LANG_BITS)
        return language_word and not any(self._lex.is_name(w) for w in words)

    def _label_word(self, low: str) -> bool:
        """A word no name list has that is a frequent word of a language that capitalises or
        glues its nouns (German, Dutch, Scandinavian), or a compound of them ("schadennummer"), as
        a letter's or a ticket's labels are ("Priorität:"); not Polish "Kasia", frequent as a name."""
        return bool(self._lex.tags.get(low) & COMPOUNDING) or compound(low, COMPOUNDING)

    def _camel_handle(self, name: str) -> bool:
        """A handle in camelCase (`_CAMEL_HANDLE`) that holds a listed first name no dictionary word
        is ("gekkeGijs", "MimiLaChips", "RickvdB") or a gamer's "xX…Xx"; not a key's or a brand's
        words joined ("apiVersion", "CorrelationId", "PagerDuty", "PostNord")."""
        if _CAMEL_HANDLE.fullmatch(name) is None:
            return False
        if name.startswith("xX") and name.endswith("Xx"):
            return True
        parts = (p.lower() for p in _CAMEL_PART.findall(name))
        return any(p in self._lex.first and not self._lex.is_word(p) for p in parts)

    def _dotted_handle(self, name: str) -> bool:
        """A handle of a name and an initial joined by a dot ("yusuf.a", "h.osei", "jenny.liu"): a
        part is one letter or a listed name that is no dictionary word; no logger's words
        ("django.request") and no file's or site's name ("config.yaml", "github.com")."""
        parts = name.lower().split(".")
        if len(parts) < 2 or not all(parts) or parts[-1] in _NOT_HANDLE_END:
            return False
        lex = self._lex
        return any(len(p) == 1 or (lex.is_name(p) and not lex.is_word(p)) for p in parts)

    def _mentions(self, text: str, speakers: set[str]) -> list[Span]:
        """The speakers' names where the transcript mentions them ("did maria send it?"), with a
        capitalised surname that follows ("Chioma Eze")."""
        words = {w.split()[0].lower() for w in speakers}
        if not words:
            return []
        alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        out = []
        for m in re.finditer(rf"(?<![\w@.])(?:{alt})(?![\w@]|:[ \t])(?:[ \t][A-Z][a-z'’-]+)?", text, re.I):
            end = m.end()
            if " " in m.group() and plain_word(m.group().split()[-1]):
                end = m.start() + m.group().index(" ")  # "maria Said": the name alone
            out.append(Span("PERSON", m.start(), end, 0.8))
        return out
