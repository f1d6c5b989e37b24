# ruff: noqa: E501  (vocabulary tables: one language per block reads better wrapped by hand)
"""Topic data for the topic head's refit (`fit.refit_topics`): health lines composed from
`topic_health`, family and immigration lines, and hard negatives that share words with the topics
(sports "injury time", IT "health check", "patient" as an adjective, product support) in en, es, nl,
de, fr, it, pt. Every line is generated from the lists below, never from the held-out sets.
"""

from __future__ import annotations

import random
import re
from functools import cache

from ..detectors.lexicon import word_set
from .generate import Sample
from .topic_counter_a import COUNTER_A
from .topic_counter_b import COUNTER_B
from .topic_counter_frames_a import COUNTER_FRAMES_A
from .topic_counter_frames_b import COUNTER_FRAMES_B
from .topic_health import CLINICAL, DOSES, DRUGS
from .topic_interface import INTERFACE
from .topic_lookalike import LOOKALIKE
from .topic_ordinary import ORDINARY
from .topic_patient import DOCS, KEYS, PATIENT, TOKENS, WORK
from .topic_registers import REGISTERS, morph_terms
from .topic_terms_a import TERMS_A
from .topic_terms_b import TERMS_B
from .topic_terms_c import TERMS_C
from .topic_terms_d import TERMS_D
from .topic_world import WORLD

FAMILY: dict[str, tuple[str, ...]] = {
    "en": ("we are getting divorced and the custody hearing is on <day>", "my ex stopped paying child support",
           "the funeral for my grandmother is on <day>", "my husband moved out last week and the kids are with me",
           "mediation session about the visiting arrangements for our daughter", "we are adopting a baby from foster care",
           "my sister is going through a painful separation", "grief counselling after my father's death",
           "family court date for the custody case", "alimony and splitting the house in the divorce settlement",
           "domestic violence shelter called back about my mother", "my son is being bullied at school again"),
    "es": ("nos divorciamos y el juicio de custodia es el <day>", "mi ex no paga la pensión de alimentos",
           "el funeral de mi abuela es el <day>", "mi marido se fue de casa y los niños están conmigo",
           "mediación familiar por el régimen de visitas", "estamos en trámites de adopción", "el duelo por la muerte de mi padre",
           "juzgado de familia por la custodia compartida", "el convenio regulador del divorcio"),
    "nl": ("we gaan scheiden en de zitting over de voogdij is op <day>", "mijn ex betaalt geen kinderalimentatie meer",
           "de uitvaart van mijn oma is op <day>", "mijn man is vorige week vertrokken, de kinderen zijn bij mij",
           "mediation over de omgangsregeling van onze dochter", "we zijn bezig met een adoptie", "rouwverwerking na de dood van mijn vader",
           "het ouderschapsplan voor de echtscheiding", "mijn zoon wordt weer gepest op school"),
    "de": ("wir lassen uns scheiden, der Sorgerechtstermin ist am <day>", "mein Ex zahlt keinen Kindesunterhalt mehr",
           "die Beerdigung meiner Oma ist am <day>", "mein Mann ist ausgezogen, die Kinder sind bei mir",
           "Mediation zum Umgangsrecht für unsere Tochter", "wir sind mitten im Adoptionsverfahren", "Trauerbegleitung nach dem Tod meines Vaters",
           "Termin beim Familiengericht wegen des Sorgerechts", "Scheidungsvereinbarung und Unterhalt"),
    "fr": ("nous divorçons et l'audience pour la garde est le <day>", "mon ex ne paie plus la pension alimentaire",
           "les obsèques de ma grand-mère ont lieu <day>", "mon mari est parti, les enfants sont avec moi",
           "médiation familiale pour le droit de visite", "nous sommes en pleine procédure d'adoption", "le deuil de mon père",
           "juge aux affaires familiales pour la garde alternée"),
    "it": ("stiamo divorziando e l'udienza per l'affidamento è <day>", "il mio ex non paga più il mantenimento",
           "il funerale di mia nonna è <day>", "mio marito se n'è andato, i bambini sono con me",
           "mediazione familiare per le visite", "siamo in attesa dell'adozione", "il lutto per la morte di mio padre"),
    "pt": ("estamos a divorciar-nos e a audiência da guarda é <day>", "o meu ex não paga a pensão de alimentos",
           "o funeral da minha avó é <day>", "o meu marido saiu de casa, as crianças estão comigo", "processo de adoção em curso",
           "o luto pela morte do meu pai"),
}  # fmt: skip

