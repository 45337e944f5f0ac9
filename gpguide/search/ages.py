"""Ages in a GP's question: whose age it is (the patient's or a relative's) and how sure the wording is.

Works on folded text (gpguide.search.normalise.fold). Numbers that are codes, weeks of pregnancy, doses, counts
or years are blanked before any age pattern runs, so they can never be read as an age; only a year of birth («f. 2011»)
gives an age, the one the patient reaches this year."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

MAX_AGE = 110

# ---------- what a number next to these words is not ----------

# ICD-10 F32.1 (also «F32 1», its dot typed as a space), ICPC P76, Z29
_CODES = re.compile(r"\b[fpz]\s?\d{2}(?:\.\d{1,2}|\s\d\b(?![.,]?\d|\s*-?\s*(?:ar|aar|aring|arig)\b))?\b|\b[a-z]\d{2}\.\d{1,2}\b")
_WEEKS = re.compile(r"\b(?:svangerskaps|gestasjons)?(?:uke|veke|sv\.?uke)\s*\d{1,2}(?:\s*\+\s*\d)?\b(?!\s*-?\s*(?:ar|aar)\b)|"
                    r"\b\d{1,2}\s*(?:\+\s*\d\s*)?(?:uker|veker|u(?!/))\b|\b\d{1,2}\.\s*(?:uke|veke)\b")
_UNITS = (r"kg|g|gram|mg|mcg|ug|ml|cl|dl|liter|cm|km|%|prosent|promille|tabl|tabletter|tablettar|tablett|"
          r"piller|pille|stk|brett|enheter|einingar|boks|bokser|pils|ol|glass|flasker|flaske|drinker|joints?|"
          r"timer|timar|time|dager|dagar|dogn|maneder|manader|mnd|ganger|gonger|gang|kr|kroner|barn|innleggelser|"
          r"forsok|min|minutter|sek|poeng|ar\s+siden|ar\s+sidan")
# an amount, and a range of one («15-20 ganger om dagen» is no «15»)
_AMOUNT = re.compile(r"\b\d{1,3}(?:[.,]\d+)?(?:\s*[-–]\s*\d{1,3})?\s*-?\s*(?:" + _UNITS + r")\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|'\d{2}\b")
# a decimal («BMI nå 16,5», «Hb 11.2»), but not a list of ages without spaces («barn 4,7 og 9»)
_DECIMAL = re.compile(r"\b\d{1,3}[.,]\d{1,2}\b(?![.,]?\s*(?:og|,)?\s*\d)(?!\s*-?\s*(?:ar|aar|aring|arig)\b)")
# «2 års soning», «10 års rusbruk»: a duration
_YEARS_OF = re.compile(r"\b\d{1,2}\s*-?\s*ars\s+(?!alder|gammel|gamal|gutt|gut|jente|mann|kvinne|dame|pasient|ungdom)[a-z]")
_SCHOOL_YEAR = re.compile(r"\b\d{1,2}\.?\s*(?:klasse|klassetrinn|kl|trinn|steg)\b")  # «elev 9. kl, 14 år»
_RANGE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b(?!\s*-?\s*ar)")  # «6-8 pils», «2-3 samtaler»
# An age the patient had then, not now: «flyttet ut som 18-åring», «da hun var 15», «sidan ho var 12 år».
_PAST_AGE = re.compile(r"\b(?:som|fra|fraa|siden|sidan|sia)\s+\d{1,2}\s*-?\s*(?:aring|arig)\b|"
                       r"\b(?:da|siden|sidan|sia|fra|etter)\s+(?:han|hun|ho|hen|de|dei|eg|jeg)\s+(?:var|vart|ble|blei|fylte)\s+\d{1,2}\b"
                       r"(?:\s*(?:ar|aar))?")

# ---------- who ----------

PERSON_WORDS = ("gutt|gut|guten|gutten|gutn|gudd|guddn|jente|jenta|jenten|jinta|jinte|jento|tos|tosa|taus|tausa|mann|kvinne|dame|herre|kar|karen|gamling|gamlingen|ungdom|ungdommen|pasient|voksen|vaksen|"
                "smabarnsmor|smabarnsfar|alenemor|alenefar|tobarnsmor|trebarnsmor|"
                "pasienten|pasienter|pasientar|pas|pt|pensjonist|student|elev|enke|enkje|ekkje|enkemann|enkemainn|enkjemann|frue|fru|kv|mn|ho|hun|"
                "han|hen|tenaring|"
                "innsatt|flyktning|person|alder|alkoholiker|alkoholikar|rusmisbruker|rusmisbrukar|misbruker|narkoman|"
                "sproytenarkoman|sproytebruker|sproytebrukar|rusbruker|rusbrukar|stoffbruker|heroinbruker|rusavhengig|"
                "alkoholavhengig|heroinavhengig|opioidavhengig|spilleavhengig|"
                "amfetaminbruker|innvandrer|innvandrar|asylsoker|laerling|arbeidsledig|klient|klienten|"
                # «en bruker på 76» (home care's word for the one it serves), not the verb («bruker 2 tbl»)
                r"(?<=\ben )bruker|(?<=\bein )brukar|(?<=\bein )bruker|(?<=\ben )beboer|(?<=\bein )bebuar")
# «flyktningjente 11», «sykehjemsbeboer 86», «gamlekaren på 78»: a compound that ends in a person
COMPOUND_PERSON = r"[a-z]{3,}(?:jente|jenta|gutt|gutten|gut|guten|mann|kvinne|dame|frue|kar|karen|kallen|bebor|beboren|bebuar|pasient|elev|student)"
KIN_WORDS = ("sonn|sonnen|sonen|son|datter|dattera|datteren|dotter|dottera|mor|moren|mora|mamma|far|faren|pappa|"
             "bror|broren|brori|broderen|soster|sosteren|syster|systera|systra|"
             "storebror|storebroren|lillebror|lillebroren|veslebror|veslebroren|halvbror|halvbroren|storesoster|"
             "storesosteren|storesostera|lillesoster|lillesosteren|lillesostera|storesyster|storesystera|veslesyster|"
             "halvsoster|halvsosteren|halvsyster|kone|kona|mannen|ektemann|ektemannen|samboer|samboeren|"
             "sambuar|sambuaren|ektefelle|ektefellen|partner|partneren|"
             "kjaereste|kjaresten|kjaeresten|kjaerasten|kjaeresta|samboren|sambor|eksen|eksmannen|ekskona|"
             "forelder|barnet|barna|borna|barn|born|ungen|ungane|ungene|ungar|ungan|ongan|onga|barnebarn|barnebarnet|barnebarna|barneborna|onkel|tante|stefar|stemor|svigermor|svigerfar|"
             "bestemor|bestefar|besteforeldre|mormor|morfar|farmor|farfar|parorende|parorande|guttene|gutane|gutta|jentene|jentane")
PARENT_WORDS = frozenset("mor moren mora mamma far faren pappa forelder foreldre foreldrene foreldra stefar stemor bestemor bestefar "
                         "besteforeldre mormor morfar farmor farfar".split())
# The relatives who bring someone younger's story («Mormor 70 år har barnebarnet (9) boende», «Pårørende 60 år, datteren
# (30) …») and the younger ones it is about.
ELDER_WORDS = PARENT_WORDS | {"parorende", "parorande"}
CHILDREN_PLURAL = frozenset("barna borna barn born ungene ungane unga ungar ungan onga ongan guttene gutane gutta jentene "
                            "barnebarna barneborna "
                            "jentane".split())
CHILD_WORDS = frozenset("sonn sonnen sonen son datter dattera datteren dotter dottera barnet barna borna barn born ungen "
                        "ungane ungar ungan onga ongan ungene barnebarn barnebarnet barnebarna barneborna guttene gutane gutta jentene "
                        "jentane".split())

_AGE_THEN = re.compile(r"\b(?:siden|sidan|sia|fra|fraa|ifra|ved|etter|for)\s+$")
_POSSESSIVE = r"(?:hans|hennes|hanses|hennar|deres|deira|min|mi|mitt|sin|si|sitt|var)\b"
_MEASURES = ("bmi|vekt|vekta|vekten|hoyde|hoegd|puls|blodtrykk|bt|temp|temperatur|promille|skar|skaar|skaren|score|scoren|"
             "poeng|sum|summen|madrs|phq|phq9|gad|gad7|audit|dudit|asrs|hads|kl|klokka|klokken|nr|nummer|dose|dosen|niva|"
             "nivaet|verdi|verdien|verdiene|antall|antallet|talet|tallet|uke|veke|dag|dagen|side|rom|det|dette|hb|crp|alt|ast|"
             "gt|ggt|cdt|peth|tsh|sat|metning|resp|rf|gcs|reaksjonstid")
_NUM = r"(\d{1,3})(?:\s*1/2|½|,5)?"
_YEARS = r"\s*-?\s*(?:ar|aar|y|yo|years?)\b"
_STRONG_SUFFIX = re.compile(_NUM + r"\s*-?\s*(?:aring|arig|aringen|aringens|arings|aringer|aringar|aringane|arige|ars|arsalder)\b|"
                            + _NUM + _YEARS + r"\s*(?:gammel|gamal|gml|gamle)\b|"
                            + _NUM + r"\s*og\s*(?:et|eit)\s*halvt\s*ar\b")
_WHO = COMPOUND_PERSON + "|" + PERSON_WORDS + "|" + KIN_WORDS  # a person or a relative, said so
_WHO_THEN_AGE = re.compile(r"\b(" + _WHO + r")\b(?:\s+" + _POSSESSIVE + r")?\s*[,:(]?\s*(?:pa\s+|paa\s+|som\s+er\s+|er\s+|e\s+|,\s*)?"
                           + r"(?:ca\.?\s*|cirka\s+|omtrent\s+|rundt\s+|om lag\s+|[mk],?\s?)?"  # «mann ca 40», «Datter (k 34)»
                           + _NUM + r"(?:" + _YEARS + r")?(?![.,]?\d|\s+\d{1,3}\s*-?\s*(?:ar|aar)\b)")
# «Kåre e 62 og …», «Line er 34, …»: anyone who «is» a number that ends a clause, unless it is a measure.
# «tøs», «taus»: a girl in western dialects, «jinta» on Romerike; «gudd»: a boy
_YOUNG_PERSONS = frozenset({"gutt", "gut", "gutten", "guten", "gutn", "gudd", "guddn", "jente", "jenta", "jenten", "jinta",
                            "jinte", "jento", "tos",
                            "tosa", "taus", "tausa", "baby", "babyen"})
_HAS_BEFORE = re.compile(r"\b(?:har|hadde|med)\s+(?:en\s+|ein\s+|ei\s+|et\s+|eit\s+|sin\s+|si\s+|ny\s+)?$")
_ADULT_AGE_BEFORE = re.compile(r"\b(?:1[89]|[2-9]\d)\b")  # an adult's age told before, in the blanked text
_IS_NUMBER = re.compile(r"\b(?!(?:" + _MEASURES + r")\b)[a-z]+\s+(?:er|e)\s+" + _NUM + r"(?:" + _YEARS + r")?\s*(?=og\b|,|\.|;|$)")
# Born in a year («pas. f. 2011», «født 09.03.2009»): the age this year.
_BORN = re.compile(r"\b(?:f|fodt|fodd)\.?\s*(?:i\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?)?((?:19|20)\d{2})\b")
_PAREN = re.compile(r"\(\s*" + _NUM + r"\s*(?:ar|aar)?\s*\)")
_IS_AGE = re.compile(r"\b(?:fylte|fylt|fyllte|blei|ble|vart|akkurat|nylig fylt)\s+" + _NUM + r"\b(?:\s*(?:ar|aar))?|"
                     r"\b(?:fyller|fyll|blir|vert)\s+" + _NUM + r"\b(?:\s*(?:ar|aar))?\s*(?:na|i dag|idag)\b")
# «bodde der til hun fylte 18»: an age reached back then, not the age now
_MILESTONE = re.compile(r"\b(?:til|da|etter|for|siden|sidan|sia|fra|fraa|innen|naar|nar)\s+(?:at\s+)?(?:hun|han|ho|hen|de|dei|eg|jeg)?\s*$")
# Turning N later means N - 1 now: «fyller 18 om tre uker», «snart 18», «blir 16 i mai».
_TURNS = re.compile(r"\b(fyller|fyll|blir|vert|snart|nesten)\s+" + _NUM + r"\b(?!\s*(?:ar|aar)?\s*(?:na|i dag|idag)\b)")
# «snart 2 år» after «AAP fra NAV» or «i»: a hedged duration, weaker than any age stated outright
_HEDGED_YEARS = re.compile(r"\s*(?:ar|aar)\b")
_YEARS_ONLY = re.compile(r"(?<![\d.,])\b" + _NUM + _YEARS)
_BARE = re.compile(r"^\s*" + _NUM + r"\s*(?:ar|aar)?\s*[.!]?\s*$")
# «paranoid schizofreni i 40 år, nå 68»: the age now, after a duration
_NOW_AGE = re.compile(r"\b(?:na|no)\s+(\d{2,3})(?=\s*(?:ar|aar)?\s*[,.;]|\s*(?:ar|aar)?\s*$)")
# «F 34 m schizofreni»: a woman of 34, as «K 34», when the text gives no other age (then «F 34» is a code)
_F_AGE = re.compile(r"\bf(?:,\s?|\s)(\d{2})\b(?![.,]\d)")
_AFTER_A_CODE = re.compile(r"\b[a-z]\d{2}(?:\.\d{1,2})?\s*[,;/]\s*$")
_CODE_LINE = re.compile(r"\b(?:icpc|icd|diagnoser|diagnose|diagnosar|dg|diag)\b")  # a sentence that lists codes
_SEX_AGE = re.compile(r"\b(?:([mkgj]),?\s?(\d{2})|([gj]),?\s?(\d))\b(?!\s*-?\s*(?:ar|aar)\s+(?:siden|sidan))")  # «M29», «K 34», «K, 29», «G 8»

_DURATION_BEFORE = re.compile(r"(?:\bi|\bfor|\better|\bgjennom|\bover|\bsiste|\bmer enn|\bsidan|\bsiden|\bde siste|"
                              r"\bca\.?|\bcirka|\bomtrent|\bpa|\bfra|\bsia|\bpa over|\binnen|\btil|\bvaert|\bhatt|"
                              r"\bdrukket|\bbrukt|\bruset|\bslitt|\bsittet|\bsatt|\bbodd|\bjobbet|\bgatt|\bhar)\s*$")
_DURATION_AFTER = re.compile(r"\s*(?:siden|sidan|sia|tilbake|til|fram|frem|lang|lenge|senere|seinare|etter|i strekk|"
                             r"pa rad|uten|utan|med rus|rusfri|edru|av|i)\b")
# After anyone and their age, words that make them a relative of the one the question is about.
_RELATION = (r"parorende til|parorande til|av\s+(?:en\s+|ein\s+)?pasient|"
             r"til\s+(?:en|ein|ei|et|eit)\s+av\s+(?:mine|vare|dine|hans|hennes|hennar)\s+(?:pasienter|pasientar)\b|"
             r"til\s+(?:(?:en|ein)\s+av\s+(?:pasientene|pasientane)\s+(?:mine|vare|vaare)|pasienten\s+(?:min|var|vaar))\b|"
             r"til\s+(?:en|ein|ei|et|eit|sin|si|sitt|hennes|hans)?\s*(?:voksen|vaksen|ung|liten)?"
             r"\s*(?:sonn|son|datter|dotter|mann|kone|kona|bror|soster|syster|gutt|jente|pasient|pas|pt|mor|far|barn|"
             r"alkoholiker|alkoholikar|rusmisbruker|rusmisbrukar|rusavhengig|narkoman|misbruker|misbrukar|\d{1,2}\s*-?\s*aring)\b")
# «(44)», «44 år», and a second parent in the same breath («mor (44) og far (46) bekymret»).
_AFTER_AGE = (r"\s*(?:ar|aar)?\s*(?:gammel|gml)?\s*\)?\s*,?\s*(?:og\s+(?:" + KIN_WORDS + r")\s*\(?\s*\d{1,3}\s*\)?\s*)?"
              r"(?:som\s+)?(?:er\s+|blir\s+|var\s+|har\s+vaert\s+)?")
_RELATED = re.compile(_AFTER_AGE + r"(?:" + _RELATION + r")")
# After a relative and their age, the words that make them the one asking about someone else.
_ASKER = re.compile(_AFTER_AGE + r"(?:(?:fra|fraa|i|pa)\s+\w+\)?,?\s+|(?:bor|bur)\s+(?:i|pa)\s+\w+\)?,?\s+(?:og\s+)?)?(?:om\s+(?:" + KIN_WORDS + r")\b|her\b|(?<=er )med\b|spor|spurte|ringer|ringjer|ringte|ringde|ringa|(?:skriver|skriv|skreiv|skrev|melder|meldte)\s+(?:pa vegne av|om)\b|pa vegne av\b|kommer|kjem|ber\b|kontakter|kontaktar|kontakta|kontaktet|tar kontakt|tek kontakt|tok kontakt|lurer|undrar|"
                    r"bekymr|uroa|urolig|redd for|har omsorg|" + _RELATION + r")")
# «sonen (17) døydde brått i går», «en gutt på 26 som døde av overdose»: the age of someone who has died is no patient's
_DIED = re.compile(r"\s*(?:ar|aar)?\s*(?:gammel|gml)?\s*\)?,?\s+(?:som\s+)?(?:(?:bratt|plutselig|plutseleg|uventet|uventa|nylig|nyleg|"
                   r"no|na|nettopp|akkurat|har|hadde|er|var)\s+){0,2}(?:dode|dodde|doydde|doyde|omkom|omkomne|gikk bort|gjekk bort|"
                   r"tok livet av seg|tok sitt eget liv|tok sitt liv|er dod|er daud|ble drept|vart drept|blei drept)\b")
_OF_SOMEONE = re.compile(r"\btil\s+(?:en|ein|ei|et|eit|sin|si|sitt|hans|hennes|hennar)?\s*\w+\s+(?:pa\s+|paa\s+)?\(?$")
# «mista sonen sin på 17 i ei drukningsulykke»: the one lost has died
_LOST = re.compile(r"\b(?:mistet|mista|miste|mist)\s+(?:\w+\s+){1,3}\(?$")
# «det gjelder dottera på 14», «spør om sønnen 14», «det er sønnen på 15 det gjelder»: the one the question is about
_CONCERNS_BEFORE = re.compile(r"\b(?:gjelder|gjeld|spor om)\s+$")
_CONCERNS_AFTER = re.compile(r"\s*(?:ar|aar)?\s*\)?\s*(?:det\s+)?(?:gjelder|gjeld|handler om|handlar om)\b")
# A relative who is here, or only said to be worried («enke 81, depr … datter 55 bekymret.»)
_PRESENT = re.compile(_AFTER_AGE + r"(?:(?:er|e)\s+(?:her|med)\b(?!\s+(?:og|for a|for aa)\s)|"
                      r"(?:er\s+|e\s+)?(?:svaert\s+|veldig\s+|mye\s+|mykje\s+)?(?:bekymret|bekymra|urolig|uroleg|uroa)\s*(?:[.,;!?]|$))")
# A son or daughter who tells («Datter (55) forteller at mora på 82 …») tells about someone else; a mother who tells
# («Mor (34) forteller at samboeren slår henne») mostly tells her own story.
_TELLER = re.compile(_AFTER_AGE + r"(?:forteller|fortel|sier|seier|tror|trur|mistenker|mistenkjer|frykter|fryktar|mener|meiner|merker|merkar)\b")
# «Mor (52) kommer for egen del: sønnen på 24 …»: a relative who is the patient
_OWN_SAKE = re.compile(r"\s*(?:ar|aar)?\s*(?:gammel|gml)?\s*\)?\s*,?[^.!?\n\d:]{0,45}?\b(?:for|pa)\s+(?:egen|eigen|eiga)\s+del\b")
# «Mor (41): ungen på 13 …», «Mor (55) på kontoret: sønnen på 24 …»: a parent introducing the child's story
_PRESENTS = re.compile(r"\s*\)?\s*(?:[^:.!?\n\d]{1,30})?:")
# Between an elder relative's age and the one child whose story they bring, a few words and no full stop (a few
# more when the child is a minor: «Mor (38) har funnet en lapp der sønnen (12) skriver …»).
_BRINGS, _BRINGS_A_CHILD = (re.compile(r"\s*(?:ar|aar)?\s*(?:gammel|gml)?\s*\)?\s*[,:]?\s*(?:[^\W\d]+[\s,–-]+){0,%d}$" % n)
                            for n in (3, 6))
# «… mor spør om det finnes noe for henne»: the parent named with an age earlier asks about the child
_PARENT_ASKS = re.compile(r"\b(?:mor|mora|moren|far|faren|mamma|pappa|foreldrene|foreldra)\s+(?:spor|lurer|undrar|ber|onsker|onskjer|vil ha)\b")
# «Min pasient, mor 58, har en sønn på 30»: the kin word names the patient, not a relative of the patient
_PATIENT_IS = re.compile(r"\b(?:min|mi|mitt|var|vaar|denne)?\s*(?:pasient|pasienten|pas|pt)\s*[,:(]\s*(?:en|ei|ein|et|eit)?\s*$")
# «Kona (52) til en alkoholiker er pasienten min»: named as the patient after the kin word, in the same sentence
_PATIENT_AFTER = re.compile(r"\s*(?:ar|aar)?\s*\)?\s*,?(?:[^.!?\n,;:\d]*?\b(?:er|e) (?:min|mi|var|vaar) (?:pasient|pas|pt)\b|"
                            r"[^.!?\n,;:\d]*?\b(?:er|e) (?:pasienten|pasient) (?:min|mi|var|vaar|hos meg)\b)")
# «Datter er bekymret for mor (79): …»: the adult worried about is the patient, not the one who asks (children
# worried about are a parent's case: «Far 42 … Bekymret for barna på 7 og 12»)
_WORRIED_FOR = re.compile(r"\b(?:bekymr\w*|uroleg|urolig|uroa|engstelig|engsteleg|redd)\s+(?:for|over)\s+(?:sin|si|sitt|hennes|"
                          r"hans|hennar|min|mi|mitt)?\s*$")
_CLAUSE = re.compile(r"(?:^|[,.;:!?\n()]|\s-\s|\bog\b|\bmen\b)\s*$")

_UNITS_WORDS = {"en": 1, "ett": 1, "ein": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7,
                "syv": 7, "atte": 8, "ni": 9}
_NUMBER_WORDS = {"ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16,
                 "sytten": 17, "atten": 18, "nitten": 19, "tjue": 20, "tjuge": 20, "tretti": 30, "tredve": 30,
                 "forti": 40, "forty": 40, "femti": 50, "seksti": 60, "sytti": 70, "atti": 80, "nitti": 90}
# «Åtte år gammel jente», «ein fireåring»: a lone unit word only where it can only be an age.
_UNIT_AGE = re.compile(r"\b(" + "|".join(_UNITS_WORDS) + r")(?=\s*-?\s*(?:ar\s+(?:gammel|gamal|gml)|aring|arig)\b)")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")("
                          + "|".join(_UNITS_WORDS) + r")?(?:\b|(?=aring|arig))(?=\s*-?\s*(?:ar|aring|arig))")
# «gutt, åtte år», «sønnen på ni år»: a unit word after the person it tells the age of
_PERSON_UNIT = re.compile(r"\b(?:" + _WHO + r")\b[\s,(]*(?:pa\s+|paa\s+)?("
                          + "|".join(_UNITS_WORDS) + r")(?=\s*-?\s*(?:ar|aar)\s*(?:gammel|gamal|gml)?\s*(?:[,.;:)!?]|$|og\b))")
# «sønnen hennes på fjorten»: a number word after «på» and the person, with no «år»
_PERSON_ON_NUMBER = re.compile(r"\b(?:" + _WHO + r")\b(?:\s+" + _POSSESSIVE
                               + r")?\s+(?:pa|paa)\s+(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")("
                               + "|".join(_UNITS_WORDS) + r")?\b(?!\s*-?\s*(?:" + _UNITS + r"|dager|dagar|uker|veker|mnd|ganger|gonger)\b)")
DECADE_WORD = re.compile(r"\b(\d)0\s*-?\s*ar(?:ene|a)\b")
_PERSON_IN_DECADE = re.compile(r"\b(?:" + PERSON_WORDS + r")\s+(?:i|pa)\s+$")


@dataclass(frozen=True)
class AgeMention:
    value: int
    strength: int  # 3: said outright («17-åring», «gutt 17», «(15)»); 2: «17 år» at a clause start; 1: «17 år» mid-clause
    who: str | None = None  # the kin word when it is a relative's age («sønnen», «mor»)
    start: int = 0
    asker: bool = False  # the person asking on someone else's behalf («Mor (52) spør», «Kona (44) til en mann (47)»)
    brings: bool = False  # an elder relative who goes straight on to one child's story («Far, 41, sier sønnen (14) …»)
    named: bool = False  # a kin word that names the patient («Min pasient, mor 58, har en sønn på 30»)

    @property
    def relative(self) -> bool:
        return self.who is not None


def blank_non_ages(folded: str) -> str:
    """The text with codes, weeks of pregnancy, the numbers of amounts and years replaced by spaces (spans kept). An
    amount's unit stays: «2 barn på 4 og 9» still tells whose ages follow."""
    for pattern in (_CODES, _WEEKS, _YEAR, _DECIMAL, _SCHOOL_YEAR, _AMOUNT, _YEARS_OF, _RANGE, _PAST_AGE):
        folded = pattern.sub(_blank_number if pattern is _AMOUNT else lambda m: " " * len(m.group(0)), folded)
    return folded


