"""Month names of the languages the engine reads, whole and cut, in one place: a "street" whose
first word after its number is one is a date ("12 maart gezien door dr. Bakker", "29 March 2017"),
and so are a listing's date column ("4096 Dec  2 06:26") and a month with numbers ("March 11,
2024"). Used by the address rule (`MONTHS_ALTERNATION`, in its regexes) and the model's filter
(`MONTH_ABBREVIATIONS`, `MONTH_WORDS`)."""

from __future__ import annotations

from .lexicon import word_set

MONTH_ABBREVIATIONS = word_set(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec janv févr fevr avr mai juin juil août aout
    déc ene abr ago dic mär mrz okt dez mei mrt gen giu lug set ott fev out
    """
)
MONTH_NAMES = word_set(
    "january february march april june july august september october november december "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
    "janvier février fevrier mars avril juillet septembre octobre novembre décembre "
    "januar februar märz maerz juni juli oktober dezember jänner "
    "januari februari maart augustus "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro"
)
MONTH_WORDS = MONTH_ABBREVIATIONS | MONTH_NAMES
# the short forms of days and months (and "tomorrow") that no one is called: "in Feb", "by Thurs",
# "call me tmrw" ("Jan", "Jun", "Mar", "Sat", "May" are names too)
CALENDAR_SHORT = word_set("tue tues thu thur thurs fri feb apr jul aug sept oct nov dec tmrw tmr")
# longest first: an alternation tries its words in order ("march" before "mar")
MONTHS_ALTERNATION = "|".join(sorted(MONTH_WORDS, key=lambda w: (-len(w), w)))
# weekday names, whole and cut: "Tue, 07 May 2024" of an HTTP header is a date
WEEKDAY_WORDS = word_set(
    """
    mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday
    sunday lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes
    miércoles jueves viernes sábado domingo mo di mi do fr sa so montag dienstag mittwoch donnerstag
    freitag samstag sonntag ma wo vr za zo maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    """
)