IMMIGRATION: dict[str, tuple[str, ...]] = {
    "en": ("my visa application was refused and I have 14 days to appeal", "biometrics appointment for my residence permit on <day>",
           "asylum interview with the Home Office", "H-1B transfer and the green card priority date", "my work permit expires next month",
           "naturalisation application and the citizenship test", "the embassy asked for more documents for my spouse visa",
           "immigration lawyer about the deportation order", "indefinite leave to remain application fee"),
    "es": ("me denegaron el permiso de residencia y voy a recurrir", "cita de huellas para la tarjeta de residencia el <day>",
           "entrevista de asilo en la comisaría", "renovación del NIE y la autorización de trabajo", "solicitud de nacionalidad por residencia",
           "orden de expulsión, hablar con el abogado de extranjería", "arraigo social: papeles que faltan"),
    "nl": ("mijn verblijfsvergunning is afgewezen, ik ga in bezwaar", "afspraak bij de IND voor biometrie op <day>",
           "gehoor voor mijn asielaanvraag", "aanvraag naturalisatie en inburgeringsexamen", "mijn werkvergunning verloopt",
           "advocaat vreemdelingenrecht over de uitzetting", "machtiging tot voorlopig verblijf voor mijn partner"),
    "de": ("mein Aufenthaltstitel wurde abgelehnt, ich lege Widerspruch ein", "Termin bei der Ausländerbehörde am <day>",
           "Anhörung zu meinem Asylantrag beim BAMF", "Antrag auf Einbürgerung und Einbürgerungstest", "meine Arbeitserlaubnis läuft ab",
           "Abschiebung droht, Anwalt für Ausländerrecht", "Visum zur Familienzusammenführung"),
    "fr": ("mon titre de séjour a été refusé, je fais un recours", "rendez-vous en préfecture pour mon titre de séjour le <day>",
           "entretien à l'OFPRA pour ma demande d'asile", "dossier de naturalisation française", "mon autorisation de travail expire",
           "obligation de quitter le territoire, voir l'avocat", "visa de regroupement familial"),
    "it": ("mi hanno rifiutato il permesso di soggiorno, faccio ricorso", "appuntamento in questura per le impronte il <day>",
           "audizione in commissione per la richiesta di asilo", "domanda di cittadinanza italiana", "il mio permesso di lavoro scade",
           "decreto di espulsione, parlare con l'avvocato"),
    "pt": ("o meu pedido de autorização de residência foi recusado", "agendamento no SEF para renovar o título de residência",
           "entrevista do pedido de asilo", "processo de nacionalidade portuguesa", "o meu visto de trabalho expira"),
}  # fmt: skip