def _blank_number(found: re.Match) -> str:
    said = found.group(0)
    unit = said.lstrip("0123456789.,-– ")
    return " " * (len(said) - len(unit)) + unit


def number_words(folded: str) -> str:
    """«fjorten år» → «14 år», «tjuefem år» → «25 år»."""
    folded = _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(1)] + _UNITS_WORDS.get(m.group(2) or "", 0)), folded)
    folded = _PERSON_ON_NUMBER.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + str(
        _NUMBER_WORDS[m.group(1)] + _UNITS_WORDS.get(m.group(2) or "", 0)), folded)
    folded = _PERSON_UNIT.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + str(_UNITS_WORDS[m.group(1)]), folded)
    return _UNIT_AGE.sub(lambda m: str(_UNITS_WORDS[m.group(1)]), folded)


def _sentence_so_far(text: str, end: int) -> str:
    return text[max(text.rfind(mark, 0, end) for mark in ("\n", "!", "?", ". ")) + 1:end]


def mentions(folded: str) -> list[AgeMention]:
    """Every age the text states, strongest and earliest first, one per position."""
    spelled = number_words(folded)
    text = blank_non_ages(spelled)  # spans kept, so a year of birth is read where it stood
    found: dict[int, AgeMention] = {}
    born = [(m.start(1), m.start(), date.today().year - int(m.group(1))) for m in _BORN.finditer(spelled)]

    def add(start: int, value: str, strength: int, who: str | None = None, named: bool = False) -> None:
        age = int(value)
        who = who or _kin_after(text, start)
        if 0 <= age <= MAX_AGE and (start not in found or found[start].strength < strength):
            after = start + len(value)
            named = named or who is not None and bool(_OWN_SAKE.match(text, after))
            if who in CHILD_WORDS and age < 18:
                asker = False  # a child who tells («barn 9 forteller at far slår mor») is the one to help
            elif who:
                asker = bool(_ASKER.match(text, after) or (_TELLER if who not in PARENT_WORDS else _PRESENTS).match(text, after))
            else:
                asker = bool(_RELATED.match(text, after))
            found[start] = AgeMention(age, strength, who, start, asker and not named, named=named)

    for m in _WHO_THEN_AGE.finditer(text):
        word = m.group(1)
        kin = re.fullmatch(KIN_WORDS, word) is not None
        if not kin and word in _YOUNG_PERSONS and _HAS_BEFORE.search(text, 0, m.start(1)):
            word, kin = "barnet", True  # «29 år, … har gutt på 4 år», «kom med jenta si på 14»: the patient's child
        if word in ("ho", "hun", "han", "hen") and not re.search(r"\be(?:r)?\b", m.group(0)):
            continue
        add(m.start(2), m.group(2), 3, word if kin else None,
            kin and bool(_PATIENT_IS.search(text, 0, m.start(1)) or _PATIENT_AFTER.match(text, m.end())
                         or word not in CHILD_WORDS and _WORRIED_FOR.search(text, 0, m.start(1))))
    for start, said, age in born:
        add(start, str(age), 2, _kin_before(text, said))  # an age stated outright beside it wins («f. 1943 (81 år)»)
    for m in _SEX_AGE.finditer(text):
        # «ICPC-2 P72, K77» may be a code (heart failure) or a woman of 77: any age said outright comes first (the
        # codes are blanked in `text`, so the sentence is read in `spelled`)
        said = "" if " " in m.group(0) else _sentence_so_far(spelled, m.start())
        in_codes = _CODE_LINE.search(said) and _AFTER_A_CODE.search(said)
        group = 2 if m.group(2) else 4
        add(m.start(group), m.group(group), 1 if in_codes else 3)
    for m in _TURNS.finditer(text):
        strength = 3
        if m.group(1) in ("snart", "nesten") and _HEDGED_YEARS.match(text, m.end()):
            if _DURATION_BEFORE.search(text, 0, m.start()):
                continue
            strength = 1
        add(m.start(2), str(max(0, int(m.group(2)) - 1)), strength)
    for m in _IS_NUMBER.finditer(text):
        add(m.start(1), m.group(1), 2, _kin_before(text, m.start()))
    for pattern in (_STRONG_SUFFIX, _PAREN, _IS_AGE, _BARE):
        for m in pattern.finditer(text):
            if pattern is _IS_AGE and _MILESTONE.search(text, 0, m.start()):
                continue
            if pattern is _STRONG_SUFFIX and m.group(0).endswith("arsalder") and _AGE_THEN.search(text, 0, m.start()):
                continue  # «kjent siden 30-årsalder»: the age an illness began, not the age now
            group = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i) is not None)
            who = _kin_before(text, m.start())
            if who is None and pattern is _STRONG_SUFFIX and int(m.group(group)) < 18 \
                    and _HAS_BEFORE.search(text, 0, m.start()) and _ADULT_AGE_BEFORE.search(text, 0, m.start()):
                who = "barn"  # «29 år, … Har ein 3-åring»: the patient's child
            add(m.start(group), m.group(group), 3, who)
    for m in _YEARS_ONLY.finditer(text):
        before, after = text[:m.start()].rstrip(" ><~≈"), text[m.end():]  # «i >10 år», «~5 år»
        clause = _CLAUSE.search(before)
        if _DURATION_AFTER.match(after) and not clause or _DURATION_BEFORE.search(before):
            continue
        strength = 2 if clause else 1
        if strength == 1 and int(m.group(1)) < 10:
            continue  # mid-clause, a small «N år» is nearly always a duration («ute av arbeid 3 år»)
        add(m.start(1), m.group(1), strength, _kin_before(text, m.start()))
    decade = DECADE_WORD.search(text)
    # «en mann i 40-åra … kona (44) ringer»: a decade is the patient's when only relatives are given an age
    if decade and (not found or all(a.relative for a in found.values())
                   and _PERSON_IN_DECADE.search(text, 0, decade.start())):
        add(decade.start(1), str(int(decade.group(1)) * 10), 1, _kin_before(text, decade.start()))
    for start, mention in list(found.items()):
        died = _DIED.match(text, start + len(str(mention.value)))
        # «Faren til ein gut på 12 døydde»: the one who died is the subject before «til», not the boy
        if died and ("som" in died.group(0).split() or not _OF_SOMEONE.search(text, 0, start)) \
                or _LOST.search(text, 0, start):
            del found[start]
    by_place = sorted(found.values(), key=lambda a: a.start)
    for along in by_place:
        # «M24 hører stemmer … mor (50) er med»: a relative who comes along after the patient's story asks nothing
        if along.asker and _PRESENT.match(text, along.start + len(str(along.value))) and any(
                not a.relative and a.start < along.start for a in by_place):
            found[along.start] = replace(along, asker=False)
    by_place = sorted(found.values(), key=lambda a: a.start)
    for elder, then in zip(by_place, by_place[1:]):
        if elder.who not in ELDER_WORDS or then.who not in CHILD_WORDS or then.value >= min(elder.value, 18 if elder.named else MAX_AGE):
            continue
        told = then.who not in CHILDREN_PLURAL and (_BRINGS if then.value >= 18 else _BRINGS_A_CHILD).match(
            text, elder.start + len(str(elder.value)), _kin_start(text, then))
        # «Far (41) innlagt med psykose. Mor spør hva guttene på 9 og 11 kan få»: the other parent asks for the children
        asked_for = then.value < 18 and (then.who not in CHILDREN_PLURAL and _PARENT_ASKS.search(text, then.start)
                                         or _PARENT_ASKS.search(text, elder.start + len(str(elder.value)), then.start))
        if told or asked_for:
            found[elder.start] = replace(elder, brings=True)
    concerned = next((a for a in by_place if a.who in CHILD_WORDS and (
        _CONCERNS_BEFORE.search(text, 0, _kin_start(text, a))
        or _CONCERNS_AFTER.match(text, a.start + len(str(a.value)))
        # «Mor (44) var innom, bekymret for sønnen på 15»: a parent worried for one minor asks about him
        or a.value < 18 and a.who not in CHILDREN_PLURAL and _WORRIED_FOR.search(text, 0, _kin_start(text, a)))),
        None)
    if concerned is not None:
        # «Mor (44) var inne i dag, men det er sønnen på 15 det gjelder»: the parent asks about him
        for elder in by_place:
            if elder.who in ELDER_WORDS and elder.start < concerned.start:
                found[elder.start] = replace(elder, asker=True)
    for m in _NOW_AGE.finditer(text):
        add(m.start(1), m.group(1), 2)
    if not found:
        for m in _F_AGE.finditer(spelled):
            add(m.start(1), m.group(1), 3)
    return sorted(found.values(), key=lambda a: (-a.strength, a.start))


def _kin_start(text: str, mention: AgeMention) -> int:
    """Where the kin word of a relative's age begins («sønnen (14)» → at «sønnen»)."""
    at = text.rfind(mention.who or "", 0, mention.start)
    return at if at >= 0 else mention.start


_KIN_BEFORE = re.compile(r"\b(" + KIN_WORDS + r")\b(?:\s+" + _POSSESSIVE + r")?\s*[,:(]?\s*(?:pa\s+)?(?:\d{1,2}\s*(?:,|og)\s*)*$")


# «en 70 år gammel mor», «70-årig far»: the kin word after an age told as years old
_KIN_AFTER = re.compile(r"\d{1,3}(?:\s*-\s*arig|-?\s*ar (?:gammel|gamle|gamal|gamla|gml)) (" + KIN_WORDS + r")\b")


def _kin_after(text: str, start: int) -> str | None:
    m = _KIN_AFTER.match(text, start)
    return m.group(1) if m else None


def _kin_before(text: str, start: int) -> str | None:
    """The kin word an age belongs to: «sønnen, 17 år,», «datter 19 år», «mora hans (60)», «ungar på 1 og 3 år»."""
    m = _KIN_BEFORE.search(text[:start])
    return m.group(1) if m else None


def patient_age(found: list[AgeMention]) -> tuple[AgeMention | None, AgeMention | None]:
    """(the patient's age, a relative's age) from the mentions.

    The patient is the person the question is about: a relative who asks («Mor (52) spør om sønnen (19)», «Kona (57)
    til en pasient (59)») keeps their own age apart. Otherwise an age given for the patient outright wins over a
    relative's, and among relatives who do not ask, the one named first («Mor (34) forteller …, barna på 6»)."""
    first_asker = min((a.start for a in found if a.asker), default=None)
    askers = [a for a in found if a.start == first_asker]  # one person asks; a later «er med» is not them
    others = [a for a in found if a.start != first_asker]
    own = [a for a in others if not a.relative or a.brings or a.named]
    # parents who ask («mor (40) og far (42): sønnen 15 …») ask about their child
    elder_asks = any(a.who in ELDER_WORDS for a in askers)
    kin = sorted((a for a in others if a.relative and a not in own),
                 key=lambda a: (a.asker, not (elder_asks and a.who in CHILD_WORDS), a.strength < 3, a.start))
    patient = (own or kin or [None])[0]
    if patient is not None and patient.brings:
        patient = min((a for a in others if a.who in CHILD_WORDS and a.start > patient.start), key=lambda a: a.start)
    relative = next((a for a in [*askers, *kin, *own] if a is not patient), None)
    return patient, relative


def decade_band(folded: str) -> tuple[int, int] | None:
    decade = DECADE_WORD.search(folded)
    if not decade:
        return None
    low = int(decade.group(1)) * 10
    return low, low + 9