# Ordinary text that shares words or shapes with the topics: never a topic.
HARD_NEGATIVES: dict[str, tuple[str, ...]] = {
    "en": ("two minutes of injury time and the referee blows the whistle", "the striker is out with a hamstring injury for the derby",
           "health check failed on the load balancer, restarting the pod", "the cluster health is green again",
           "please be patient while the update installs", "Patient Zero was the first infected laptop in the phishing test",
           "the doctor command reports three warnings", "our pain points with the checkout flow", "treatment of edge cases in the parser",
           "the surgery on the legacy billing code took all week", "a dose of good news: sales are up", "fix the memory leak in the worker",
           "the product family includes three printers", "visa payment integration returns a 402", "parent and child processes",
           "customer support: my order arrived damaged, please send a replacement", "reset my password, the app keeps crashing",
           "our quarterly report shows healthy margins", "the team's health metrics dashboard for sprint <n>",
           "run the diagnostics tool and attach the log", "the test results are in the CI artifacts",
           "booked a table for six on <day>", "the gym opens at seven and the pool at eight", "new running shoes and a water bottle",
           "we sent out <n>00 invoices and the refunds are done", "the printer in room <n> is jammed again",
           "the dentist's office sent the invoice for the new chairs", "hospital parking fees went up, says the council budget"),
    "es": ("el árbitro añade tres minutos de descuento", "el delantero está lesionado y se pierde el derbi",
           "la comprobación de estado del servidor ha fallado", "el informe trimestral muestra márgenes saludables",
           "soporte: mi pedido llegó roto, quiero un reembolso", "reunión de equipo el <day> a las diez", "he reservado mesa para seis",
           "la farmacia de la esquina abre a las nueve", "el diagnóstico del problema de red está en el ticket",
           "hemos facturado <n>00 albaranes este mes", "el gimnasio cierra en agosto", "el tratamiento de los datos del formulario"),
    "nl": ("de scheidsrechter geeft drie minuten blessuretijd", "de spits is geblesseerd en mist de derby", "de health check van de server faalt",
           "het kwartaalverslag toont gezonde marges", "klantenservice: mijn bestelling is beschadigd aangekomen",
           "teamoverleg op <day> om tien uur", "ik heb een tafel voor zes gereserveerd", "de diagnose van het netwerkprobleem staat in het ticket",
           "de facturen van deze maand zijn verstuurd", "de sportschool is in augustus dicht", "de behandeling van het wetsvoorstel"),
    "de": ("der Schiedsrichter lässt drei Minuten nachspielen", "der Stürmer fällt verletzt für das Derby aus", "der Health Check des Servers schlägt fehl",
           "der Quartalsbericht zeigt gesunde Margen", "Kundenservice: meine Bestellung kam beschädigt an", "Teambesprechung am <day> um zehn",
           "ich habe einen Tisch für sechs reserviert", "die Diagnose des Netzwerkproblems steht im Ticket", "das Fitnessstudio schließt im August",
           "die Behandlung der Sonderfälle im Parser"),
    "fr": ("l'arbitre accorde trois minutes de temps additionnel", "l'attaquant est blessé et manque le derby", "le contrôle de santé du serveur échoue",
           "le rapport trimestriel montre des marges saines", "service client : ma commande est arrivée abîmée", "réunion d'équipe <day> à dix heures",
           "j'ai réservé une table pour six", "le diagnostic du problème réseau est dans le ticket", "la salle de sport ferme en août"),
    "it": ("l'arbitro concede tre minuti di recupero", "l'attaccante è infortunato e salta il derby", "il controllo di stato del server fallisce",
           "il bilancio trimestrale mostra margini sani", "assistenza clienti: il mio ordine è arrivato danneggiato", "riunione di team <day> alle dieci",
           "ho prenotato un tavolo per sei", "la diagnosi del problema di rete è nel ticket", "la palestra chiude ad agosto"),
    "pt": ("o árbitro dá três minutos de descontos", "o avançado está lesionado e falha o dérbi", "a verificação de estado do servidor falhou",
           "o relatório trimestral mostra margens saudáveis", "apoio ao cliente: a minha encomenda chegou danificada",
           "reunião de equipa <day> às dez", "reservei uma mesa para seis", "o ginásio fecha em agosto"),
}  # fmt: skip

DAYS = ("Monday", "Friday", "the 12th", "3 March", "next week", "lunes", "maandag", "Montag", "lundi", "lunedì", "segunda")  # fmt: skip
LANGS = tuple(CLINICAL)
# the registers' vocabulary: `topic_health`'s lists, the registers' own and the composed terms
REGISTER_VOCAB: dict[str, dict[str, tuple[str, ...]]] = {
    **{lang: {**CLINICAL[lang], **REGISTERS[lang], "morph": morph_terms(lang)} for lang in REGISTERS},
    **WORLD,
}
REGISTER_LANGS = tuple(REGISTER_VOCAB)
# a patient's words (`topic_patient`) with the clinical lists of their language
PATIENT_VOCAB = {
    lang: {**REGISTER_VOCAB.get(lang, REGISTER_VOCAB["en"]), **PATIENT[lang]} for lang in PATIENT
}


def _merged(*tables: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """The tables' lists joined per language and key."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for table in tables:
        for lang, lists in table.items():
            mine = out.setdefault(lang, {})
            for key, items in lists.items():
                mine[key] = mine.get(key, ()) + items
    return out


# Lay and clinical words, happenings, paperwork and specialists' terms in frames of a patient's and
# a clinician's voice (`topic_terms_*`), and the same slots' counterfactuals: everyday and technical
# phrases that are no health (`topic_counter_*`, and the "_neg" lists of `topic_terms_c`/`_d`).
_SECOND = {**TERMS_C, **TERMS_D}
TERMS = _merged(
    TERMS_A,
    TERMS_B,
    {lang: {k: v for k, v in t.items() if not k.endswith("_neg")} for lang, t in _SECOND.items()},
)
COUNTER = _merged(
    COUNTER_A,
    COUNTER_B,
    {lang: {k[:-4]: v for k, v in t.items() if k.endswith("_neg")} for lang, t in _SECOND.items()},
)
TERM_LANGS = tuple(TERMS)
COUNTER_FRAMES = {**COUNTER_FRAMES_A, **COUNTER_FRAMES_B}  # {lang: {frame: its counterfactual}}
_FILLERS = ("lay", "clin", "event", "admin", "spec")  # the slots of `TERMS`' frames
# words of care (who, where, leave) that some frames hold outside their slots: such a frame is no
# counterfactual negative, nor is one holding a word of its language's health lists
CARE_WORDS = word_set(
    """doctor doctors dr gp nurse hospital clinic patient patients surgery pharmacy pharmacist
    physio dentist sick ill illness médico médica medico doctora enfermera enfermería clínica
    paciente consulta farmacia urgencias baja ambulatorio enfermeiro enfermeira doente utente
    farmácia urgência baixa dottore dottoressa infermiere infermiera ospedale clinica paziente
    malattia arts huisarts dokter verpleegkundige ziekenhuis kliniek patiënt patiënte apotheek
    ziek ziekmelding spoedeisende poli huisartsenpost arzt ärztin hausarzt hausärztin
    krankenhaus patientin apotheke krank krankgeschrieben praxis pflege notaufnahme médecin
    infirmier infirmière hôpital clinique pharmacie malade arrêt urgences généraliste traitant
    lekarz lekarza lekarka pielęgniarka szpital pacjent pacjentka apteka chory chora zwolnienie
    przychodnia przychodni pogotowie doktor doktorze docteur doutor doutora dottor"""
)
_SLOT = re.compile(r"<(\w+)>")
_WORD, _WORD5 = re.compile(r"\w+"), re.compile(r"\w{5,}")


def _compose(
    frame: str, lang: str, rng: random.Random, lists: dict[str, dict[str, tuple[str, ...]]] = CLINICAL
) -> str:
    vocab = lists.get(lang, lists["en"])

    def one(m: re.Match[str]) -> str:
        k = m.group(1)
        if k == "n":
            return str(rng.randint(1, 9))
        if k == "age":
            return str(rng.randint(18, 92))
        if k == "dose":
            return rng.choice(DOSES)
        if k == "day":
            return rng.choice(DAYS)
        if k == "drug":
            d = rng.choice(DRUGS)
            return d.capitalize() if rng.random() < 0.5 else d
        return _SLOT.sub(one, rng.choice(vocab[k]))

    return _SLOT.sub(one, frame)


def health_line(lang: str, rng: random.Random) -> Sample:
    """One to three clinical sentences in `lang`; a bare vocabulary item now and then (a heading
    with a diagnosis, a lab value list), as clinical text comes in fragments too."""
    vocab = CLINICAL.get(lang, CLINICAL["en"])
    parts = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if rng.random() < 0.15:
            k = rng.choice(("dx", "lab", "proc"))
            parts.append(_compose(f"<{k}>, <{k}>", lang, rng))
        else:
            parts.append(_compose(rng.choice(vocab["frames"]), lang, rng))
    text = rng.choice((" ", "\n")).join(parts)
    return Sample(_case(text, rng), topics={"health"}, lang=lang, kind="clinical")


def register_line(lang: str, rng: random.Random) -> Sample:
    """One or two sentences of a clinical register (`topic_registers`, `topic_world`): discharge
    summaries, prescriptions, lab and radiology reports, portal messages, mental health."""
    frames = REGISTER_VOCAB.get(lang, REGISTER_VOCAB["en"])["frames"]
    parts = [_compose(rng.choice(frames), lang, rng, REGISTER_VOCAB) for _ in range(rng.choice((1, 1, 2)))]
    sep = "" if lang in ("ja", "zh") else rng.choice((" ", "\n"))
    return Sample(_case(sep.join(parts), rng), topics={"health"}, lang=lang, kind="clinical")


def lookalike_line(lang: str, rng: random.Random) -> Sample:
    """An ordinary line that borrows clinical words, or one in a language of `topic_world`."""
    pool = LOOKALIKE.get(lang) or LOOKALIKE["en"]
    return Sample(_case(_compose(rng.choice(pool), lang, rng), rng), lang=lang, kind="negative")


def topic_line(topic: str, lang: str, rng: random.Random) -> Sample:
    pool = (FAMILY if topic == "family" else IMMIGRATION).get(lang) or FAMILY["en"]
    return Sample(_case(_compose(rng.choice(pool), lang, rng), rng), topics={topic}, lang=lang, kind="topic")


def hard_negative(lang: str, rng: random.Random) -> Sample:
    pool = HARD_NEGATIVES.get(lang) or HARD_NEGATIVES["en"]
    return Sample(_case(_compose(rng.choice(pool), lang, rng), rng), lang=lang, kind="negative")


def patient_line(lang: str, rng: random.Random) -> Sample:
    """A patient's own message about their health (`topic_patient.PATIENT`)."""
    own = lang if lang in PATIENT else rng.choice(tuple(PATIENT))
    text = _compose(rng.choice(PATIENT[own]["frames"]), own, rng, PATIENT_VOCAB)
    return Sample(_case(text, rng), topics={"health"}, lang=own, kind="clinical")


def work_line(lang: str, rng: random.Random) -> Sample:
    """A team's work chat, shaped like a patient's message, without a word of health."""
    own = lang if lang in WORK else rng.choice(tuple(WORK))
    return Sample(_case(_compose(rng.choice(WORK[own]), own, rng), rng), lang=own, kind="negative")


def docs_line(lang: str, rng: random.Random) -> Sample:
    """A line of a program's manual or help (`topic_patient.DOCS`): keys, options, table rows."""
    own = lang if lang in DOCS and rng.random() < 0.5 else "en"
    text = rng.choice(DOCS[own]).replace("<key>", rng.choice(KEYS))
    while "<tok>" in text:
        text = text.replace("<tok>", rng.choice(TOKENS), 1)
    return Sample(text, lang=own, kind="negative")


def ordinary_line(lang: str, rng: random.Random) -> Sample:
    """One or two ordinary sentences composed like the clinical ones (`topic_ordinary`)."""
    frames = ORDINARY.get(lang, ORDINARY["en"])["frames"]
    parts = [_compose(rng.choice(frames), lang, rng, ORDINARY) for _ in range(rng.choice((1, 1, 2)))]
    return Sample(_case(" ".join(parts), rng), lang=lang, kind="negative")


def terms_line(lang: str, rng: random.Random) -> Sample:
    """A frame of `topic_terms_*` filled with lay or clinical words: a health line."""
    own = lang if lang in TERMS else rng.choice(TERM_LANGS)
    text = _compose(rng.choice(TERMS[own]["frames"]), own, rng, TERMS)
    return Sample(_case(text, rng), topics={"health"}, lang=own, kind="clinical")


def counter_line(lang: str, rng: random.Random) -> Sample:
    """A frame of `topic_terms_*` in its counterfactual wording (`counter_frames`: "… zum
    Hausarzt" → "… zum Klempner") with its slots filled with everyday or technical phrases
    (`topic_counter_*`): the patient's and the clinician's voice without a word of health, so that
    the voice's own words ("ich", "my", "mam", "Anamnese:" → "Vorgeschichte:") weigh nothing."""
    own = lang if lang in COUNTER else rng.choice(TERM_LANGS)
    return Sample(
        _case(_compose(rng.choice(counter_frames(own)), own, rng, COUNTER), rng), lang=own, kind="negative"
    )


@cache
def counter_frames(lang: str) -> tuple[str, ...]:
    """The counterfactual wording of `TERMS[lang]`'s frames (`frame_pairs`)."""
    return tuple(counter for _, counter in frame_pairs(lang))


def glued_pair(lang: str, rng: random.Random) -> tuple[Sample, Sample]:
    """An ordinary sentence of `lang` glued to a frame of `topic_terms_*` filled with health words
    (a health line) and, in the same order, to the frame's counterfactual filled with everyday
    phrases (no health): the pair differs only in the health words, so that a clinical word counts
    among many ordinary ones ("Can we push the call? I've got <a dentist appointment>.") and the
    ordinary sentence's words count for nothing."""
    own = lang if lang in TERMS else rng.choice(TERM_LANGS)
    frame, counter = rng.choice(frame_pairs(own))
    ordinary = rng.choice((plain_line, work_line, ordinary_line))(own, rng).text
    health, plain = _compose(frame, own, rng, TERMS), _compose(counter, own, rng, COUNTER)
    first = rng.random() < 0.5
    pos = f"{ordinary} {health}" if first else f"{health} {ordinary}"
    neg = f"{ordinary} {plain}" if first else f"{plain} {ordinary}"
    return (Sample(pos, topics={"health"}, lang=own, kind="clinical"), Sample(neg, lang=own, kind="negative"))


@cache
def frame_pairs(lang: str) -> tuple[tuple[str, str], ...]:
    """(frame, its counterfactual) for each of `TERMS[lang]`'s frames that has one: the wording
    written frame by frame (`topic_counter_frames_*`, every word of care or health of the frame's
    own text replaced); a frame without one is its own counterfactual only if its own words hold
    none of `CARE_WORDS` nor a word of five letters or more of the language's health lists
    (`TERMS`' fillers and `CLINICAL`'s)."""
    written = COUNTER_FRAMES.get(lang, {})
    lists = [TERMS[lang][k] for k in _FILLERS if k in TERMS[lang]]
    lists += [v for k, v in CLINICAL.get(lang, {}).items() if k in ("sym", "dx", "proc", "dept")]
    health = CARE_WORDS | {w for items in lists for x in items for w in _WORD5.findall(x.lower())}
    out = []
    for frame in TERMS[lang]["frames"]:
        if frame in written:
            out.append((frame, written[frame]))
        elif not set(_WORD.findall(_SLOT.sub(" ", frame).lower())) & health:
            out.append((frame, frame))
    return tuple(out)


def interface_line(lang: str, rng: random.Random) -> Sample:
    """A program's menu item, dialog, error, option help or log line (`topic_interface`): no topic,
    even when it says "recovery", "diagnostics" or "patch"."""
    own = lang if lang in INTERFACE else rng.choice(tuple(INTERFACE))
    return Sample(rng.choice(INTERFACE[own]), lang=own, kind="negative")


def plain_line(lang: str, rng: random.Random) -> Sample:
    """A sentence of `topic_terms_*`'s "plain" list: the frames' voices, no health."""
    own = lang if lang in TERMS else rng.choice(TERM_LANGS)
    return Sample(_case(rng.choice(TERMS[own]["plain"]), rng), lang=own, kind="negative")


def _case(text: str, rng: random.Random) -> str:
    """Case and the final full stop vary, so neither says "clinical"."""
    if text.endswith(".") and rng.random() < 0.3:
        text = text[:-1]
    r = rng.random()
    if r < 0.5 and text[:1].islower():
        return text[0].upper() + text[1:]
    if r < 0.6:
        return text.lower()
    return text


__all__ = [
    "LANGS",
    "REGISTER_LANGS",
    "TERM_LANGS",
    "counter_line",
    "glued_pair",
    "hard_negative",
    "health_line",
    "interface_line",
    "lookalike_line",
    "ordinary_line",
    "plain_line",
    "register_line",
    "terms_line",
    "topic_line",
]
