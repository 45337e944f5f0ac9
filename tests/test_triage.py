"""Safety triage, family by family and trap by trap (the blind corpus is in test_safety_corpus.py)."""

import ast
from pathlib import Path

import pytest

from gpguide.search.triage import Triage, triage
from gpguide.search.triage.detect import about_now, by_rules
from gpguide.search.triage.table import DATA, load

ACUTE = {
    "suicide": [
        "vil ikke leve lenger", "orker ikke mer, vil bare dø", "sier hun bare vil forsvinne",
        "har sendt avskjedsmelding til kjæresten", "har gitt bort tingene sine til søsknene", "sier det er snart over",
        "har kjøpt tau og sett seg ut en bjelke i låven", "snakker om å hoppe foran toget", "står på brua nå",
        "sitter i bilen i garasjen med motoren i gang", "sier han skal kjøre i fjellveggen på vei hjem",
        "har hagle hjemme og sier han ikke ser poenget lenger", "har spart opp Sobril i flere måneder",
        "selvmordstanker med konkret plan i kveld", "M30 SI m/ plan", "pas truer med selvmord hvis kona går",
        "funnet hengende i kjelleren, lever", "skrev på snap at dette er siste gang dere ser meg",
        "Kona sier han har googlet dødelige doser av amitriptylin hele kvelden.",
        "Kvinne 45: «jeg orker ikke mer, jeg har tabletter klare».", "Har sagt til alle vennene at de ikke skal savne ham.",
        "Hun har stått på kanten av Lysefjorden i en time og ringer meg.",
        "Kjæresten sendte bilde av en løkke og skrev «nå er jeg ferdig».",
        # indirect statements, with or without means
        "far min har sagt at han ikkje vil vere til bry lenger, og han har hagle på loftet",
        "«det hadde vært lettest om jeg bare gikk ut i skogen og ikke kom tilbake», har våpenskap",
        "sier han blir borte snart uansett, vil ikke komme til kontroll",
        "står på brua hver kveld og kjenner etter om han tør", "roper at han fortjener å dø",
        "sier det finnes en enklere utvei, har kjøpt tau",
        # farewell acts, even when thoughts are denied; denial contradicted by what was found
        "benekter selvmordstanker, men har skrevet brev til hver av barna som skal åpnes etterpå",
        "har skrevet testament og gitt hunden til naboen",
        "nekter for selvmordstanker, men jeg fant et tau i bilen hans",
        "I kveld sendte hun en melding til alle barnebarna. Etterpå har hun ikke tatt telefonen.",
        "skrev på Snap at dette blir siste gangen dere hører fra meg", "har googlet jernbaneoverganger og togtider",
        "sendte bilde til kompisen av pillene han har lagt fram på pulten",
        "sier barna klarer seg uten henne, har kjøpt en kjetting til å henge opp i låven",
        "har fordelt smykkene sine mellom barnebarna og sier hun gleder seg til å slippe",
        # a method, a moment or a place found or chosen, said without naming it; a crisis plan given up
        "venninna sier han har funnet ut hvordan han skal gjøre det", "ho har funne ut kor ho skal gjere det",
        "har sjekket når nattoget passerer brua", "sier hun ikke kommer til å være her på torsdag",
        "skreiv om korleis han skal gjere det, og faren har børse i kjellaren",
        "kjente S-tanker, men nå er det annerledes: han har valgt dato", "sier at krisepalnen ikkje gjeld lenger",
        # farewell in other words, and unreachable afterwards
        "skrev på lappen: «ta vare på broren din»", "sa til systera at no får du ta vare på mora",
        "seier livet er slutt for han no", "sa at dette er siste gang hun er til bry, har samlet Vival",
        "takket for at du har vært så god mot ham og la på, nå tar han ikke telefonen",
        "kronisk suicidal, sa takk for alt, nå går telefonen rett på svarer",
        # a gun fetched or borrowed by someone depressed, even when thoughts are denied
        "deprimert etter konkursen, har lånt rifla til svogeren", "benekter SI, men har hentet geværet hjem fra hytta",
        "nedstemt og har kjøpt pistol",
    ],
    "poisoning": [
        "K34 har tatt 40 paracet for en time siden", "M48 tok 48 Sobril i kveld",
        "har tatt 20 Paralgin forte", "tok 15 Sobril for en time siden", "har svelget alle Vival-tablettene",
        "tatt hele brettet med Sarotex", "drakk rødsprit i natt og ser dårlig", "3-åring har spist av mormors tabletter",
        "pas har tatt en overdose metadon", "tok resten av pakka med Paracet etter krangel",
        "fant tomme tablettesker ved senga", "har tatt GHB og puster nesten ikke", "Toåringen har svelget et knappebatteri.",
        "LAR-pasient fikk nalokson av ambulansen for en halvtime siden, vil ikke til sykehus.",
        # symptoms without the word overdose; someone else's opioid; an unknown stimulant; a child and alcohol
        "har tatt litt ekstra av Lyrica og OxyNorm, snakker utydelig og sovner midt i setninger",
        "17-åring har tatt et hvitt pulver på fest, er glovarm, hjertet hamrer og hun er forvirret",
        "beboer har fått tak i en annens metadon og drukket den", "kompisen drakk av subutexen til broren i natt",
        "gutten på 14 har drukket en halv flaske vodka og kaster opp",
        "snøftet et ukjent stoff på fest, har høy feber og er forvirret",
        # sedation and breathing in lay words; a small child who ate tablets described by their look
        "satte et skudd for ti minutter siden, nå nikker han av og pusten blir svakere",
        "har tatt sovetabletter og klarer ikke holde seg våken, puster grunt",
        "ho har teke metadon og pustar grunt, er tung å vekkje", "jenta (2) spiste noen av de blå tablettene i veska",
        "leppene er gråblå etter heroinen",
    ],
    "vital": ["funnet bevisstløs i trappa", "er blå i leppene og puster dårlig", "lar seg ikke vekke etter festen",
              "vi får ham ikke opp av gulvet", "pusten hans blir grunnere og grunnere",
              "puster bare fire ganger i minuttet"],
    "selfharm": ["har kuttet seg og blør mye", "det pumper blod fra armen", "dype kutt i underarmen som må sys i kveld",
                 "har slått hodet i veggen til det blør",
                 # a serious wound or blood loss told by its signs
                 "har rispet seg, og kompressene er gjenomblødd", "kuttet i låret gaper", "skar seg, og vi ser senene i såret",
                 "ho har kutta seg og er bleik og klam", "har skåret seg, blir svimmel når hun reiser seg"],
    "psychosis": [
        "psykotisk mann, var innlagt på Ahus, skrevet ut i går, nå truende mot naboen med kniv",
        "han er innlagt, men har rømt og truer med å drepe kona",
        "hører stemmer som sier han må drepe naboen", "psykotisk og har barrikadert seg i leiligheten",
        "sier at stemmene ber ham ofre seg selv", "akutt psykotisk og truende mot personalet",
        # a relapse after years of stability: the history does not cancel what is heard now
        "Tidligere psykose, stabil i ti år. Nå: hører han stemmer igjen som sier han skal straffe seg.",
        "stemmene krever at hun straffer seg selv",
        "kvinne 10 dager etter fødsel, forvirret, har ikke sovet på tre netter",
        "sier at babyen er byttet ut", "mann 80 med ny paranoia, tror kona er en bedrager og har låst henne ute",
        "mann 83 med ny forestilling om at naboen er ute etter ham, har øks ved døra",
        # delusions in lay words, with the children, driving off, or no food and drink
        "krangler med radioen og har kjørt av gårde med ungene", "trur borna er merka og har henta dei ut av barnehagen",
        "får beskjeder gjennom TV om å rense seg, har sluttet å spise og drikke",
        "hun tror hun er utvalgt og svarer ikke på telefonen, har tatt med seg barna",
    ],
    "violence": [
        "sier han skal drepe kona", "truer med å skyte naboen", "går rundt med kniv og truer folk på senteret",
        "kvinne slått av samboer i natt, tør ikke dra hjem",
        "har sperret seg inne, og nå lukter det røyk fra leiligheten", "sier at én av oss kommer ikke hjem i kveld",
        "skal gjøre opp med langeren i kveld og har kniven i bilen",
        "har lagt ut bilde av en pistol og skrevet at skolen får se i morgen",
        # fire prepared; ultimatums; a threat to escalate; strangulation marks; locked in from outside
        "har kjøpt to dunker bensin, sier at huset til naboen skal brenne", "seier at berre eld kan reinse kyrkja",
        "sambuaren har sagt at viss ho går, så er ho daud", "melding fra eksen: «hvis du ringer politiet, kommer jeg med øksa»",
        "han slo henne i går og sa at neste gang blir det for alvor", "far har sagt at han skal knekke armen hennes",
        "har fingermerker rundt halsen i dag", "broren er funnet innelåst på loftet fra utsiden",
        "vet hvor eksen bor og vil ordne opp en gang for alle, har hagle",
    ],
    "child": [
        "tre små barn har vært alene hjemme i tre dager", "gutt 8 slått hjemme, skal hjem i dag",
        "baby 3 mnd, mor er ruset og alene med barnet",
        "7-åringen forteller at mamma har slått henne med beltet, og mamma henter i dag.",
        "far hentet 2-åringen i barnehagen og var tydelig full, han kjørte av gårde med henne",
        "spedbarn 3 mnd, far sier han rista henne litt i natt",
        "mor er ruset og har baby på 4 mnd med seg. Hun skal kjøre hjem nå.",
        "far skriver at ingen av dere får se dem igjen, jeg tar dem med meg og meg selv",
        "mora er synleg rusa og skal køyre heim med tvillingane",
        "skal ta ungene med seg dit ingen finner dem, og kona skal angre. Han har rifle.",
        # a carer's act against a baby; small children alone since a day (their ages between commas)
        "mor la puta over ansiktet til babyen i natt", "far stod over sprinkelsenga med ei dyne",
        "to småunger, 2 og 4 år, har vært alene siden lørdag", "tvillingane, berre 3 år, har vore åleine i to døgn",
    ],
    "other": ["akutt forverring av depresjon, kan ikke vente til mandag",
              # no fluids for days; a dependent adult without care
              "har slutta å ete og drikke", "har ikke drukket på tre døgn",
              "mor med demens er alene siden far ble innlagt", "bror med utviklingshemning har ikke fått insulin på to dager",
              "far er dement, og komfyren har stått på hele natta, han skjønner ikke hvor han er",
              "blodsukkeret viser HI"],
}

# s7 classes, in other words (nynorsk and typo variants): each acute by the rules alone, not only by the second net
RULES_ACUTE = {
    "suicide": [
        "Mora seier han har skrive ned alle passorda på ein lapp til ho og rydda boden.",
        "Han sier det er snart over med meg, har gitt bort hunden.",
        "Han forsøkte å henge seg, det er to år siden, nå har han kjøpt tau igjen.",
        "Han barrikaderte seg og truet med å skyte, det var i går kveld.",
        "pas 30, SI+, plan om å henge seg, 50 % sykmeldt",
        "Ho sa ho ikkje kan love at ho kjem heim att i kveld.",
        "Dottera skreiv i dagboka: «Laurdag er eg ikkje her meir.»",
        "Han sendte melding til broren om hvor testamentet og passordene ligger.",
        "ho sa at mora ikkje måtte bli den som finn ho",
        "skrev en lapp til foreldrene og har en eske Sobril i veska",
        # a decision that names no act, and an appointment that will not be kept (s178, s179)
        "Har alltid avkreftet planer, men i dag sier hun at hun har bestemt seg og ikke vil snakke mer om det.",
        "Har benektet suicidale tanker før. I dag sier han at det blir ikke noe neste time, han ordner det selv i kveld.",
        "stod på kanten av stupet lenge i går og tenkte på å hoppe",
    ],
    "psychosis": [
        # coercion needed now, after a history of it: the history does not make today safe
        "schizofreni, flere tvangsinnleggelser, nå psykotisk igjen og må tvangsinnlegges",
        "Sønnen på 22 ble utskrevet etter tvangsinnleggelse i går, nå psykotisk igjen og må tvangsinnlegges på nytt",
        "Han høyrer røyster som seier han må sone med livet sitt.",
    ],
    "selfharm": [
        "mener det kryper lus under huden og skjærer i låret med en barberkniv",
        "Hun dunker hodet i murveggen så det blør.",
    ],
    "violence": [
        "Eksen står på trappa og ropar at ho skal døy i kveld.",
        "Sa på legevakta at han skal gjøre slutt på ekskona før jul, dømt for vold før.",
        "Ho har sett fyr på sofaen for å jage ut dei som bur på loftet, det brenn framleis.",
    ],
    "child": [
        "Tvillingane, 3 år, har vore aleine sidan laurdag.",
        "Elev 10 år har blåmerker på armene etter beltet til stefar.",
        "Gutten fortel at han vart slått med skjøteledning i går.",
        "Naboen: babyen har skreke i to døgn og ingen opnar døra.",
    ],
    "vital": [
        "Datt på isen, slo hodet og var borte et par minutter, nå kaster han opp.",
    ],
    "poisoning": [
        "Han har tatt en hel boks med Sobril-tablettene til kona.",
        "Han har tredoblet dosen av litium på eiga hand, er ustø og snakkar utydeleg.",
    ],
    "other": [
        "Mora (78) med demens har sitte ute på verandaen i kulda heile natta.",
        "Bror min (30) har ligget utendørs i to netter i minusgrader fordi han tror naboen spionerer.",
    ],
}
for _family, _texts in RULES_ACUTE.items():
    ACUTE[_family] = ACUTE[_family] + _texts

REMINDER = [
    # s7: a bereaved without own thoughts, old attempts and self-harm, a decimal comma in the time, chronic thoughts
    "Mor til pasienten tok sitt eige liv i vår; ingen egne tanker om å dø, ønsker sorggruppe.",
    "Fann broren hengd på låven for to år sidan, ingen eigne dødstankar no.",
    "To selvmordsforsøk på 80-tallet, ingen S-tanker siden.",
    "Overdose for 2,5 år siden, nå stabil, ønsker samtaler.",
    "Brente seg med lighter i tenåra, har ikkje gjort det sidan.",
    "Har hatt tanker om at han ikke skal bli gammel siden ungdomsskolen, ingen plan, avtaleklar.",
    # already admitted: in care now, a reminder and no alarm
    "Mor (41) med bipolar lidelse er innlagt akutt på Ahus. Barna på 8 og 11 er hjemme med far. Hvem ivaretar barna?",
    "Barn som pårørande: mor (35) innlagd akutt på Ahus med psykose, to born er heime med bestemor.",
    "kronisk suicidal i mange år, ingen plan, avtaleklar",
    "selvmordsforsøk for 10 år siden, nå stabil, ønsker samtaler",
    "etterlatt etter at broren tok livet sitt i fjor, trenger noen å snakke med",
    "passive dødsønsker, ingen plan og ingen tidligere forsøk",
    "jente 15 kutter seg for å dempe angsten, ikke suicidal",
    "tidligere overdose i 2019, nå rusfri",
    "har jakthagle hjemme og er deprimert",
    "Pasienten har periodevise selvmordstanker om natta, men tar avstand fra dem og er avtaleklar.",
    # chronic, passive death wishes without a plan; dark poems; an old attempt, stable now; a death not ruled out
    "kvinne 88 sier ofte at Gud godt kan ta henne nå, ellers fornøyd", "far sier han har levd lenge nok, ingen plan",
    "kroniske smerter, sier at hadde han hatt en knapp, hadde han trykket på den, sagt det i årevis",
    "skriver mørke dikt om døden, sier hun ikke har tenkt å skade seg", "TS x2 (2016, 2019), siste år stabilt",
    "mannen døde i en utforkjøring, og politiet har ikke utelukket at det var bevisst",
    "LAR-pasient har sprukket på benzo i helgen, ingen overdose",
    "sier det hadde vært enklere å ikke være her, men tar klart avstand og har fast kontakt",
    "kronisk suicidal, kaller tankene en gammel følgesvenn og har lært å la dem passere",
    "far (70) sier han har levd lenge nok, men planlegger grønnsakshagen",
    "sier hver dag at hun vil hjem til Vårherre, ingen plan", "tegner hodeskaller og gravsteiner, benekter tanker om å dø",
    # passive or past death wishes in other words; euthanasia asked about
    "sa i fjor at han ønsket å dø, nå i jobb og bedre", "ho seier det hadde vore godt å sleppe å vakne, ho har ungane å leve for",
    "sier det hadde vært deilig å sovne inn, men hun ville aldri gjort noe", "mor (91) sier hun gjerne kunne fått dø",
    "bedre å være død, sier han, det har han sagt i tjue år, avtaleklar", "han snakker av og til om å ta seg av dage, har aldri gjort noe",
    "spør om aktiv dødshjelp, ingen tanker om å ta sitt eget liv", "sa for to måneder siden at hun ikke orket mer, nå bedre",
    "har ordnet gravstedet sitt og betalt gravstell",
    # a wish said again and again, or thoughts told by someone in weekly treatment, with no plan: not tonight
    "broren har tenkt mye på selvmord etter skilsmissen, tror ikke han har planer, går til psykolog hver uke",
    "seier av og til at alt er meiningslaust, men avviser sjølvmordstankar og vil ha hjelp",
    "har sagt mange ganger at livet ikke er verdt å leve, men har ingen planer", "mor (85) seier ofte at ho gjerne skulle sovna inn og ikkje vakna, inga planar",
    # history to keep in mind: a postpartum psychosis before a new birth, cuts before, guns in a locked cabinet
    "fødselspsykose etter første barn, nå gravid i uke 12", "barselpsykose i 2021, no gravid att",
    "skadet seg med kutting for to år siden", "jeger med tre rifler i låst skap, nylig skilt",
    # danger named and said not to be acute now, in other word orders
    "har tanker om at det hadde vært lettere å ikke være her. Ikke nå akutt.",
    "kroniske selvmordstanker, akutt risiko vurderes som lav", "Siste overdose 2017. Nå rusfri.",
    # bereaved, and caring for the children (no farewell: s180); talk of self-harm not heard (s119)
    "Mannen hennar hengde seg i fjor haust. Ho sørgjer tungt, men tek vare på ungane. Vil ha sorggruppe.",
    "Mor er uroleg, men ho har ikkje høyrt han snakke om å skade seg.",
    # a passive wish, with plans denied in the next sentence (s186); an old man's «snart min tur» after a loss (s187)
    "Mann 67, enkemann, tenker ofte at det hadde vært greit å sovne inn og ikke våkne. Ingen planer, ingen forberedelser.",
    "Pappa (81) er stille etter at mamma døde, sier 'nå er det snart min tur også'. Ingen tegn til planer.",
    # a relative who has heard nothing of suicide or violence (s185)
    "Dottera ringte, bekymra fordi far har drukke meir etter at mor døydde. Ho har ikkje høyrt noko om sjølvmord eller "
    "vald, han går på jobb.",
    # verbal outbursts in a known psychosis: a reminder, not 113 (d196)
    "broren 35 har schizofreni + amfetaminbruk, bor i kjelleren hos mora, utagerer verbalt. Søsteren er utslitt.",
    # a bruise on a child whose fall the caller saw: the second net leaves it (s422)
    "Barnehagen ringte: gutten (4) har et blåmerke på leggen, de så selv at han datt av sykkelen i sandkassa. Mor vil "
    "bare høre om det er noe å sjekke.",
    # a daughter worried for her father, who drinks more since her mother died (s424)
    "Dottera er uroleg for far sin som drikk meir etter at mor døydde, ho har ikkje sett noko konkret farleg men vil at "
    "eg skal sjå til han",
    # discharged after a coercive admission: the coercion is over (d479)
    "Mor (52) ringer om sønnen på 22 med schizofreni, nylig utskrevet fra Ahus etter tvangsinnleggelse. Hun er utslitt "
    "og redd for neste tilbakefall. Hva kan kommunen tilby henne og familien?",
    # an attempt dated in a clause of its own after it
    "Han forsøkte å henge seg, det er to år siden.",
    # a daughter worried that her father has gone quiet (s427)
    "Datter ringer bekymret: 'pappa har blitt så stille etter pensjonen, I'm worried about him', men ingen konkrete "
    "utsagn eller tegn.",
    "Datter ringer og er bekymret for far (82) som har blitt mer stille og innesluttet siden kona døde, vet ikke om "
    "noe konkret",
    "Dattera ringer, synes pappa har vært så stille og trist etter pensjonering, er bekymra men vet ikke om noe konkret",
    # a count of coercive admissions is a history (d475)
    "mann 45 år, paranoid schizofreni, fleire tvangsinnl., mistar bustad no, treng bu-tilbod m/ oppfølging. IP?",
    "kv 42, bipolar I, 5 tvangsinnl siste 10 år, nå utskrevet fra Ahus DPS, bor alene. Trenger IP og bo-veiledning",
]

ORDINARY = [
    # killing in a game (s185)
    "Ungdom 14 år sier til mor at han 'skal drepe' kompisen i Fortnite i kveld. Ingen vold, gode venner. Treng dei BUP?",
    # s7: a natural death at work, suicidality assessed and absent
    "Kollegaen vår døde plutselig av hjerteinfarkt i helgen, kan vi få samtalegruppe?",
    "Suicidalitet vurdert: ingen dødstanker, fremtidsrettet, planlegger ferie med barna.",
    # a sex and age or a diagnosis code is no count of pills
    "LAR-pasient M48 (buprenorfin) flytter til Jørpeland neste mnd, hvem tar over utleveringen?",
    "K62 (Sobril) vil trappe ned, F13.2",
    "LAR-pasient M 51 (metadon 80 mg) flytter hit fra Oslo, hvem følger opp utleveringen?",
    "F32 og Vival, ønsker samtaler",
    # the false-alarm classes of issue 10
    "sorggruppe for etterlatte etter selvmord, faren døde for 15 år siden",
    "kurs i selvmordsforebygging for ansatte i hjemmetjenesten",
    "informasjon om nalokson til LAR-pasienter og pårørende",
    "tatt 2 paracet mot hodepine, ønsker time for angst",
    "kokk med kniv i hånda hele dagen, stresset, drikker for mye etter jobb",
    # ruled out, in the past, or not about danger
    "benekter selvmordstanker, ønsker samtaler for lett depresjon",
    "Ingen rus, psykose eller suicidalitet. Søvnvansker.",
    "tidligere psykose, nå stabil, trenger bolig",
    "det stemmer at han har søkt jobb",
    "vil hoppe av skolen og begynne å jobbe",
    "henger seg opp i detaljer, tvangstanker",
    "Sjefen kommer til å drepe meg hvis jeg er borte en uke til, sa hun og lo",
    "ungdommen er vanskelig å vekke om morgenen, ligger sent",
    "OD visus 0,8, OS 1,0, lett retinopati OD",
    # statistics, quality projects, awareness days, school talks, old history, a game, a threat to leave
    "Kan vi få tall på selvmord i kommunen til et kvalitetsforbedringsprosjekt?",
    "Vi vil markere den internasjonale overdosedagen 31. august.", "Skal holde innlegg om selvmord for russen.",
    "Temauke: selvmord og selvskading, hvordan være en god venn og hvem man kan si fra til hvis en venn vil dø.",
    "Verdensdagen for psykisk helse 10. oktober: har kommunen et arrangement om selvmord?",
    "Gutten ropte «jeg skal drepe deg!» til kompisen mens de spilte Fortnite.",
    # a colleague's story, dated after it; a question for an exam, asked of a hypothetical patient (s428)
    "Kollega fortalte om en pas som barrikaderte seg og truet med å skyte, det var i 2015 og endte godt. Uansett: "
    "hvordan skriver jeg ut nalokson nesespray til en i LAR?",
    "Hvis en pasient hypotetisk skulle si at han vil hoppe fra en bro, hva sier retningslinjene om ansvar for "
    "fastlegen? Spør bare til eksamen i allmennmedisin.",
    # sick leave with its share first; an F23.1 diagnosis by its name (d498)
    "Kvinne 45, lett-moderat depresjon F32.1 etter samlivsbrot, i jobb 50 % SI. Har Strand Rask psykisk helsehjelp?",
    "Epikrise Sandnes DPS. Diagnose: F23.1 Akutt schizofrenilignende psykose, F12.1 skadelig bruk av cannabis. God "
    "respons på olanzapin. Anbefaler kommunal oppfølging og koordinator.",
    # an end to dieting, not to life, and clothes that no longer fit given away (s425)
    "Pasienten ga bort alle klærne sine til Fretex etter at hun gikk ned 20 kg, sier hun ler og 'det er snart over med "
    "slankinga'. Vil ha råd om vedlikehold av vekt.",
    "Kona truer med å gå fra ham hvis han ikke slutter å drikke.",
    "Årskontroll. Vurdering: schizofreni i stabil remisjon på depot. Metabolsk risiko økende.",
    "Bacheloroppgave om overdoser blant unge, hvor finner vi tall?",
    "Sønnen (5) løp rundt med vannpistolen og ropte «jeg skal skyte deg!» til søsteren.",
    # false alarms of s6: someone else's farewell, things given away for a move, teaching cases, a cut at work,
    # «spiller» read as «piller», a threat to leave
    "Vi skriver avskjedskort til vaktmesteren som går av med pensjon, og han sier at nå er det snart over.",
    "Har gitt bort hunden fordi hun flytter til en leilighet uten dyrehold.",
    "Far har gjeve bort møblane sine, han flyttar til sjukeheimen i mars.",
    "Undervisningskasus til fagdagen.\n\nKasus 1: Kvinne 40 har tatt 30 Sobril i kveld.\nKasus 2: Mann 60 har kjøpt tau.",
    "Bakeren kuttet seg dypt i tommelen i går, ble sydd på legevakten.", "Mann 38 spiller fotball og har angst.",
    "Jenta (11) spiller piano og har 12 spillere på laget.", "kona truer med å gå", "Kona truer med å gå fra ham.",
]


@pytest.mark.parametrize("family, text", [(f, t) for f, texts in ACUTE.items() for t in texts])
def test_acute_by_family(family, text):
    result = triage(text)
    assert result.urgent, (text, result)
    assert result.reasons


@pytest.mark.parametrize("family, text", [(f, t) for f, texts in RULES_ACUTE.items() for t in texts])
def test_s7_classes_are_acute_by_the_rules(family, text):
    result = by_rules(text)
    assert result.urgent, (text, result)


@pytest.mark.parametrize("text", REMINDER)
def test_reminder_without_alarm(text):
    result = triage(text)
    assert result.level == "reminder" and result.reminders and not result.urgent, (text, result)


@pytest.mark.parametrize("text", ORDINARY)
def test_no_alarm(text):
    assert not triage(text).urgent, text


@pytest.mark.parametrize("text, urgent", [
    # negation holds only in its own clause
    ("ingen SI, men har skrevet avskjedsbrev", True),
    ("ingen SI. Har tatt 30 Sobril i kveld.", True),
    ("ikke bare suicidal, men har en plan", True),
    ("kan ikke utelukke selvmordsfare", True),
    ("selvmordsfare kan ikke utelukkes", True),
    ("SI: neg. Ønsker samtaler.", False),
    ("neg for selvmordstanker, sover dårlig", False),
    ("han sier han ikke vil ta livet sitt", False),
    ("ingen venner og vil dø", True),
    ("sier ofte at han vil dø", True),
    ("har tenkt mye på selvmord, går til psykolog hver uke", True),  # in treatment, but no word of no plan  # said often, but no word that there is no plan
    # time: past in one sentence does not cancel danger in another; «fortsatt»/«nå» is now
    ("tidligere frisk, nå suicidal", True),
    ("forsøkte for to uker siden, fortsatt suicidal", True),
    ("Tidligere innlagt for depresjon. Nå sier han at han vil ta livet sitt.", True),
    ("For fem år siden, etter skilsmissen, forsøkte han å ta livet sitt. Nå stabil.", False),
    ("selvmordsforsøk i går kveld", True),
    ("kom hjem tidligere enn vanlig og fant ham hengende", True),
    # hypothetical
    ("hva gjør jeg hvis han blir suicidal?", False),
    # an aside in parentheses belongs to its clause; a clause of time with an aside is still only a time
    ("pt TS x2 (2016, 2019), siste år stabilt", False),
    ("To selvmordsforsøk, begge for over 15 år siden (2004 og 2008, intoksikasjoner).", False),
    ("Sier «jeg vil dø!» til legen i kveld", True),
    # a conditional threat is still a threat, and makes a psychosis dangerous
    ("mulig psykose, og han truer moren med å skade henne hvis hun ringer noen", True),
    # a slow worsening over months, and a night without a bed, are no danger tonight
    ("M19, 4–5 mnd med økende tilbaketrekning, hører stemmer som kommenterer. Ingen suicidalitet, ikke truende.", False),
    ("31 år med bipolar lidelse, kastet ut av leiligheten i dag og har ingen plass å sove i natt", False),
    ("bipolar lidelse, manisk og truende i natt", True),
    # a phrase of danger with «nå» in its own clause is danger now, even in a sentence about a course
    ("Etter kurset i dag har han tatt 30 Sobril nå", True),
    ("Kurs for pårørende: hva gjør man hvis noen har tatt 30 Sobril?", False),
    ("Ho neitar sjølvmordstankar og vil berre ha hjelp med søvnen", False),
    # found with syringes at night; burial clothes laid out
    ("I natt fant jeg henne på badet med sprøyter og ampuller hun har tatt med hjem fra jobben", True),
    ("har sluttet med medisinene og har lagt begravelseskjolen fram på senga", True),
    # commenting voices are not command voices
    ("hører kommenterende stemmer, ingen trusler, tar medisinene", False),
    ("hører kommanderende stemmer som sier han skal skade seg", True),
    # what made a past psychosis dangerous then is worth a reminder, not an alarm
    ("Psykose for tre år siden der hun hørte stemmer som ba henne skade seg. Ingen symptomer nå.", False),
    # a denial reaches every sign it lists
    ("langvarige passive dødstanker, uendret, benekter plan og intensjon, avtaleklar", False),
    # what the doctor asked about is a topic until the answer confirms it
    ("Screenet for suicidalitet: ingen tanker om død eller selvmord. Ønsker hjelp med eksamensangst.", False),
    ("Spurt om selvmordstanker, selvskading og vold: avkrefter alt, og kona som var med bekrefter.", False),
    ("pas 27, spurt om S-tankar: avkreftar klart", False),
    ("Spurt direkte om selvmordstanker: bekrefter, har konkret plan.", True),
    ("Spurt om suicidalitet: ja, daglig.", True),
    # a year right after an old attempt is its time; «før natta er over» is tonight
    ("Pt m/ TS 2016 (tabl.), stabil siden, ingen aktuelle S-tanker.", False),
    ("pt truer personalet m/ glasskår, sier han skal ta noen før natta er over", True),
    # «ikke lenger» after a denial is an admission; «både … og» is one list under its negation
    ("Hun benekter ikke lenger selvmordstanker og har bestemt en dato", True),
    ("Avkrefter både aktive og passive dødsønsker, fremtidsrettet", False),
    # a bare slash joins alternatives under one negation
    ("Kroniske passive S-tanker, ingen plan/intensjon, avtaleklar, uendret siste mnd. Ønsker kurs.", False),
    # a question mark inside parentheses ends no sentence
    ("Far kom helt ruset (sovnet nesten stående, GHB?) og skal kjøre hjem med 3 barn i bilen.", True),
    # a unit's full stop before a capital ends the sentence, and a heading of another kind ends a history section
    ("Epikrise BUP: ADHD, kontroll om 6 mnd. Merknad fra sosionom: gutten fortalte at stefar låste ham i kjelleren "
     "hele helgen uten mat. Han reiser hjem til stefar i ettermiddag.", True),
    ("Pt avkrefter SI, ingen tidl. TS eller selvskading, ønsker hjelp med søvn.", False),
    # weeks ago and better now: a reminder; «om en time» is soon, not «if»
    ("Samboeren ble skrevet ut for tre uker siden etter suicidalitet i vinter. Han er nå mye bedre.", False),
    ("Elev (8) har blåmerker på overarmen og sier pappa blir sint. Skolen slutter om en time og hun skal hjem.", True),
    # an elliptic compound is one item under its negation; «10. klasse» ends no sentence
    ("Spurt direkte: avkrefter døds- og selvmordstanker, har planer for sommeren.", False),
    ("Vi skal ha tema om psykisk helse i 10. klasse, inkludert selvmord og selvskading. Kan noen undervise?", False),
    # a threat at the door is one; a jest about a forgotten anniversary is not
    ("Min ekskjæreste står utenfor døra nå og sier han skal drepe meg hvis jeg ikke åpner.", True),
    ("Kona mi seier ho skal drepe meg om eg gløymer bryllaupsdagen ein gong til. Har de parterapi?", False),
])
def test_negation_and_time_are_scoped(text, urgent):
    assert triage(text).urgent == urgent, (text, triage(text))


@pytest.mark.parametrize("text", [
    "sjølvmordstankar og plan om å henge seg i natt", "ho har teke ei heil pakke paracet",
    "eg vil ikkje leve meir", "han seier han skal ta livet sitt i kveld", "ho pustar nesten ikkje",
    "æ vil ittj leve lenger", "han har hengt sæ, men lever", "hon vill inte leva längre",
    "selvmorstanker med plan", "overdsoe nå", "tatt 40 paracte", "m/ selvmordsplaner",
])
def test_nynorsk_dialect_swedish_and_typos(text):
    assert triage(text).urgent, text


def test_a_long_note_with_danger_only_in_its_last_sentence():
    filler = ("Kontroll av blodtrykk og diabetes. Hun har hatt god effekt av metformin, HbA1c 52. Ingen nye plager. "
              "Hun trives i jobben og har god kontakt med familien. ")
    note = (filler * 100)[:10_000] + " I kveld sa hun at hun har samlet tabletter og skal ta dem i natt."
    assert len(note) > 10_000
    assert triage(note).urgent
    assert not triage(note[:10_000]).urgent


def test_every_character_is_read():
    assert triage("a " * 50_000 + "har tatt 30 Sobril").urgent


def test_the_result():
    result = triage("sier han skal ta livet sitt i natt")
    assert isinstance(result, Triage) and result.level == "acute" and result.urgent
    assert result.reasons == ("selvmordsfare",) and result.evidence
    assert triage("lett angst, ønsker samtaler") == Triage("none")


def test_the_triage_does_not_read_the_catalogue():
    for path in (Path(__file__).parents[1] / "gpguide" / "search" / "triage").glob("*.py"):
        imported = {node.module for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom)}
        assert not {m for m in imported if m and ("catalogue" in m or "lexicon" in m)}, path


@pytest.mark.parametrize("data", [
    "context: {a: 1}\ncontext: {a: 2}\n",  # a key given twice
    "list: [ja, no, nei]\n",  # «no» would be read as false
])
def test_signals_yaml_is_read_strictly(data):
    with pytest.raises(ValueError):
        load(data)


def test_a_needs_group_is_one_word_per_alternative():
    from gpguide.search.triage.table import DATA

    with pytest.raises(ValueError):  # «gått bort» would silently leave only the first word of the group
        load(DATA.read_text(encoding="utf-8") + '  - {phrase: "døde", needs: "(omkom|gått bort)"}\n')


def test_the_second_net_only_raises_the_level():
    from gpguide.search.triage.detect import by_rules
    from tests.test_safety_corpus import CASES

    rank = {"none": 0, "reminder": 1, "acute": 2}
    texts = [c["text"] for c in CASES[::5]] + ORDINARY + REMINDER
    assert all(rank[triage(t).level] >= rank[by_rules(t).level] for t in texts)


def test_the_second_net_raises_to_acute_with_its_own_reason(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    net = Model({"w:fjellstua": 12.0}, -6.0, 0.9)
    monkeypatch.setattr(detect, "model", lambda: net)
    result = triage("Han har gått opp til fjellstua alene i kveld.")
    assert result.urgent and result.reasons == (detect.SECOND_NET_REASON,)
    assert not triage("Han har gått tur i skogen i dag.").urgent


def test_a_harmless_opening_does_not_hide_what_the_second_net_finds(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    net = Model({"w:fjellstua": 6.0, "w:kort": -6.0}, -3.0, 0.9)
    monkeypatch.setattr(detect, "model", lambda: net)
    assert triage("Hei, et kort spørsmål. Han har gått opp til fjellstua alene i kveld og har med seg tauet fra "
                  "garasjen.").urgent
    assert not triage("Hei, et kort spørsmål. Han har gått opp til fjellstua.").urgent  # too short a tail to judge


def test_a_tail_is_what_follows_the_first_sentences():
    from gpguide.search.triage.classifier import tails

    text = "Hei.\nEt kort spørsmål? Han har gått opp til fjellstua alene i kveld og har med seg tauet fra garasjen."
    assert tails(text) == ["Et kort spørsmål?\nHan har gått opp til fjellstua alene i kveld og har med seg tauet fra "
                           "garasjen.", "Han har gått opp til fjellstua alene i kveld og har med seg tauet fra garasjen."]
    assert tails("Én setning uten noe mer.") == []
    # the questions at the end tell nothing on their own
    assert tails("Han røyker hasj hver dag og krangler hjemme.\nVi bor på Ganddal.\nHva kan jeg svare henne? Hva finnes "
                 "i Sandnes for sønnen hennes?") == []


def test_a_short_last_part_of_a_long_text_is_read_with_the_part_before_it(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import PART, Model

    story = ", ".join(["Han går på tur hver dag, trives med jobben og har mange venner i byen"] * 4) + ". Er det greit? "
    assert PART - len("Han har time hos meg ved fjellstua") < len(story) <= PART + len("Er det greit? ")
    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 7.0, "w:trives": -7.0}, -6.0, 0.5))
    assert not triage(story + "Han har time hos meg ved fjellstua.").urgent
    assert triage("Han har time hos meg ved fjellstua og er der alene.").urgent


def test_the_second_net_does_not_read_history_or_courses(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 12.0}, -6.0, 0.9))
    assert not triage("Sykehistorie: Gikk til fjellstua i 2019.\n\nAktuelt: ønsker samtaler.").urgent


def test_training_is_deterministic():
    from gpguide.search.triage import train

    data = train.examples()[::40]
    assert train.fit(data) == train.fit(data)


def test_a_relatives_fear_of_an_overdose_is_a_reminder():
    assert triage("Sønnen på 24 ruser seg på GHB og benzo, far er redd for overdose").level == "reminder"
    assert triage("har tatt 20 paracet og er redd for overdose nå").urgent


def test_danger_said_not_to_be_acute_after_it_is_named_is_a_reminder():
    assert triage("sønnen tar pengene hennes og truer henne, hun er redd men ikke i fare akkurat nå").level == "reminder"
    assert triage("sønnen truer henne med kniv nå, hun er livredd").urgent


def test_a_range_of_numbers_is_one_clause():
    assert triage("Barnebarnet (2 år) har vært i veska, og det mangler kanskje 5–6 av blodtrykkstablettene").urgent


def test_a_month_in_a_plan_for_the_future_is_not_the_past():
    assert triage("Bruker sa: «jeg skal ikke være her i mars uansett». Han ville ikke utdype.").urgent
    assert triage("Hadde selvmordstanker i mars, nå helt borte").level == "reminder"


def test_the_second_net_may_overrule_a_reminder_only_when_it_is_much_surer(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    text = "Kroniske selvmordstanker i mange år, avtaleklar. Han sitter ved fjellstua."
    assert by_rules(text).level == "reminder"
    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 20.0}, -6.0, 0.9))  # scores 14
    assert triage(text).urgent and triage(text).reasons == (detect.SECOND_NET_REASON,)
    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 20.0}, -6.0, 15.0 - detect.REMINDER_MARGIN))
    assert triage("Han sitter helt alene ved fjellstua.").urgent  # sure enough for a text with no signal
    assert triage(text).level == "reminder"  # not to overrule one


def test_the_second_net_leaves_what_the_rules_ruled_out(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 12.0}, -6.0, 0.9))
    assert not triage("Ingen selvmordstanker. Han bor ved fjellstua.").urgent


def test_the_second_net_must_be_surer_beside_what_the_rules_found_harmless(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    harmless = "Han skar brød til middag. "
    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 20.0}, -6.0, 15.0 - detect.REMINDER_MARGIN))
    assert not triage(harmless + "Han sitter helt alene ved fjellstua.").urgent
    assert triage("Snekker. Han sitter helt alene ved fjellstua.").urgent


def test_the_second_net_judges_no_piece_too_short_to_judge(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import MIN_WORDS, PART, Model

    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 12.0, "w:trives": -12.0}, -6.0, 0.9))
    story = "Han går på tur hver dag og trives godt med jobben sin i byen. " * (PART // 60 + 1)
    short = "Evt. henvisning til fjellstua."
    assert len(short.split()) < MIN_WORDS and not triage(story + short).urgent
    assert triage(story + "Evt. henvisning til fjellstua, han er der helt alene nå i natt og svarer ikke på "
                  "telefonen.").urgent


def test_doubt_in_the_sentence_before_or_after_a_denial_keeps_a_reminder():
    assert triage("Kona er bekymret for ham. Han sier han aldri ville tatt livet sitt.").level == "reminder"
    assert triage("Enkemann 74, drikker mer. Avkrefter dødsønsker. Datteren er bekymret.").level == "reminder"
    assert triage("Kona ringte i dag. Han sier han aldri ville tatt livet sitt.").level == "none"
    assert triage("Avkrefter dødsønsker. Datteren ringte i dag.").level == "none"
    # a relative's worry two sentences before the denial, with what the patient still manages in between
    assert triage("Sønnen er uroleg for mor (79) etter at far døydde. Ho et og søv, går tur. Ingen tankar om å døy, "
                  "seier ho.").level == "reminder"
    assert triage("Sønnen er uroleg for økonomien. Mor et og søv. Går tur. Ingen tankar om å døy, seier ho.").level \
        == "none"
    # a relative who has seen him change is as worried as one who says so
    assert triage("Kona syns han har blitt stille. Ikke suicidal ved time i går.").level == "reminder"
    assert triage("Kona syns han har det fint. Ikke suicidal ved time i går.").level == "none"


@pytest.mark.parametrize("text", [
    "Ikke lenger lyst til å leve, sier pas. 29 år, Nes.",  # «ikke lenger» that is the danger, not its end
    "Sarotex, tretti stk à 25 mg, tatt for førti minutter siden av kvinne 34 år",  # a count between commas
    "Hon har skurit sig på halsen med en kniv, det blöder mycket",  # Swedish
    "Patienten er meget sløv efter han har drukket og taget sine piller, vi kan ikke vække ham",  # Danish
    "I går kveld satt hun på taket av skolen og kjente på hvordan det ville vært å la seg falle",
])
def test_phrasings_the_rules_once_missed(text):
    assert by_rules(text).urgent


def test_a_danger_the_poison_centre_judged_harmless_stays_a_reminder():
    found = triage("Pas. 50 tok ved en feil dobbel dose Levaxin i morges. Giftinformasjonen sier ufarlig. Kan hun "
                   "fortsette som vanlig i morgen?")
    assert found.level == "reminder" and not found.urgent


def test_a_wound_stitched_does_not_settle_an_attempt_yesterday():
    found = triage("TS i går kveld med kutt i halsen, sydd på legevakta og sendt heim utan psykiatrisk vurdering.")
    assert found.urgent


def test_a_denial_denied_is_no_denial():
    assert triage("Han avkrefter ikke selvmordstanker, svarer unnvikende, og har bilen full av tabletter.").urgent


@pytest.mark.parametrize("text", [
    # signs of lithium poisoning, the drug named in the history and the signs in the last sentence
    "Mor 58, bipolar, litiumbehandlet i mange år. Nå oppkast og diaré i tre døgn, virker forvirret og skjelver mye.",
    "Ho har skrive avskilsbrev til borna og seier at det snart er over.",  # «snart er over» is now
    "Ungen sitte aleina i bilen i kulda, far e heilt stupfull.",
    "Sønnen (17) slår løs på faren sin nå, jeg er redd noen blir drept.",
    "Nå har han sluttet å sove og sier han må rense barna.",
    "manisk, kjører i 160 på E39 og truer folk som prøver å stoppe henne",
    "Kona har henta hagla frå hytta, sit i bilen i garasjen og svarar ikkje på telefonen.",
    "14-åring har vært borte hjemmefra i tre døgn, siste melding fra en voksen mann.",
    "rus pas ghb svarer ikk snorker rart",
    "ho snakkar om at ho og veslejenta skal gå heim til himmelen",
    "My friend took a whole bunch of oxycodone, he's really hard to wake up",
])
def test_s8_classes_are_acute_by_the_rules(text):
    result = by_rules(text)
    assert result.urgent, (text, result)


@pytest.mark.parametrize("text", [
    "Pas. 81, bipolar, på litium, nå mer glemsk og forvirret.",  # lithium without a sign of poisoning
    "Suicidalitet: tanker om at det hadde vært lettere å ikke finnes for en måned siden. Ingen planer, avtaleklar.",
    "I dag avkrefter hun dødsønsker og planer, avtaleklar.",
    "Bodde på krisesenter i fjor, nå trygg bolig og besøksforbud mot eksen.",
    "Han har sagt flere ganger det siste året at han ikke ser poenget, men vi har planer for sommeren.",
    "Kan Giftinformasjonen brukes til å spørre om interaksjoner, eller bare ved forgiftninger?",
    "Gutt 16 spiller Call of Duty hele natta og skryter av at han drepte 40 stykker i går.",
    "Ho har teke livet av heile hagen med ugrasmiddel.",
    "Han sier jobben tar livet av ham, er utbrent, men neger dødsønsker og selvmordstanker.",
    "«Sjefen holder på å ta livet av meg med all overtida», sier pasienten og ler.",
    "Skolen ønsker besøk av noen som kan snakke om psykisk helse og selvmord med 10. klasse.",
    "Pas. bruker 2 Paracet morgen og kveld for ryggen denne uka.",
    "Hun har blitt slått av mannen tidligere, men bor hos søsteren nå og er trygg i kveld.",
    "Mann 50 sier han i årevis har tenkt at familien kanskje hadde klart seg bedre uten ham. Ingen plan.",
])
def test_s8_not_acute(text):
    assert not triage(text).urgent, text


def test_a_heading_names_what_follows_and_the_answer_decides():
    assert triage("Selvmordsrisiko: høy.").urgent
    assert triage("Suicidalitet: usikker").urgent
    assert triage("Suicidalitet: neg").level == "none"


def test_a_needs_group_may_be_read_from_the_whole_text():
    data = load(DATA.read_text(encoding="utf-8"))
    anywhere = [r for r in data.signals if r.needs_anywhere]
    assert anywhere and all(r.needs for r in anywhere)


@pytest.mark.parametrize("text", [
    "28 år, sterke brystsmerter og hjertebank etter kokain i natt, svett og blek",
    "Etter amfetamin i helga er han psykotisk, glovarm, temp 40,3 og stiv i musklane",
    "Nabo fant mann i garasjen, han hadde drukket ugressmiddel, kaster opp",
    "pt 31 k, LAR, møtte i dag m/ 2-åring, pt døsig, nikker av midt i setningen, skal være alene med barnet",
    "Elev 11 år kom med brannsår på underarmene. Han vil ikke hjem, og skolen stenger snart.",
])
def test_s8_round_3_classes_are_acute_by_the_rules(text):
    assert by_rules(text).urgent, text


@pytest.mark.parametrize("text", [
    "Han skal gjøre det av med naboen.",
    "Ho vil gjere det av med seg.",
    "Enkemann 80 har sluttet å ta insulinen med vilje.",
    "Hun satte all insulinen på en gang med vilje.",
    "Mor fant 4-åringen med åpen flaske med metadon.",
    "Hun har vært borte i to døgn, telefonen er av, og hun la igjen et brev.",
    "Tenker ofte på å kjøre i et tre.",
])
def test_doing_away_with_someone_is_acute_by_the_rules(text):
    assert by_rules(text).urgent, text


@pytest.mark.parametrize("text", [
    "kamerat ringer: M 28 har satt heroin og puster nesten ikke NÅ",  # «ikke» is the signal's own word, not «not now»
    "I dag sier hun at hun fortsatt har tabletter liggende og at hun har tenkt å ta dem i helgen.",
    "Han har bestemt seg for å slutte med insulinet og la det gå, fordi han ikke orker mer.",
    "Fødde for tre veker sidan. Mannen fortel at ho i natt heldt babyen under vatnet i badekaret.",
    "Ho trur babyen er besett og snakkar fort.",
    "Pasienten sa i døra at han har skrevet testamente, gitt nøklene til broren og at dette blir siste gang vi sees.",
    "Ved direkte spørsmål sier han at jaktgeværet er tatt ut av skapet og at han har tenkt å bruke det før jul.",
    "In passing she said she has been «stockpiling» Zopiklon since the summer and has «picked a date».",
    "She has been googling lethal doses of amitriptyline this week.",
    "Pasient som seier rett ut at han ikkje vil leve lenger, men han er roleg og avtaleklar.",
    "I dag forteller hun for første gang at hun har planlagt å ta alle Vivalene når barna er hos faren i helgen.",
    "Bruker 66 år med bipolar lidelse har sluttet med litium, er oppspilt, sover nesten ikke og vil ikke slippe oss inn.",
    "Han forteller at mamma «straffer» ham ved å holde hendene over komfyren. Skoledagen slutter om en time og han skal "
    "hjem.",
    "Enkemann 82 år sier i dag at han bare venter på å få slippe.",
    "på russefest, venninna har drukket GHB og vi får ikke kontakt med hu, ligger på badegulvet",
    "første psykose, trur mobilen styrer tankane hans og seier han må hoppe frå verandaen for å bli fri",
    "Opplyser at han i helgen sto på utsiden av rekkverket på brua. Sier han har det «greit nå», men vil ikke love å ta "
    "kontakt hvis det blir verre.",
    "Ho har gitt vekk alle kleda sine og katten denne veka og seier at det snart er over. Ho er 16.",
    "Sykepleier på sykehjemmet: beboer med demens har tatt medisinbrettet for hele avdelingen, blir døsig nå.",
    "Nybakt mor sier at babyen har det bedre i himmelen sammen med henne.",
    "Har ordnet med begravelsesbyrået for sin egen del og gitt bort hunden, er 58 og frisk.",
    "Sms from her: «I can't stop the bleeding, I cut too deep»",
    "Vennen fant ham, han ligger blå på sofaen.",
    "Hun svarer ikke lenger når vi roper på henne gjennom døra.",
    "M 61, alkoholabstinens, skjelver og ser dyr på veggen, har hatt abstinenskramper før.",
    "I går benektet han SI. Nå ringer han: «jeg har bestemt meg, det skjer i kveld».",
    "Mor (80) med demens har satt insulinen to ganger i dag, nå klam og forvirret.",
    "Meddelande från pappa: «jag orkar inte, inatt gör jag slut på det»",
    "Fødte for tre uker siden, sier at barnet ikke er deres egentlige barn og at hun må gjøre noe med det før morgenen.",
    "DM1, har sluttet med insulinet fordi han vil at det skal ta slutt.",
    "Jente 12 forteller at stefaren har hatt sex med henne, og han er alene med henne i kveld.",
    "Brukt 40 mg diazepam daglig i årevis, gikk tom i forrige uke. Nå har hun krampeanfall i gangen.",
    "Ringte og sa «gidd ikkje meir», står på brua no.",
    "M 52 suic, plan og midler, bor alene, vil gå.",
    "Han skriver: «jeg har gemt alle sovepillene, og i aften er det nok».",
    "She says: «my husband will kill me if I go to the shelter, he is waiting outside».",
    "F33.2, sier det ikke er noen vits lenger, han har bestemt seg og det skjer på søndag.",
    "Brukt GHB daglig, siste dose i morges, nå forvirret og urolig med rykninger og puls 150.",
    "Stoppet tvert med Sobril for tre dager siden, nå krampeanfal på venterommet.",
    "Ikke drukket siden fredag, i natt hadde han to anfall, nå ser han folk i hagen.",
    "Stemmene har gitt ham beskjed om å stoppe faren før helga, faren er alene hjemme.",
    "Jente 11 forteller at stefaren kommer inn på rommet om nettene. Han skal passe henne i helga.",
    "Vil avruses nå, skjelver og svetter, hadde abstinenskramper i fjor.",
    "Han kjøpte et gevær i forrige måned og har bestemt seg for å bruke det på seg selv etter jul.",
    "Sambuaren seier han ikkje har drukke sidan laurdag, no er han heilt forvirra og pratar med folk som ikkje er der.",
    "Dottera tømde huset for vin for tre dagar sidan. I dag skjelv mor og ser ting, og i morges hadde ho eit anfall.",
    "Enke 84 har tatt vare på alle sovetablettene etter at mannen døde i vår, og sier hun ikke vil oppleve våren.",
    "His brother says he hasn't slept for days, hears voices about the neighbours and he's going to sort them out tonight.",
    "Han seier Gud har gitt han oppdraget å straffe broren, og har kjøpt ei øks.",
    "Mannen fann henne på låven med eit tau og ein krakk i går kveld, ho seier det var ingenting.",
    "Mor (22) sier hun ristet babyen hardt i natt til han ble slapp, og at hun er redd for å gjøre det igjen.",
    "Mor 80 på Eliquis falt i trappa, slo hodet og er blitt forvirret.",
    "Sønnen (16) skrev at han skal skyte opp klassen på fredag, og faren har gevær.",
    "Politiet: mann 45 slo hodet på fylla, har kastet opp og har ulike pupiller.",
    "Bruker med skrumplever kaster opp mørkt blod og er kald og klam.",
    "Startet tramadol oppå sertralin, nå rykninger, svetter og temp 39.",
    "Han sier han har et tau liggende i garasjen og at det bare er et spørsmål om tid.",
    "Kona: han har sluttet å drikke. I natt ser han dyr på veggen og vet ikke hvor han er.",
    "Mann 60 kommer for angst: trykk i brystet som stråler ut i venstre arm, kaldsvett.",
    "Søster: han skrev «ses på andre siden» på Snap for en time siden, bilen er borte.",
    "Han har tatt noen piller og drukket en hel flaske vodka, mora vet ikke hva slags.",
    "Bruker G daglig, prøvde å slutte i går, nå svett, puls 140 og hallusinerer.",
    "Ho ringde: eg er på veg til brua no, ville berre seie hadet.",
    "Faren tok med seg gutten fra barnehagen og sa «dere ser ham aldri igjen». Han er psykotisk.",
    "Tredje døgn uten alkohol på sykehjemmet, svært urolig, skjelver og tror han er på jobb.",
    "Han har stått på brua to ganger denne uka og talt ned. Kona har ham med seg nå.",
    "Pregabalin fra nettet, sluttet tvert for tre dager siden. I dag har hun krampet to ganger.",
    "Venn ringer: GHB-bruker som stoppet brått i forgårs, nå svett og prater m personer som ikke er der.",
    "Son writes: mum quit drinking three days ago after a month of heavy use, now shaking and seeing insects.",
    "Kvinne 70 med kreft har spart morfin hjemme til når det blir for vondt, sier hun.",
    "Kona ringer: mannen er alkis, siste dram i forgårs, nå ser han maur på veggen.",
    "Tourist writes: I cut my arm and it won't stop bleeding.",
    "K 30, tablettforsøk i natt, utskrevet fra legevakta i dag.",
    "Sønnen: far har sendt sms til alle barna om at de ikke må være lei seg, og han tar ikke telefonen.",
    "Naboen ringer: mann 86 med demens har gått ut i pysjamas i kulda, de leter etter ham.",
    "Samboeren sier i telefonen: han har tatt GHB og drukket, nå andas han konstigt og går inte att väcka.",
    "Tok 2 lyrica og litt heroin i natt, nå ser han dobbelt, sier kona.",
    "Eksen er dømt for vold mot henne. I kveld skriver han at han skal gjøre det ferdig.",
    "Har kjøpt pistol og skrevet at han skal ta alle sammen på skolen i morgen.",
    "Mother says he shook the baby hard this morning; now she is limp and vomiting.",
    "Alkohol og Rivotril, SpO2 86 %, sovner midt i setningen.",
    "Han sa i dag: eg har hagla i skapet, det er fort gjort, ingen kjem til å sakne meg.",
    "Her brother with schizophrenia is standing on the balcony railing shouting that he can fly.",
    "Hjemmesykepleien: mann 90 har ikke spist eller drukket på to dager, knapt kontaktbar.",
    "Sambuaren ringer: ho har skåre seg i halsen, det bløe skikkelig.",
    "AUD, last drink two days ago, now tremor and a GTC seizure in the waiting room.",
    "His friend got a goodbye text an hour ago; he said he is going to the bridge tonight.",
    "Naboen hører ham rope om hjelp innenfra, men døra er låst og han svarer ikke.",
    "Drakk mykje i fleire veker og slutta i går, no rykkjer han i armane og er forvirra.",
    "Kona ringer: han har kramper i hele kroppen og fråder om munnen.",
    "Besvimte etter blodprøven og har ikke våknet igjen, puster tungt.",
    "Tidligere frisk, men nå suicidal: forteller at han sover dårlig og tenker på det hver kveld.",
    "Nå suicidal: sier hun ikke orker mer.",
    "Har tenkt mye på å skyte seg denne uka, hagla står i skapet.",
    "Melding fra svensk pasient: Jag har köpt rep och tänker göra det i helgen.",
    "Mail from a patient: I have written letters to the kids. Tomorrow that will be the end of it. Don't send anyone.",
    "Han har tenkt at det enkleste ville vært å gå ut i låven med hagla.",
    "Han har selvmordstanker og er ikke sikker på om han klarer å la være i kveld.",
    "Mor har sagt at hun snart skal ta med seg barna dit pappa er (far døde i en ulykke i fjor).",
    "Vurdert til lav akutt risiko på legevakta i går, men nå suicidal igjen og vil ta livet sitt.",
    "Dosetten: dagene fra mandag til fredag er tomme, og hun er vanskelig å vekke.",
    "Stemmene har blitt mer bestemte og forteller ham at naboen skal straffes, og brødkniven ligger fremme.",
    "Sier alt er håpløst, har ingen planer for framtida, vil bare sove.",
    "Kona: han skjelv og snakkar om kryp på veggane, fjerde dagen utan sprit.",
    "Gutten (12) sier stefar slår ham når mor er borte. Mor har kveldsvakt i kveld.",
    "My sister is rehoming her dog and posted a farewell on Instagram last night.",
    "Hun har kjøpt Paracet på flere ulike apotek denne uka og vil ikke si hvorfor.",
    "Mor fant et skjerf knyttet fast i klesstanga på rommet hans.",
    "He has cleaned his shotgun and put the papers in order so the kids won't have to deal with anything.",
    "Patient cut her wrist deeply 15 minutes ago, bleeding through the bandage.",
    "Han har drukket T-röd sedan i går, nu ser han suddigt.",
    "Tok 25 paracet i kveld fordi hun var lei, men sier hun har det fint nå.",
    "Manden fortæller at hun i nat kørte 170 km/t med børnene på bagsædet. Har ikke sovet de sidste 4 nætter.",
    "Han har skrive eit manifest og seier at dei på jobben skal få merke det på fredag. Han har lånt hagla til faren.",
    "Dottern har bränt sig med strykjärnet och säger att hon ska fortsätta.",
    "Hun gråter og sier at hun og den lille ikke skal være her når mannen kommer hjem, og at hun har tenkt ut hvordan.",
    "Han har regnet ut hvor mange Sobril han trenger, og har nok hjemme.",
    "Har brent seg med kokeplata over begge underarmene i dag, store væskende blemmer.",
    "Kvinnan fick barn för en vecka sedan, nu förvirrad och tror att barnet har bytts ut.",
    "A patient just left shouting he'll come back with a knife and stab the nurse.",
    "Neighbour can hear screaming and banging next door right now, there are kids in the flat.",
    "Mor har efterladt sin 3-årige alene derhjemme og er tydeligt påvirket.",
    "Femåringen har blåmerker og sier at stefar slår. Han blir hentet av stefar om en time.",
    "Han slår henne når han drikker, og hun bor fortsatt sammen med ham.",
    "Han har googlet hvor høy Bybrua er.",
    "Tidligere helt frisk mann, siste uke endret: sier han er en byrde og har funnet ut hvor høy brua er.",
    'Notat frå helsestasjonen:\nGut 7 månader, vekt 6,9 kg.\nMor hviska at far "rista han i natt fordi han ikkje slutta å gråte".\nDei er på veg heim no.',
    'Han var nesten død av overdose i natt.',
    "Gutt 6 år, barnehagen melder blåmerker på rygg og rumpe i forskjellige stadier. Han sier pappa blir sint. Far henter ham i barnehagen om en time.",
    "Kone døde brått i mars. Han sa han har ordnet med papirene og gitt bort hunden, og nekter å svare på om han har tenkt å ta livet sitt.",
    "Mann 47, lang sykehistorie: hypertensjon, KOLS, infarkt 2018. Kommer nå for kontroll. Kone døde i mars. Han har gitt bort hunden og nekter å svare på om han har tenkt å ta livet sitt.",
    'Kontroll BT. Søv dårleg sidan kona døydde. Ved direkte spørsmål seier han at han har gevær heime og har tenkt ut kvar han skal gjere det, og at det blir snart.',
    'Hun har planlagt hvordan hun skal gjøre det.',
    'eg orkar ikkje meir. har samla opp sovetablettane sidan jul. berre så du veit det',
    'Ho har spart på sovepillane',
    'Datter ringer: faren M86 med demens ble igjen alene hjemme med barnebarna 2 og 4 år mens mor er på jobb, han har sovnet og ungene har låst seg ute på balkongen i 4. etasje',
    'Politiet ringer fra Strandbrua: mann 40 år sittende på rekkverket, vil snakke med fastlegen sin.',
    "Hagle i skapet hjemme, pasienten (bonde, 58) sier 'det er ingen vits lenger'. Kona er bekymret.",
])
def test_blind_round_classes_are_acute(text):
    assert triage(text).urgent, text


@pytest.mark.parametrize("text", [
    "Epikrise: innlagt etter paracetamolintoksikasjon i 2022, utskrevet. I dag stemningen bedre, benekter aktuelle "
    "selvmordstanker, har kriseplan.",
    "Kvinne som bodde på krisesenter i vinter, nå i egen leilighet med besøksforbud mot eksen. Føler seg trygg.",
    "Sønnen på 13 har begynt å risse seg på armene, overfladisk. Han sier han ikke har selvmordstanker.",
    "Pasienten min er innlagt på SUS etter selvmordsforsøk forrige uke og er trygg der. Hva finnes for barna?",
    "Broren har vært truende mot mora når han er rusa, sist i sommer. Han bor ikke hjemme lenger.",
    "pt m/ tidl. SH (brenning) 2018–2020, nå >3 år uten, stabil",
    "Patient has had «passive thoughts» about death now and then since the divorce, no plan, no intent, avtaleklar.",
    "Han har i årevis sagt at «det hadde vært greit om det tok slutt», aldri planer, gleder seg til barnebarna.",
    "Etterlatt etter at kjæresten tok livet sitt for fire måneder siden. Sier han ikke tenker på å ta sitt eget liv.",
    "ung kvinne 19 år, nettopp ut av barnevernsinstitusjon, kutter seg, har ingen bolig",  # «nettopp» is the leaving
    "Patient has had passive thoughts like «it wouldn't matter if I didn't wake up» for years, unchanged, denies plan "
    "or intent, engaged in treatment.",
    "Suicidal ideation siste 10 år, ikke aktuelt nå, ingen plan, god allianse.",
    "Hun har kriseplan med nummer til legevakt, bruker den når tankene blir sterke, og har aldri hatt noen plan om å ta "
    "livet sitt.",
    "LAR-pasient blir løslatt fra fengsel neste uke. Vet at overdosefaren er høy da.",
    "Drikker en flaske vodka daglig og vil slutte helt fra mandag.",
    "Broren min har prøvd å ta livet sitt to ganger før, nå går det greit.",
    "Pas. er lokfører og opplevde personpåkjørsel (selvmord) for 3 uker siden. Sover dårlig, ingen egne S-tanker.",
    "Kjent tilbakevendende depresjon. TS med paracetamol 2011, innlagt SUS. Siste år stabil, ingen plan.",
    "Ingen tanker om å ta livet sitt nå, men hadde det mye i vår da firmaet gikk konkurs.",
    "Han er ikke suicidal lenger etter at han flyttet hjem.",
    "Hun sa til søsteren at det hadde vært greit om toget tok henne, men avkrefter plan og har mye å leve for.",
    "He writes: «I wish I could just not wake up, but I would never do anything, the kids need me.»",
    "Gutt 15 med selvmordstanker siste måned, ingen plan, mor med.",
    "Kona er redd for at han skal gjør noe dumt når han får vite diagnosen.",
    "Dattera er redd far skal drikke seg ihjel etter hvert, han drikker daglig.",
    "Fødte for to måneder siden, ingen tanker om å skade babyen, men redd for å få slike tanker.",
    "Sønnen (15) sier han ikke ser poenget med noe, ingen plan kjent.",
    "His wife writes: «he wishes he wouldn't wake up, but has no plan and promised to tell me».",
    "Etter første fødsel hadde hun selvmordstanker og var innlagt. Frisk nå, ingen slike tanker.",
    "Mor (85) sier det hadde vært best om hun bare sovnet inn. Ingen konkrete planer, ingen tilgang på medisiner.",
    "Far er redd sønnen kan finne på å ta livet sitt en dag, han sier ingenting selv.",
    "Skadet seg med kniv da hun var 13, ikke gjort det på tre år. Vil ha hjelp med arrene.",
    "Mann 82 sier det ikke hadde gjort noe om han ikke våknet, men avviser planer og er opptatt av barnebarna.",
    "Sønnen er redd mor gjør noe dumt etter skilsmissen. Mor selv avkrefter tanker i dag.",
    "Risikovurdering: lav akutt risiko, moderat langsiktig risiko. Ønsker oppfølging.",
    "P77 2012 (selvmordsforsøk), senere stabil i jobb. Ønsker samtaler om søvn.",
    "Pas 90 er 'ferdig med livet' og vil ikke ha mer behandling, men har ingen tanker om å ta sitt eget liv.",
    "He writes: «my family would be better off without me, but I would never do anything».",
    "Broren har et par ganger sagt at det ikke hadde gjort noe om han ikke våknet. Ingen planer eller forsøk.",
    "Dømt for legemsbeskadigelse for ti år siden, ingenting siden. Trenger hjelp med bolig.",
    "Bestemor er redd for at barnebarnet (17) skal finne på noe, han har trukket seg helt unna. Han har ikke sagt noe.",
    "Hun har i lange perioder tenkt at livet ikke er verdt det, nå bedre, ingen plan, har barna å leve for.",
    "She texted: «some days I wish I just wouldn't wake up, but I'd never do it». Ingen plan.",
    "K 50 forsøkte med piller for 15 år siden, stabil siden, ingen tanker nå.",
    "Bruker 80 drikker og tar sovemedisin. I dag er han våken og orientert og sier han ikke vil dø.",
    "Hun hadde lyst til å skade seg i vår, har ikke gjort det, har det bra nå.",
    "I fjor vinter slo han kona i en krangel, ingen vold siden. Hun vil ha samtaler.",
    "Mor fant ut at sønnen (2) smakte på oppvaskmiddel forrige uke, alt var i orden. Hun vil sikre hjemmet.",
    "Gutten (16) ble innlagt med alkoholforgiftning for tre uker siden, nå i fin form.",    "Ingen selvmordstanker så langt vi vet, men han sover dårlig etter dødsfallet.",
    "Epikrise. Innleggelsesgrunn: økende selvmordstanker etter samlivsbrudd. Ved utskrivning ingen akutt selvmordsfare, "
    "stabil.",
    "Tok overdose for seks uker siden, innlagt. I dag ingen selvmordstanker, planer for framtida.",
    "Kona har ikke hørt ham si noe om å ta livet sitt, men hun er redd.",
    "Jente 14 med overfladiske rifter på låret, ingen selvmordstanker.",
    "Han sa i en krangel forrige måned «da kan jeg like godt dø», benekter slike tanker nå.",
    "Enkemann 85 seier det gjer ingenting om han ikkje vaknar, ingen planar.",
    "Far (72) sa på julebordet at han ikke gidder å bli gammel. Ingen plan.",
    "Jente 13 forteller at stefaren har beført henne.",
    "Overdose av Sobril 2011, innlagt kort, stabil siden. Nå søvnvansker.",
    "Mann 84 sier det ikke er mye igjen for ham nå, benekter selvmordstanker.",
    "Far spør hvordan han skal snakke med dattera om selvmord etter at en venninne tok livet sitt i helga.",
    "Mor ringer: gutten (13) har lest mye om selvmord på nettet, ingen tegn til at han selv er i fare.",
    "Tablettforsøk 2015, stabil siden. Ønsker hjelp med søvn.",
    "Forsøk med Sobril for åtte år siden, i jobb og stabil nå. Vil ha samtaler om sorg.",
    "Skilt i høst, benekter selvmordstanker, vurdert lav risiko, ønsker samtaler.",
    "Han tenkjer at det hadde vore greitt å ikkje vakne om morgonen, i fleire år, ingen planar.",
    "Referral: history of suicidal ideation in 2019, fully resolved. No current thoughts.",
    "Egenskade i anamnesen, ingen aktuelle tanker om det. Ønsker kurs mot angst.",
    "Helsesykepleier: jenta (9) tegner mye blod og død, ingen utsagn om å skade seg selv.",
    "Hengingsforsøk 1998, stabil i mange år etter det. Henvises for søvnvansker.",
    "Sønnen er bekymret for mor (81) som ble enke i høst. Hun sier selv at hun ikke vil dø, men er mye alene.",
    "Far (80) med demens går av og til ut om natta, men finner alltid hjem. Familien vil ha råd.",
    "Kona er uroa fordi han drikk meir, men han har ikkje sagt noko om å ta livet sitt.",
    "Faren ringer fordi sønnen er mye på rommet. Sønnen har ikke sagt noe om å ta livet sitt.",
    "Enkemann 82 har i årevis sagt at det hadde vært godt å få slippe. Ingen planer.",
    "Mor 90 seier at det ikkje hadde gjort noko om ho sovna inn. Et godt og har besøk kvar dag.",
    "Hade självskadebeteende som ung, inga skador sedan dess.",
    "Epikrise fra DPS, døgnpost, limt inn: innlagt etter økende depresjon og selvmordstanker. Vurdert til lav akutt "
    "risiko ved utskrivning, kriseplan laget. Hva finnes av oppfølging i kommunen?",
    "Sier han ikke fortjener å leve etter ulykka, men har aldri hatt planer og vil leve for barna.",
    "Bodde med voldelig eks til 2021, nå egen bolig og besøksforbud, føler seg trygg.",
    "Spelar pengespel på nett, stort tap. Seier alt er håplaust, men ingen planar.",
    "Sonen er så nedfor. Eg veit ikkje om han tenkjer på å skade seg, han seier ingenting.",
    "Han sei at han itj hadd brydd sæ om han blei påkjørt, men han har ingen plan.",
    "Ho mista sønnen i sjølmord i fjor og sørge mykje, men ho har itj nån tanka om å ta livet sitt sjøl.",
    "Arr på begge underarmane etter kutting på ungdomsskulen. Vil ha henvisning til laserbehandling av arra.",
    "Mor 86 sier det kunne gjerne vært slutt snart, men hun har ingen planer.",
    "Kona lurer på om han kan finne på noe dumt. Han sier selv at han aldri ville gjort det.",
    "Ho har risset litt på låret før, det er grodd no, ingen nye.",
    "Patient with longstanding suicidal ideation, no plan or intent, safety plan in place.",
    "Utsatt for vold fra samboer over flere år, nå flyttet til venninne. Redd, to barn 5 og 8. Ikke akutt fare i dag.",
    "M 48, paranoid schizofreni, forsømmer seg, har ikke spist ordentlig på uker. Trenger bemannet bolig.",
    "Injiserer heroin, store sår, nekter behandling og svarer ikke når teamet kommer. Familien spør om tvang.",
    "She cut her arm superficially two years ago, healed, no self-harm since. Wants a DBT group.",
    "Her father died by suicide. She denies any current suicidal thoughts and wants to talk to someone.",
    "Han ville ikke hatt noe imot å bli borte.",
    "Hun har ikke sagt noe om å ta livet sitt, men er lei av alt.",
    "Far sier han ikkje har nemnt noko om å ta livet sitt.",
    "Han har snakket om å skade seg.",
    "Far er stille etter skilsmissen. Ingen utsagn om å skade seg.",
    "Mannen er nedfor etter konkursen. Han har ikke uttrykt selvmordstanker.",
    "Pappa dricker mer. Han har inte sagt något om att vilja dö, men jag är orolig.",
    "Hun sier hun ikke hadde hatt noe imot om hun ble overkjørt, men har ingen planer.",
    "Forsøk i 2015 med henging, ingen tanker siden.",
    'Bestefar har tatt over omsorgen for barnebarnet etter at mor døde (OD). Gutten isolerer seg.',
    "Pas 92 år på sjukeheimen seier ofte at 'eg skulle gjerne fått sovne inn no'. Et og drikk som normalt, ingen planar.",
    'gutt 18, tok overdose paracet da han var 15, behandlet, har det bra nå. kommer for idrettsattest',
    "Jente 17 skriv i meldinga: 'eg har ikkje skada meg sjølv på over eit år no, arra har grodd'. Ønskjer prevensjon.",
    'Han sier det er ingen vits lenger',
    'Jente 16 cuttet seg i fjor, har sluttet nå ifølge henne og mor. Ønsker p-piller.',
    'Datter ringer, synes mor (78) virker nedfor og trekker seg unna etter flytting til omsorgsbolig. Ingen uttalte selvmordstanker.',
    "Eg har ein son på 15 som har vore veldig stille og innesluttande i det siste. Ingenting konkret har skjedd, men eg "
    "er bekymra. Kva kan eg gjere?",
])
def test_blind_round_reminders(text):
    result = triage(text)
    assert result.level == "reminder" and result.reminders, (text, result)


@pytest.mark.parametrize("text", [
    "Hvor mye paracetamol skal til for en farlig overdose? Skal lage undervisning for sykepleierne på sykehjemmet.",
    "Hvor kan jeg melde meg på VIVAT-kurs i selvmordsforebygging i Strand? Vi er tre leger på kontoret som vil ta det.",
    "Mann 80 med Alzheimer. Kona sier med et smil at «dette tar livet av meg» – hun er sliten, men ikke deprimert.",
    "M 52 ROP, kastet ut av leiligheta i dag, sover ute i natt. Hva kan kommunen gjøre?",
    "Jeg lager et e-læringskurs. Jeg trenger realistiske kasuseksempler, for eksempel «tatt 40 Paracet».",
    "M36, schizofreni og amfetamin, mange innleggelser på Ahus akutt siste år, dropper ut av alt",
    "Dette byråkratiet tar livet av meg – hvordan søker jeg individuell plan i Sandnes?",
    "Jag har en patient som är helt «dödstrött» efter nattskiften och vill ha hjälp med sömnen.",
    "Bør jeg bruke C-SSRS eller et annet skjema når jeg kartlegger S-tanker hos ungdom? Gjelder rutiner, ingen konkret pas.",
    "Hvordan spør jeg en pasient om selvmordstanker på en god måte? Finnes det veiledning eller e-læring for fastleger?",
    "34 år, gjentatte psykoser ved amfetaminbruk, mange innleggelser på Ahus akutt, faller ut etter utskrivning",
    "K 58 drikker en liter sprit daglig og vil ha hjelp til å slutte.",
    "He has been sober for three years and asks for an English-speaking AA group.",
    "Gutt 15 hentet av politiet full på fest i helga, nå i orden. Foreldrene vil ha oppfølging.",
    "Jenta (15) har hatt sex med kjæresten og vil ha p-piller.",
    "K 33, slått av eks-samboer over flere år, er redd ham. Vil ha samtaler.",
    "Sønnen (13) skriver «I'm gonna kill you» til vennene i Fortnite. Er det farlig?",
    "Køen hos BUP er helt til å ta livet av seg av. Finnes det noe i mellomtiden?",
    "Ventetida hos DPS tar livet av meg og pasienten – noe lavterskel i mellomtida?",
    "Finnes det noe i Norge som ligner den svenske Självmordslinjen? Til en brosjyre, ingen akutt pasient.",
    "Faren drikker i helgene han har ungene, men mor har aldri sett ham full med dem. Hvordan melder hun bekymring?",
    "Jenta (15) fortalte om alkoholforgiftning på fest førre helg, foreldra er redde og vil ha hjelp.",
    "Mor (30) spør om noe for datteren (22) som drikker og tar benzo. Datteren vil ikke gå til lege.",
    "Mann 45, tre år siden han var hos oss, vil bare ha et råd om snekring: tau til den nye låven.",
    "LAR-pasient spør om han kan få nalokson nesespray til samboeren, hvor får han tak i det?",
    "Could you send me your routine for naloxone kit training? We want to hand it out to patients.",
    "Han holdt på å dø av latter på festen og falt, nå vondt i ribbeina. Trenger han røntgen?",
    "Overdose av sol i påska, solbrent og klør. Hva hjelper?",
    "Mor med demens går mye tur alene på dagtid, vi vurderer dagsenter.",
    "Hva er ICPC-2-koden for selvmordsforsøk, og hvordan brukes den? Til en oppgave.",
    "Kan du oppsummere en artikkel om selvmord etter utskrivning? Til internundervisning.",
    "Vi i rusteamet jobber med personer med psykose og vold. Hvordan beskriver vi det for fastlegene?",
    "Tidligere vold fra eksmannen i 2018. No har ho besøksforbod og kjenner seg trygg.",
    "Tok 2 Paracet mot hodepine i går, ellers frisk. Vondt i nakken etter kontorjobb.",
    "Gutten fikk to Zyrtec i stedet for én i går. Han er helt i form i dag.",
    "Kokk kuttet seg i fingeren med kniv i går, sydd på legevakta. Trenger sykmelding.",
    "Trodde han skulle dø av influensaen, men han er frisk nå. Treng berre attest.",
    "Tidligere rusmisbruk, rusfri i 10 år, trenger bare fornyet resept på blodtrykksmedisin.",
    "Colleague asks for our routine for documenting suicide risk assessment, and the template.",
    "Elev skriv mørke dikt om døden. Ingen konkrete utsagn om sjølvmord, seier sjølv ho har det ok.",
    "Kva er nummeret til legevakta? Vil ha det hengande på veggen.",
    "Hvordan henviser jeg til DPS, og må pasienten samtykke?",
    "Kan jeg kombinere sertralin og tramadol, eller er risikoen for serotonergt syndrom for stor?",
    "Diagnose: paranoid schizofreni, debut 2012 med innleggelse, da på tvang. Stabil siden, ønsker IPS.",
    "Kvinne 24 vokste opp med en mor som ruset seg, nå angst. Noe for voksne barn av rusmisbrukere i Strand?",
    "Hvordan bestiller jeg plakater om forgiftningsfare til venterommet?",
    "Vi önskar utbildning i suicidriskbedömning för nya läkare.",
    "Any training course on suicide risk for our nurses?",
    "Ambulansearbeider har vært på flere oppdrag ved selvmord i høst, vil ha kollegastøtte.",
    "Besvimte under blodprøvetaking i går, kjent sprøyteskrekk, frisk ellers.",
    "Sjefen skjøt seg selv i foten med den omorganiseringen, sier pasienten, som er sykmeldt for stress.",
    "Han skal gå på jakt med hagla i helga og tenker på å søke våpenkort. Trenger helseattest.",
    "Pas. 22 år ruser seg på GHB i helgene, har vært bevisstløs to ganger i år (sist i april), nå motivert.",
    "Eg spurde om sjølvmordstankar – ingen, og ingen sjølvskading. Vil ha hjelp til å kutte ut hasjen.",
    "Kokk kuttet seg i fingeren med kniv på jobb i går, sydd. Kommer for sårsjekk og sykmelding.",
    "Enkemann 79 sier at dagene er lange og tomme etter at kona døde. Vil ha aktiviteter.",
    "Sekretærene vil lære å spørre direkte om selvmordstanker når folk ringer. Finnes det kurs?",
    "Skar seg i fingeren på jobb forrige uke, sydd. Ønsker nå bare henvisning til røykesluttkurs.",
    "I gave my old guitar away to my nephew, says the patient, who wants help to stop smoking.",
    "Han ønsker nå bare en time hos psykolog.",
    "Sønnen (2) sa han hadde spist en pille, vi har telt alle tablettene og ingen mangler.",
    "Hun er min pasient og ønsker time for et sertifikat.",
    "Pas har tatt to sobril i kveld slik han har resept på, ønsker nedtrappingsplan.",
    "Det nye journalsystemet tar livet av meg. Hvordan søker jeg om plass for en pasient?",
    "Han sa han nesten tok livet av seg på spinningtimen i går, haha. Spør om kurs for lett depresjon.",
    "Vil bare vite hvem som tar henvisninger til DPS.",
    "Datter bekymret: mor 80 gir bort pensjonen til broren som presser henne. Mor vil ikke anmelde.",
    "K 36 har flyttet fra samboer etter år med vold og trusler. Bor hos søster, ikke i akutt fare.",
    "Pt reports binge drinking, blackouts last year. Sober today, no withdrawal, no intoxication now.",
    "Hun sa eksamensuka holdt på å ta livet av henne haha.",
    "Han har sluttet med insulinen fordi han glemmer den, trenger hjelp med medisinene.",
    "M 61 alkohol, bur aleine, står i fare for å miste leiligheta (husleiegjeld). ikkje inst",
    'foreldre til dotter 27 som nettopp er innlagt på SUS med første psykose. dei er heilt ute av seg, treng råd og støtte',
    'samboer drikker mye, to barn 6 og 9 år hjemme. pas bekymret for barna, vet ikke hva hun skal si til dem',
    "Jente 8 falt på sykkelen i går, blåmerke på kneet. Mor henter henne om en time, trenger hun røntgen?",
    "Mora til pasienten ringte og lo: 'han dreper meg med de vitsene sine'. Ellers ringte hun bare for å flytte timen.",
    'Aktuelt: Mann 48, sykmeldt 100 % i 3 mnd for utbrenthet (Z73.0) og angst, P74. Sover dårlig. Vurdering: moderat angst/utmattelse, ingen suicidalitet.\nPlan: gradert SI? Trenger samtaler.',
    'Snekker fikk spikerpistol i tommelen på jobb i går, sårstelt på legevakta. Skal jeg melde yrkesskade til NAV, og hvilket skjema?',
    'G13 fekk ein kniv i handa då han skar brød i heimkunnskap, 1 cm kutt, blør litt. Treng det sying?',
])
def test_blind_round_no_alarm(text):
    assert not triage(text).urgent, text


def test_a_question_about_a_patient_is_no_teaching_question():
    assert triage("Hvor mye paracetamol skal til for en farlig overdose? Hun har tatt 30 i kveld. "
                  "Skal lage undervisning.").urgent
    assert triage("Hun sover ute i kulda, forvirret og dement").urgent


def test_a_threat_said_drunk_days_ago_and_withdrawn_sober_today_is_a_reminder_to_the_rules():
    # the second net may still raise it; the rules read the day it was said and the denial of today
    text = "Politiet melder at han sa i fylla lørdag at han skulle ta livet av seg. Sett i dag: angrer, ingen tanker om det nå."
    assert by_rules(text).level == "reminder"


def test_well_before_is_not_well_now():
    assert about_now("Tidligere helt frisk kvinne 40, siste uke endret: sover ikke.")
    assert not about_now("Helt frisk i dag, sover godt.")


def test_children_harmed_by_a_parents_illness_is_no_self_harm():
    assert triage("Far er deprimert og redd for at sønnene tar skade av det.").level == "none"
    assert triage("Mor er redd for at datteren skal skade seg.").level == "reminder"


@pytest.mark.parametrize("text", [
    "si m/plan. strand. hva har kommunen?",
    "pt 41 år, si+, plan+, midler tilgj., ikke avtaleklar",
    "od vival + alkohol ca 2 t siden, gcs 13, bor alene",
    "PAS 54 ÅR, MANN, SIER HAN HAR KJØPT TAU PÅ BILTEMA I GÅR OG VET HVOR HAN SKAL GJØRE DET.",
    "HO HAR IKKJE BERRE TANKAR OM Å DØY, HO HAR KJØPT TAU OG VEIT KVAR HO SKAL GJERE DET.",
])
def test_lower_case_shorthand_and_capitals_are_read_by_the_rules(text):
    from gpguide.search.triage.detect import by_rules

    assert by_rules(text).urgent


@pytest.mark.parametrize("text", ["si ikke noe til mamma om dette", "OD visus 0,8, OS 0,6", "Flyttet til Tau i fjor."])
def test_lower_case_si_and_od_need_their_context(text):
    assert not triage(text).urgent


@pytest.mark.parametrize("text", ["Takk.", "ok takk", "Hva gjør jeg nå?", "Takk skal du ha"])
def test_a_few_words_of_chat_are_no_alarm(text):
    assert not triage(text).urgent


@pytest.mark.parametrize("text", [
    "Mann 40, lett depresjon, ønsker samtaler i Nes. Takk.",
    "Hei! Kvinne 33 med angst, vil gjerne ha noen å snakke med i Sandnes. Tusen takk for hjelpen.",
])
def test_thanks_and_greetings_are_no_alarm(text):
    assert not triage(text).urgent


def test_a_gun_laid_out_beside_words_of_not_going_on_is_acute():
    assert by_rules("Nevner i døra at han har lagt fram jaktgeværet hjemme og «ikke orker mer etter i kveld».").urgent
    assert not triage("Jeger, har lagt fram geværet for å rense det før jakta, ingen psykisk sykdom.").urgent


def test_self_harm_in_stavangersk_is_read():
    assert by_rules("Ho har skåre sæ på armen før, men det e to år sia sist og ho har det bra no.").level == "reminder"
    assert by_rules("Pasienten skårer 28 på MADRS, ønsker samtaler.").level == "none"


def test_a_baby_filled_with_evil_to_be_cleansed_in_the_bath_is_acute():
    assert by_rules("Sambuaren fortel at ho i natt sa at babyen er «fylt av noko vondt» og at ho må reinske han i "
                    "badekaret.").urgent
    assert by_rules("Eg må vaske han i badekaret i kveld, han er så skitten etter barnehagen.").level == "none"


def test_a_denial_in_stavangersk_is_a_denial():
    assert by_rules("Han har ikkje sagt noke om å ta livet sitt og går på jobbsøkarkurs.").level == "reminder"


def test_a_closing_question_to_the_colleague_is_not_read_by_the_second_net():
    from gpguide.search.triage.classifier import told

    assert told("K 40 med angst og søvnvansker.\nHva gjør jeg nå?") == "K 40 med angst og søvnvansker."
    assert told("Mann 30 med angst. Hvem kan hjelpe?") == "Mann 30 med angst."
    # asking for a referral or a service says the case is ordinary, and stays
    text = "Gutt 17 med ADHD. Hvem henviser jeg til?"
    assert told(text) == text
    assert told("Kan han dø av dette?") == "Kan han dø av dette?"


def test_a_usual_dose_against_pain_is_harmless_and_a_larger_count_is_not():
    assert not triage("K 70 tok 2 Paralgin forte mot vondt i kneet i natt, vil ha info om trening.").urgent
    assert not triage("Tok 2 Paracet og 1 Ibux mot menssmerter i morges, lurer på om hun kan ta det samme i kveld.").urgent
    assert not triage("Ho har tatt 2 paracet mot hovudpine i morges, er det ok å gi ibux i tillegg i kveld?").urgent
    assert triage("Hun tok 20 paracet mot hodepine for en time siden.").urgent
    assert triage("Har tatt 16 Ibux mot tannpine siste døgn.").urgent


def test_an_animal_or_an_illness_that_nearly_killed_someone_is_no_suicide_attempt():
    assert not triage("Bonde sier kua «nesten tok livet av ham» da han ble sparket i fjøset forrige uke. "
                      "Ingen tanker om å skade seg. Samtaletilbud?").urgent
    assert not triage("Blodproppen holdt på å ta livet av ham i fjor, nå lett nedstemt.").urgent
    assert triage("Han nesten tok livet av seg i helga og er fortsatt suicidal.").urgent


@pytest.mark.parametrize("text", [
    "tidligere frisk nå suicidal",
    "alltid vært frisk  nå S tanker med plan etter konkursen",
    "kv 40 nekter innleggelse  plan om å hoppe fra brua",
    "Ho bestemor e heilt slapp og svarar ikkje  ho har drukke mykje og tatt sovemedisin i kveld",
])
def test_a_note_without_punctuation_keeps_its_danger(text):
    assert triage(text).urgent


def test_now_after_a_past_state_belongs_to_what_follows_and_a_refusal_denies_nothing():
    assert triage("Suicidal i fjor, bra nå.").level == "reminder"
    assert not triage("kv 40 nekter innleggelse, ingen plan om å hoppe fra brua").urgent


def test_a_capitalised_pronoun_after_a_lower_case_word_opens_a_sentence():
    from gpguide.search.triage.detect import _Reading, signals

    text = "Han sier han ikke vil skade seg selv Han vil skade sjefen Han har skrevet ned adressen og kjøpt kniv"
    assert _Reading(text, signals()).sentence_start == [0, 8, 12]
    assert triage(text).urgent
    # a name, an acronym or a word in capitals is no opener
    assert _Reading("Bor i Sandnes Han har angst", signals()).sentence_start == [0, 3]
    assert _Reading("ringte til NAV Han vil", signals()).sentence_start == [0]


def test_a_threat_said_in_jest_and_said_so_in_its_sentence_is_a_reminder():
    assert triage("Han sa han skulle ta livet av seg, men det var på tull, sier han nå.").level == "reminder"
    assert triage("Han sier han skal drepe kona i kveld. Han tuller ikke, han har kniv.").urgent
    assert triage("Han har tatt 30 Sobril. Han sier han bare tuller.").urgent
    # laughed off, or said with a twinkle in the eye
    assert triage("Sier sjefen kommer til å drepe henne hvis rapporten ikke er ferdig, men ler av det selv.").level \
        == "reminder"
    assert triage("Januar er «et helvete, jeg kunne skutt meg», sagt med glimt i øyet.").level == "reminder"
    assert triage("Han ler og sier han skal drepe kona i kveld.").urgent
    assert triage("Ho sa ho skal drepe veslebror, vi lo godt av det. Elles har ho det bra.").level == "reminder"


def test_no_statements_about_suicide_in_nynorsk_rule_it_out():
    assert not triage("Ingen utsegner om sjølvmord eller vald, sonen går på skulen.").urgent
    assert triage("Han kom med utsegner om sjølvmord i kveld og har tau.").urgent


def test_a_near_fatal_slip_told_in_the_words_of_suicide_is_no_alarm():
    assert not triage("Kona ringte fordi han holdt på å ta livet av seg på trappa i kveld – skled på isen.").urgent
    assert not triage("han holdt på å ta livet av seg skled på isen").urgent
    assert triage("Han holdt på å ta livet av seg i natt, stod på brua.").urgent
    assert triage("Hun holdt på å ta livet av seg på badet i kveld med tabletter.").urgent


def test_medicines_in_their_english_spelling_are_medicines():
    assert triage("Exchange student (F 16) took about 20 zopiclone half an hour ago, getting sleepy.").urgent
    assert triage("He swallowed a whole box of lorazepam an hour ago.").urgent


def test_a_couple_of_painkillers_for_a_migraine_are_harmless():
    assert not triage("K 29, lett depresjon, tok et par Ibux for migrene i går. Ønsker plass på KID-kurs.").urgent
    assert triage("Tok 20 Ibux for migrene i natt.").urgent


def test_english_death_wishes_are_read_and_denied_like_norwegian_ones():
    assert triage("Woman, 34, long-standing passive death wishes, no plan and no intent, weekly sessions at the DPS."
                  ).level == "reminder"
    assert triage("He has death wishes and bought a rope yesterday.").urgent
    assert not triage("No passive or active death wishes; wants a referral for ADHD.").urgent


def test_a_farewell_picture_or_goodbye_to_the_children_is_danger_now():
    assert triage("pas står på gangbrua og har sendt snap med teksten dette er siste bildet av meg").urgent
    assert triage("Partner texted: he said goodbye to the kids this morning and is not answering his phone.").urgent
    assert not triage("Dette er siste gangen jeg ber om hjelp til søknaden.").urgent


def test_a_clause_that_only_says_it_was_long_ago_dates_the_one_before():
    assert triage("Hun tok masse tabletter, men det er lenge siden. Har det bra nå.").level == "reminder"
    assert triage("Ho prøvd å ta livet sitt for ti år sia, tok masse tabletta, men det e lenge sia no.").level == "reminder"
    assert triage("Har det vært lenge siden sist? Han tok 30 paracet i kveld.").urgent


def test_the_topic_of_a_film_a_course_or_a_figure_is_about_no_patient():
    assert not triage("Har nettopp jobbet med en dokumentar om selvmord blant unge menn. Ingen egne selvmordstanker."
                      ).urgent
    assert not triage("Lederen vil at alle ansatte skal kunne spørre direkte om selvmordstanker.").urgent
    assert triage("Har nettopp sett en film. Han har selvmordstanker og en plan for i kveld.").urgent


def test_a_dialect_infinitive_of_hanging_is_read():
    assert triage("Han forsøkt å heng sæ i 2009, har vorre god sia.").level == "reminder"
    assert triage("Ho seie ho vil heng seg i natt.").urgent
    assert not triage("Han heng seg opp i småting.").urgent


def test_a_relative_who_worries_while_he_denies_doing_something_stupid_gets_a_reminder():
    assert triage("Søstra er bekymra. Han har sagt at han itte har tenkt å gjøre noe dumt.").level == "reminder"
    assert triage("Han har sagt at han ikke har tenkt å gjøre noe dumt.").level == "none"


def test_an_attempt_told_as_sa_or_a_bare_dated_attempt_is_read():
    assert triage("Notat: K 41. SA med pcm i 2018, innlagt DPS etterpå. Siste 4 år stabil.").level == "reminder"
    assert triage("K 19, SA med pcm for 2 timer siden.").urgent
    assert triage("Ho hadde eit forsøk for tolv år sia, har vore god lenge no.").level == "reminder"
    assert triage("sa med pcm og ibux at hodepinen gikk over, vil ha time hos fysio").level == "none"


def test_english_attempts_and_being_locked_in_with_the_means():
    assert triage("Tried to hang himself in 2017 back home, doing well now, no current suicidal thoughts."
                  ).level == "reminder"
    assert triage("The mother locked herself in the bathroom with the kids' pills. She says she is done with "
                  "everything.").urgent
    assert triage("Hun har låst seg inne på badet med pillene sine.").urgent
    assert not triage("She says she is done with everything at work and wants a new job.").urgent


def test_moonshine_that_may_be_methanol_is_poisoning():
    assert triage("venninnene har drukket hjemmebrent fra en gammel spylervæskekanne, ser tåkete").urgent
    assert not triage("Fikk hjemmebrent fra naboen i en gammel dunk, drikker hver helg.").urgent


def test_taking_the_life_of_an_animal_is_no_suicide():
    assert not triage("Kona sei han ska ta livet tå den bikkja til naboen som gjø heile natta.").urgent
    assert triage("Han sier han skal ta livet av seg i kveld.").urgent


def test_lithium_toxicity_told_in_nynorsk_with_the_subject_after_the_verb():
    assert triage("Kvinne 67 på Lithionit, oppkast og diaré i fire dagar. No skjelv ho grovt, snakkar utydeleg og går "
                  "ustøtt.").urgent
    assert not triage("Kvinne 67 på Lithionit, stabile speil, vil ha samtaler.").urgent


def test_wanting_to_harm_oneself_said_or_denied_beside_worry_is_a_reminder():
    assert triage("Hun sier hun vil skade seg.").level == "reminder"
    assert triage("Sonen er uroa. Det er ingen teikn på at han vil skade seg.").level == "reminder"
    assert triage("Han skal skade seg i kveld med kniv.").urgent


def test_catatonia_now_is_acute_and_years_ago_a_reminder():
    assert triage("Mistenker katatoni hos 30 år gammel mann, spiser lite.").urgent
    assert triage("Pas hadde katatoni for to år siden, behandlet med ECT. Fungerer godt nå.").level == "reminder"
    assert triage("Ingen tegn til katatoni, spiser og drikker.").level == "none"


def test_a_past_mania_that_put_others_in_danger_is_a_reminder():
    assert triage("Hadde ein manisk episode i 2021 med innlegging etter trafikkfarleg køyring. Sidan stabil på "
                  "litium.").level == "reminder"


def test_voices_that_say_someone_must_be_punished_in_english_are_danger_now():
    assert triage("Patient M 30: 'the voices say I must punish my neighbour tonight', has a hammer in his bag.").urgent
    assert triage("He says the voices want him to hurt his mother.").urgent
    assert triage("No voices, no psychosis; wants help to sleep.").level == "none"


def test_an_icd_code_with_a_decimal_point_ends_no_sentence():
    text = ("M 48, F10.2, drukket tungt i mange år, bor aleine, lavt funksjonsnivå og har stor husleiegjeld "
            "på leiligheten. Trenger tett oppfølging over tid.")
    assert "F10.2, drukket" in about_now(text)
    assert not triage(text).urgent


def test_a_daily_passive_wish_in_nynorsk_with_the_will_to_live_said_is_a_reminder():
    text = ("«Tanken på å ikkje vere her er der jo nesten kvar dag, men eg har ungane, og eg kjem aldri til å gjere "
            "noko.» Ingen plan.")
    assert triage(text).level == "reminder"
    assert triage("Tanken på å ikkje vere her er der heile tida, og i kveld har ho lagt fram tablettane.").urgent


@pytest.mark.parametrize("text", [
    "S tankar m/ plan har skrive avskjedsbrev til kjærasten TS for 2 år sidan kan ho få time hjå kommunepsykologen i "
    "Strand neste veke",
    "Overdsoe broren min 24 ligger på sofaen og snorker og vi får ikke liv i han han har brukt heroin tidligere i dag",
])
def test_a_note_typed_without_any_punctuation_keeps_the_danger_near_its_words(text):
    assert triage(text).urgent


@pytest.mark.parametrize("text", [
    "forsøkte å ta livet sitt med tabletter i 2009 lang behandling på DPS stabil i mange år og ingen suicidale tanker "
    "nå ønsker henvisning fysio for ryggen",
    "K 38 overdoseforsøk med Paracet for 12 år siden ingen suicidalitet siden stabil og godt behandlet for depresjon nå "
    "gravid i uke 20 og ønsker samtaler",
])
def test_a_note_typed_without_any_punctuation_keeps_what_is_past_near_its_words(text):
    assert triage(text).level == "reminder"


def test_one_of_my_patients_is_a_patient_not_talk_of_patients_in_general():
    assert triage("Apoteket ringte: en av mine pasienter har kjøpt Paracet på tre ulike apotek i dag.").urgent
    assert not triage("Mange av mine pasienter har tanker om selvmord. Finnes det kurs for dem?").urgent


def test_a_baby_no_longer_felt_moving_late_in_pregnancy_is_acute():
    assert triage("Gravid uke 32, ringer fordi ho kjenner ikkje liv i magen sidan i går.").urgent
    assert triage("Pregnant, week 34, reduced fetal movements today.").urgent
    assert not triage("Gravid uke 30, kjenner godt liv i magen, ønsker samtaler for angst.").urgent


def test_pinpoint_pupils_in_words_and_nodding_off_on_pills_are_acute():
    assert triage("Pas on LAR, says his buddy gave him some blue pills an hour ago, now nodding off in the waiting "
                  "room").urgent
    assert triage("Ligg på sofaen, pupillane er knappenålshovud.").urgent
    assert not triage("Pupillene er normale, ingen tegn til rus.").urgent


def test_medicines_saved_up_and_a_will_written_make_a_passive_wish_acute_in_english():
    assert triage("Patient says she 'would not mind not waking up', has been saving her Lyrica and Sobril in a box at "
                  "home and wrote a will last week.").urgent
    assert triage("She would not mind not waking up, no plan, keeps her medicines in the dosette the home nurse "
                  "fills.").level == "reminder"


def test_what_is_the_point_said_aloud_is_a_reminder_but_not_of_a_form():
    assert triage("Kona er bekymret fordi mannen drikker mer og sier 'hva er vitsen'. Han har ingen planer.").level \
        == "reminder"
    assert triage("Han sier hva er vitsen med å søke AAP når NAV bruker et år.").level == "none"


def test_a_small_child_who_ate_pills_is_a_child_who_ate_pills_by_the_rules():
    assert by_rules("veslegutten på tre år har ete av morfar sine tablettar, no er han så trøytt").urgent
    assert not triage("Veslegutten et godt og søv heile natta, mor ønskjer foreldrerettleiing.").urgent


def test_screen_wash_or_antifreeze_drunk_is_poisoning_in_english_too():
    assert triage("Her son swallowed windshield washer fluid, says he feels fine.").urgent
    assert not triage("He asks how to store antifreeze and washer fluid safely in the garage.").urgent


def test_smoke_from_a_flat_in_dialect_and_a_mother_who_will_walk_into_the_sea_with_the_children_are_acute():
    assert triage("Kjent psykose, rope at dei kjem for å hente han, og no lukt det røyk fra leiligheta.").urgent
    assert triage("Ho står ute og ropar at ho ska ta med seg borna og gå i havet.").urgent
    assert not triage("Ho vil gå tur med borna langs sjøen i helga.").urgent


def test_in_english_sight_failing_after_a_drink_is_poisoning_and_no_talk_of_dying_rules_it_out():
    assert triage("He drank something blue from the garage an hour ago and now cannot see well.").urgent
    assert triage("Dad drinks more and doesn't see the point of things, no talk of ending his life."
                  ).level == "reminder"


def test_sheer_folly_called_suicide_and_an_introduction_for_staff_are_no_danger():
    assert not by_rules("Han sier det blir et rent selvmord å ta eksamen med den stemmen.").urgent
    assert not triage("Politiet ønsker en innføring for mannskapene om selvmordsfare. Ingen konkret sak.").urgent


def test_what_a_medicine_does_in_overdose_and_a_request_to_look_at_a_medicine_are_no_danger():
    assert not by_rules("Han har lest at Sarotex er farlig i overdose og vil bytte. Ingen suicidalitet.").urgent
    assert by_rules("Han har tatt en overdose Sarotex i kveld.").urgent
    assert not triage("Pas K 88 er i godt humør. Vi ønsker bare at du ser på sovemedisinen hennes.").urgent


def test_the_patient_beside_himself_still_makes_a_psychosis_acute():
    assert triage("Psykotisk. Helt ute av seg.").urgent


def test_practising_how_to_ask_about_suicidal_thoughts_on_a_course_is_no_alarm():
    assert not triage("Vi skal ha kurs i selvmordsforebygging. Har du tips til hvordan vi kan øve på å spørre om "
                      "selvmordstanker?").urgent


def test_a_history_heading_inside_a_sentence_covers_that_sentence_only():
    assert about_now("Mann 47, lang sykehistorie: KOLS, infarkt 2018. Kommer nå for kontroll.").startswith("Kommer nå")
    assert "Pas." not in about_now("Utskrivningsnotat SUS, akuttpsykiatri: Pas. (19) innlagt. Remittert.")


def test_doing_oneself_something_is_the_lay_word_for_taking_ones_life():
    for text in ("Han sier han vil gjøre seg noe.", "Ho har tankar om å gjere seg noko, seier mor.",
                 "Truer med å gjøre seg noe i kveld"):
        assert by_rules(text).urgent, text
    assert triage("Kona er redd han gjer seg noko.").level == "reminder"
    # a father who has heard no such talk, about a son who smokes hasj: the question is in the room
    assert triage("Han er ikkje lei seg og har ikkje sagt noko om å gjere seg noko.").level == "reminder"


def test_talk_of_death_is_worth_a_reminder_and_never_an_alarm_by_itself():
    for text in ("Han snakkar mykje om døden etter at han vart sagt opp.", "Skreiv om død i ein norskstil.",
                 "Dottera er uroleg. Ingen utsagn om død."):
        found = triage(text)
        assert found.level == "reminder" and not found.urgent, text


def test_danger_in_general_words_asked_about_beside_worry_is_a_reminder():
    assert triage("Sonen er bekymra for mor, ho er meir stille. Ingen farlege utsegner, seier ho har det bra.").level \
        == "reminder"
    assert triage("Jente 17, anoreksi, BMI 18, ingen somatiske faresignaler. Henvisning til BUP?").level == "none"
    assert triage("Sønnen har kommet med farlige utsagn i kveld.").urgent


def test_a_small_child_with_marks_on_the_neck_to_be_fetched_by_the_one_she_names_is_acute():
    text = "Barnehagen: gutt 3 år, blåmerker på arm og hals, sier mamma tok halsen. Skal hentes av mor om en time."
    assert by_rules(text).urgent
    assert not by_rules("Barnehagen: gutt 3 år, vondt i halsen. Skal hentes av mor om en time.").urgent


def test_suicide_rates_and_figures_are_statistics_not_a_patient():
    for text in ("Kva er sjølvmordsraten blant eldre menn? Skal halde innlegg.", "Har du selvmordstall for Rogaland?"):
        assert not triage(text).urgent, text
    assert triage("Han sier han skal ta livet sitt i kveld, han leste om selvmordsraten.").urgent


def test_a_parent_alone_with_a_count_of_children_is_how_a_family_is_told():
    text = ("Kvinne 38 år, alene med 2 barn (6 og 10). F10.2? Drikker mest i helgene men også hverdager nå, møtte "
            "luktende av alkohol til time. Erkjenner problemet, redd for barnevernet, vil ha hjelp med rusen og ønsker "
            "at barna skal få noen å snakke med. Hva tilbyr Nes kommune?")
    assert not by_rules(text).urgent
    assert by_rules("Far er full og alene hjemme med barna i kveld.").urgent


def test_a_number_after_a_person_is_an_age_not_a_count_of_pills():
    for text in ("Foreldre til sønn 24 (heroin, nettopp starta LAR) ber om hjelp til seg selv, de er slitne.",
                 "mann 45 metadon 80 mg, stabil", "pas 30 (sobril og alkohol) ønsker nedtrapping"):
        assert not by_rules(text).urgent, text
    assert by_rules("pas 20 tbl paracet i går kveld").urgent
    assert by_rules("Sønnen tok 24 sobril nettopp.").urgent


def test_what_is_told_at_the_end_of_the_consultation_is_now_even_under_a_history_heading():
    text = ("Pas 41 år. Anamnese: langvarig depresjon, SSRI siden 2019, skilsmisse 2021. Ønsker henvisning til psykolog. "
            "Nevnte helt mot slutten at han har skrevet avskjedsbrev til barna.")
    assert by_rules(text).urgent
    assert not by_rules("Pas 41 år. Anamnese: langvarig depresjon, skrev avskjedsbrev i 2019. Ønsker psykolog.").urgent


def test_a_child_who_will_not_go_home_today_in_a_clause_of_its_own_is_in_danger():
    text = ("6 år gammel gutt på kontroll m/ mor. Blåmerker i ulike stadier på rygg og lår. Gutten hvisker at stefar blir "
            "sinna når han har drukket og at han ikke vil hjem i dag.")
    assert by_rules(text).urgent
    assert not by_rules("Kollegaen min sier at han ikke vil hjem i dag, han vil på kino.").urgent


def test_everyday_words_of_knives_shooting_and_wounds_in_harmless_frames_are_no_alarm():
    for text in ("Kokk, 44 år, skar seg i fingeren med kokkekniven på jobb i går, sydd på legevakten. Ønsker sjekk av "
                 "sting og sykmelding to dager. Blør ikke nå.",
                 "Pas 45 år, ivrig jeger, skjøt uten hørselvern på elgjakta, tinnitus høyre øre siden. Ønsker henv ØNH."):
        assert not triage(text).urgent, text
    assert triage("Han skjøt seg selv i låret på elgjakta i dag, blør mye.").urgent


def test_violence_done_today_is_acute_but_not_a_disclosure_made_today():
    text = ("Eldre kvinne 79, hjemmesykepleien melder at sønnen har flyttet inn, tar pensjonen hennes og i dag slo han "
            "henne så hun falt.")
    assert by_rules(text).urgent
    assert by_rules("Kona ble slått av mannen sin i dag, hun er hos meg nå.").urgent
    assert not by_rules("gutt 13 fortalte i dag at stefaren har slått ham flere ganger, han er trygg hos bestemor nå").urgent


def test_a_rate_of_attacks_is_a_chronic_condition_counted_not_a_seizure_now():
    assert not by_rules("Tok 2 paracet mot hodepine i morges. Spør om migreneprofylakse, har 4-5 anfall i mnd.").urgent
    assert by_rules("Drakk tungt i 20 år, slutta brått i går, har hatt 2 kramper i dag").urgent


def test_must_jump_said_up_high_is_acute():
    assert by_rules("Mann 29, paranoid, står no på verandaen på 5. etasje og seier han må hoppe for å kome seg "
                    "unna.").urgent
    assert not by_rules("Hun må hoppe over lunsjen i dag, mye å gjøre på jobben.").urgent


def test_a_count_per_day_after_a_slash_is_a_habit_not_pills_just_taken():
    for text in ("pas 31 år bruker oxycodon kjøpt på gata, ca 10 tbl/d, vil slutte. hva finnes kommunalt?",
                 "bruker 10 tbl sobril/døgn i perioder, ønsker nedtrapping"):
        assert not by_rules(text).urgent, text
    assert by_rules("tok 10 tbl sobril for en time siden").urgent
    assert by_rules("tok 10 tbl sobril nå, ingen plan/d vet ikke").urgent


def test_killed_by_a_joke_a_bad_back_or_the_stairs_is_an_idiom():
    for text in ("Kokk med kutt i fingeren, spør om sykemelding, og sier at kollegaen 'dreper ham av latter' med vitsene "
                 "sine.",
                 "Onkelen sa 'den vitsen dreper meg' og lo seg skakk, men nå har han vondt i brystet når han ler. Angina?",
                 "Barnebarna dreper meg av latter, men jeg hører ikke halvparten av det de sier. Nye høreapparat?",
                 "Pasienten (90) sier trappene opp til soverommet kommer til å ta livet av ham. Hvordan søker jeg om "
                 "trappeheis?"):
        assert not triage(text).urgent, text
    assert triage("Han sier at vitsen dreper ham, men han har tatt 40 paracet for en time siden").urgent
    assert triage("pas sier ryggen dreper henne, orker ikke mer, vil bare dø").urgent


def test_withdrawal_seizures_denied_in_the_note_make_morning_shakes_no_danger():
    note = ("Anamnese: Mann 34 år, drukket daglig siste 2 år, ca 10-12 enheter/dag. Ingen abstinenskramper. "
            "Aktuelt: Kommer selv, vil kutte ut. Sover dårlig, skjelven om morgenen. Plan: henvisning TSB.")
    assert not by_rules(note).urgent
    assert by_rules("Tidligere abstinenskramper. Drikker daglig, sluttet å drikke i går, skjelver nå.").urgent


def test_questions_about_a_forgotten_dose_a_naloxone_prescription_or_no_acute_somatic_need_are_no_alarm():
    for text in ("glemte Levaxin i går, skal eg ta dobbel dose i dag? tek alltid 100 mcg om morgonen",
                 "Rx nalokson nesespray til pas. på LAR, standard 1,8 mg. hvor mange pakn.?",
                 "jente 16 år, restriktiv spising, BMI 16,8, amenoré 4 mnd, mor bekymret. ikke akutt somatisk. hvor i "
                 "Nes før/ved siden av BUP-henvisning?"):
        assert not triage(text).urgent, text
    assert triage("glemte å ta medisinen i går, tok så alle 30 tablettene i kveld").urgent
    assert triage("ikke akutt somatisk, men sier hun vil ta livet sitt i kveld").urgent


def test_a_body_failing_now_is_acute_even_beside_talk_of_a_naloxone_prescription():
    assert by_rules("har fått resept på nalokson, men nå ligger han blå og puster ikke").urgent


def test_a_stay_of_a_stated_length_and_what_brought_it_is_history():
    assert not by_rules("Innlagt 6 uker etter forverring av psykose. Stabilisert på depot.").urgent
    assert by_rules("Paranoid schizofreni. Forverring av psykose siste døgn, hører stemmer som sier han skal skade "
                    "naboen.").urgent


def test_a_parent_now_alone_with_the_children_while_the_other_is_admitted_is_no_child_in_danger():
    text = ("Aktuelt: Mor til to barn (6 og 9 år) er innlagd på SUS med alvorleg depresjon. Far er aleine med borna og "
            "ringer.\nBorna er stille og redde, 9-åringen vil ikkje på skulen.\nPlan: Kven i kommunen kan snakke med "
            "borna om mors sjukdom og støtte familien?")
    assert not triage(text).urgent
    assert triage("Mor er aleine med borna, ho er full og har slått dei i kveld").urgent
    assert triage("barna er alene hjemme, mor har vært borte i to døgn").urgent


def test_a_boss_who_kills_with_meetings_and_a_drilled_threat_are_no_alarm():
    for text in ("Mor sier jobben dreper henne med alt maset for tida, og spør om sykemelding for skuldra.",
                 "Sjefen tar livet av oss med alle møtene, men eg har det elles fint. Treng fornying av p-piller.",
                 "Planlegger beredskapsøvelse i neste uke med en truende pasient med balltre på venterommet. Tips?",
                 "På kurset i dag øvde vi på aggressiv pasient med kniv i skranken. Har du gode rutiner å dele?"):
        assert not triage(text).urgent, text
    assert triage("Truende pasient med kniv i resepsjonen nå, han vil ikke gå.").urgent
    assert triage("Sjefen dreper meg med alle møta og jeg har samlet tabletter for å ta livet mitt i kveld").urgent


def test_the_name_of_an_acute_and_transient_psychosis_in_a_letter_is_no_alarm():
    for text in ("Epikrise DPS: Mann 31, akutt polymorf psykotisk lidelse (F23.0), innlagt 4 uker. Utskrives i dag, stabil "
                 "på aripiprazol. Ber om kommunal oppfølging.",
                 "Diagnose: akutt og forbigående psykotisk lidelse, første episode. Bur hjå foreldra. Kven følgjer opp?"):
        assert not triage(text).urgent, text
    assert triage("Akutt polymorf psykotisk lidelse, hører stemmer som sier han må drepe naboen i kveld").urgent


def test_an_f23_code_with_its_name_in_a_letter_is_no_alarm():
    letter = ("Epikrise Ahus, psykiatrisk akuttavdeling\nMann 20 år, F23.1 akutt psykotisk lidelse, debut etter periode "
              "med daglig cannabis. Innlagt 3 uker, utskrives på olanzapin 10 mg.")
    assert not triage(letter).urgent
    assert triage("mann 20, akutt psykotisk lidelse, innlagt nå").urgent
    assert triage("F23.1 akutt psykotisk lidelse, hører stemmer som sier han skal drepe seg").urgent


def test_a_denial_reaches_over_the_word_withdrawal_and_over_statements():
    note = ("Aktuelt: Vil kutte ned på vinen. Ingen abstinens kramper. ASAT lett forhøyet.\n"
            "Vurdering: F10.1. Plan: oppfølging i kommunen.")
    assert not triage(note).urgent
    worry = ("Far ringer om sønnen 16 som er stille etter bruddet med kjæresten. Ingen tegn til selvskading eller utsagn "
             "om å ikke ville leve, går på skolen.")
    assert not triage(worry).urgent
    assert triage("Har kommet med utsagn om å ikke ville leve i dag, har kjøpt tau.").urgent
    assert triage("Abstinens kramper nå, skjelver og er forvirret.\nPlan: ?").urgent


def test_a_question_about_a_naloxone_dose_or_prescription_is_no_alarm():
    for text in ("Kva er dosen for naloksonnesespray når eg skriv ut til ein pasient i LAR?",
                 "Dosering av Nyxoid til ungdom, og kan jeg skrive det ut på blå resept?"):
        assert not triage(text).urgent, text
    assert triage("Ga nalokson for ti minutter siden, han puster nesten ikke, hvilken dose nå?").urgent


def test_suicide_risk_not_ruled_out_is_danger_now_even_in_a_discharge_letter():
    draft = ("Epikrise-utkast: Innlagt tre dager med depresjon. Har plan om å kjøre i fjellveggen. "
             "Ønsker ikke videre innleggelse. Kan ikke utelukke selvmordsfare.")
    assert triage(draft).urgent
    assert triage("Epikrise: innlagt med depresjon. Kan ikkje utelukke sjølvmordsfare.").urgent
    assert triage("Epikrise: Pas. har en konkret plan om å hoppe fra brua på vei hjem herfra.").urgent
    assert not triage("Anamnese: overdose i 2015, kunne ikke utelukke selvmordsfare den gangen. Nå stabil.").urgent
    assert not triage("For ein månad sidan tenkte ho på å køyre i fjellveggen på veg heim frå jobb, ikkje sidan.").urgent


def test_a_doubt_in_the_present_tense_in_a_letters_history_is_danger_now():
    letter = ("Epikrise: Innlagt med lungebetennelse, afebril fra dag 3. Ved utskrivning sa hun at hun har samlet "
              "sovetabletter. Selvmordsfare kan ikke utelukkes.")
    assert triage(letter).urgent
    assert not triage("Anamnese: overdose 2015. Selvmordsfare kunne ikke utelukkes da. Nå stabil i mange år.").urgent


def test_si_for_a_length_of_sick_leave_is_no_suicidal_ideation():
    assert not triage("kvinne 34, GAD, SI 3 mnd fra jobb i barnehage. Ønsker samtaler.").urgent
    assert triage("mann 40, SI m/ plan, 3 mnd fra jobb").urgent


def test_a_need_denied_in_the_sentence_leaves_no_one_without_care():
    assert not triage("Datter (52) ringer om mor på 84 m/ bipolar lidelse og begynnende demens, bor alene og klarer seg "
                      "dårlig, ikke innlagt. Spør om egnet bolig med bemanning.").urgent
    assert triage("Mor 84 med demens er alene siden mannen ble innlagt i går").urgent


def test_a_question_about_what_a_harmless_sentence_said_is_harmless_too():
    assert not triage("Trenger å skrive ut nalokson nesespray til en pasient på LAR som bor med samboer som også bruker. "
                      "Hvordan gjør jeg det på blå resept?").urgent
    assert triage("Hvordan gjør jeg det når han ligger blå i leppene og puster nesten ikke?").urgent


def test_the_topics_of_a_course_are_no_patient():
    invitation = ("Brev fra kommunen: Invitasjon til kurs i selvmordsforebygging (VIVAT) for fastleger og "
                  "helsesykepleiere, 2 dager i mars. Temaer: kartlegging av selvmordsfare, sikkerhetsplan, oppfølging "
                  "etter selvmordsforsøk. Påmelding innen 1. februar.")
    assert not triage(invitation).urgent
    assert triage("Temaer i samtalen: har plan om å henge seg i kveld.").urgent


def test_a_relative_who_says_nothing_was_said_of_dying_gets_a_reminder():
    t = triage("Datter ringer, bekymra for far (80) som har blitt stille etter at mor døde, isolerer seg litt. Ikke "
               "sagt noe om å dø, men hun er urolig.")
    assert not t.urgent and t.level == "reminder" and t.reminders
    assert triage("Hun har sagt noe om å dø i kveld, har tablettene klare").urgent


def test_a_turn_for_the_worse_its_sentence_says_has_passed_makes_nothing_worse():
    assert not triage("Mann 27 år, F20.0 paranoid schizofreni dx 2019. Innlagt etter forverring, no stabil på "
                      "Abilify.").urgent
    assert triage("Mann 27 år, paranoid schizofreni. Kraftig forverring siste dager, hører stemmer.").urgent


def test_a_threat_of_eviction_is_no_violence():
    assert not triage("pas 39 m/ paranoid schizofreni, stabil på klozapin, men klarer ikkje bu åleine - rotete leil, "
                      "trussel om utkasting. treng tett oppf kveld/helg").urgent
    assert triage("trussel om å bli kastet ut, han truer utleier med kniv").urgent


def test_a_child_uneasy_before_a_visit_is_a_worry_and_going_there_today_is_danger():
    assert not triage("Mor ringer ang dotter 10 år - far drikk mykje, foreldra skilt. Jenta er stille og redd før "
                      "samvær. Kva tilbod finst for barnet?").urgent
    assert triage("Jenta (10) er redd før samvær, far drikk mykje. Ho skal til far i dag.").urgent
    assert triage("Jenta (10) er redd før samvær, far drikk og slo henne sist helg, skal dit i dag").urgent


def test_no_point_in_going_home_with_a_loaded_gun_at_hand_is_danger_now():
    note = ("Konsultasjon 14:20. M52, kjem for oppfølging av hypertensjon, BT 148/92, aukar amlodipin til 10 mg. Sov "
            "dårleg sidan skilsmissa. Kontroll om 4 veker. Mot slutten seier han at han har hagla ferdig ladd i bilen og "
            "ikkje ser noko poeng med å køyre heim.")
    assert by_rules(note).urgent
    assert by_rules("ser ikkje noko poeng med å leve lenger").urgent
    assert not by_rules("ser ikke poenget med å gå til psykolog").urgent


def test_self_harm_in_the_dialect_past_tense_long_stopped_is_a_reminder():
    t = triage("jente 17 skara seg i armane på ungdomsskulen, har ikkje gjort det på to år no. vil fjerne arra med laser")
    assert not t.urgent and t.level == "reminder"


def test_intent_denied_together_with_plans_makes_nothing_worse():
    note = ("Kona hans forteller at han har vært mer nedstemt etter pensjonering. Han avkrefter planer og intensjon, men "
            "har hatt tanker om døden av og til siste måneder.")
    t = by_rules(note)
    assert not t.urgent and t.level == "reminder"
    assert by_rules("Har tanker om døden, har plan og intensjon om å gjøre det i kveld.").urgent


def test_a_drill_is_no_patient():
    drill = ("Journalnotat øvelse: Dette er et scenario til legevaktsøvelsen på fredag. Pasient skal spille en mann som "
             "har tatt 40 Imovane og er blå i leppene. Ingen reell pasient, kun til bruk for trening av personalet.")
    assert not triage(drill).urgent
    assert triage("Journalnotat: Pasient har tatt 40 Imovane og er blå i leppene.").urgent


def test_a_song_quoted_is_no_death_wish():
    assert not triage("Pasienten siterer stadig 'I wanna die young' fra en sang han øver på til konsert, og spør om han "
                      "kan få noe mot heshet.").urgent
    assert triage("Han sier 'I wanna die' hele tiden, har tatt 30 Sobril i kveld").urgent


def test_not_wanting_to_live_in_a_town_is_no_death_wish():
    assert not triage("Gutt 16 skriver raplåter, har med teksten 'vil ikke leve lenger i denne byen, vil flytte til "
                      "Oslo'. Trives godt.").urgent
    assert triage("vil ikke leve lenger i denne verden").urgent


def test_a_question_about_taking_a_medicine_with_another_is_no_alarm():
    assert not triage("Bestemor (84) tatt 2 paracet mot hodepine i morges, ingen andre plager. Kan hun ta 2 til i kveld "
                      "sammen med Marevan?").urgent
    assert triage("Han har tatt 40 paracet i kveld. Kan han ta kull sammen med noe?").urgent


def test_enough_saved_to_escape_is_danger_now():
    assert triage("Apoteket ringer: kunde (M78) har hentet ut tre pakninger Zopiklon på ulike resepter siste uka og sa "
                  "ved disken at 'nå har jeg nok til å slippe'. Kona er nylig død.").urgent
    assert not triage("har nok til å slippe unna skatten i år").urgent


def test_a_cook_who_cut_a_thumb_with_the_knife_and_stopped_bleeding_is_no_alarm():
    assert not triage("Kokken skar seg med kniven i tommelen på jobb, blødning stoppet, treng det sying?").urgent
    assert triage("skar seg med kniven i armen, blør mye nå").urgent


def test_a_joke_song_about_hanging_is_general():
    assert not triage("Pasienten er russ og forteller at kompisen 'dreper meg av latter' med en sang om å henge seg i ei "
                      "bjelke, hun syns den er morsom. Spør om melatonin.").urgent
    assert triage("Hun skrev en sang om å henge seg, og har nå tauet klart i garasjen i kveld").urgent


def test_what_a_patient_said_at_discharge_is_now_for_the_gp_who_reads_the_letter():
    letter = ("Epikrise fra medisinsk avdeling: Kvinne 52 år innlagt 3 døgn for pneumoni. Utskrevet til hjemmet i god "
              "allmenntilstand. Ved utskrivelse fortalte hun sykepleier at hun har spart opp sobril og imovane hjemme og "
              "ikke ser noen grunn til å fortsette.")
    assert triage(letter).urgent
    assert not triage("Epikrise 2019: Ved utskrivning for 3 år siden sa hun at hun hadde spart opp sovetabletter. Nå "
                      "stabil i mange år.").urgent


def test_a_doubt_with_an_adverb_between_is_still_danger():
    note = ("Vurdering fra psykolog i DPS, lest opp i telefon: pas. benekter aktive planer, benekter tidligere forsøk, god "
            "relasjon til barna, møter til timer. Kan likevel ikke utelukke selvmordsfare.")
    assert triage(note).urgent
    assert triage("pas. benekter planer. Kan dessverre ikke utelukke selvmordsfare.").urgent
    assert not by_rules("pas. benekter planer. Kan ikke utelukke at han får influensa.").urgent


def test_a_prescribers_question_about_raising_a_dose_is_no_poisoning():
    question = ("K45 med kroniske suicidale tanker i mange år, ingen plan eller intensjon, kjent av DPS. Kan jeg øke "
                "escitalopram til 20 mg?")
    assert triage(question).level == "reminder"
    assert triage("Hun har økt litiumdosen selv og skjelver, kaster opp").urgent


def test_a_usual_dose_taken_against_pain_is_no_alarm():
    assert not triage("Hvor mange tabletter Paracet 500 mg kan en 80-åring på 55 kg ta i døgnet uten å få leverskade? "
                      "Hun har tatt 2 i dag mot hofteverk.").urgent
    assert triage("Hun har tatt 40 paracet i dag mot hofteverk, er døsig og kaster opp").urgent


def test_an_age_in_parentheses_is_no_count_of_pills():
    question = ("Bestemor 67 har tatt over omsorgen for barnebarna (5 og 8) etter at datteren (41) fikk tilbakefall på "
                "heroin, er i LAR. Bestemor er sliten og usikker på rettigheter og hjelp til barna.")
    assert not triage(question).urgent
    assert triage("Sønnen (19) tok 40 paracet i kveld").urgent


def test_a_parent_admitted_to_an_acute_ward_is_in_care():
    question = ("Far ringer. Mor (38) bipolar lidelse F31, innlagt SUS akutt psyk sist veke. Dottera på 9 år spør mykje, "
                "søv dårleg og er redd. Kva kan kommunen tilby barnet og familien?")
    assert triage(question).level == "reminder"
    assert triage("Mor (38) bipolar, manisk og truer naboen med kniv nå").urgent


def test_tired_of_life_in_nynorsk_gives_a_reminder():
    call = ("dotter ringer, uroa for mor si (78) som er mykje åleine etter at far døydde, seier ho er trøytt av livet men "
            "ingen konkrete teikn")
    assert triage(call).level == "reminder"
    assert triage("ho er livstrøytt").level != "none"


def test_a_dosing_regimen_in_a_letter_is_no_alarm():
    letter = ("Epikrise ortopedisk avdeling\nM 27, kokk. Innlagt 02.03 etter kutt i venstre hånd med kokkekniv på jobb.\n"
              "Sene til 3. finger sydd. Tetanus oppdatert.\nParacet 1 g x 4 ved behov, Ibux 400 mg x 3 i 5 dager.\n"
              "Gips 4 uker, så fysioterapi. Sykmeldt 4 uker. Sårkontroll hos fastlege dag 10–14.")
    assert not triage(letter).urgent
    assert triage("Sobril 5 mg x 3. Tok hele brettet i natt, er døsig").urgent


def test_now_suicidal_in_nynorsk_is_no_english_negation():
    note = ("K88 på sjukeheim, tidlegare frisk psykisk, no suicidal etter hjerneslag, prøvde å knyte sengetøy rundt halsen "
            "i natt og seier ho vil prøve igjen.")
    assert triage(note).urgent
    assert triage("K88 på sjukeheim, no suicidal etter hjerneslag.").urgent
    assert not triage("Seen today. No suicidal ideation, no plan, sleeping better.").urgent


def test_something_tied_round_the_neck_is_a_hanging_but_a_scarf_is_not():
    assert triage("prøvde å knyte sengetøy rundt halsen i natt").urgent
    assert not triage("ho knytte skjerfet rundt halsen fordi det var kaldt").urgent


def test_the_last_time_she_will_need_the_pills_is_danger_now():
    call = ("Apoteket ringer: eldre dame har de siste ukene hentet ut Imovane på resepter fra tre ulike leger, og sa ved "
            "disken i dag 'det blir siste gang jeg trenger dem'. Hun virket rolig.")
    assert triage(call).urgent
    assert not triage("Siste gang jeg trenger dem, sa hun om krykkene").urgent


def test_idioms_exam_questions_and_a_bereaved_question_about_suicide_are_no_alarm():
    assert not triage("Denne nye kollegaen dreper meg, haha, hun tar alle pasientene før meg. Forresten: dosering av "
                      "naloksonspray til pas på LAR?").urgent
    assert not triage("Hypotetisk: om ein pasient hadde teke 10 paracet, kva er grensa for levertoksisitet? Spør for "
                      "eksamen.").urgent
    bereaved = "Bror til pasienten døydde av overdose i fjor, han lurer på om det var sjølvmord og slit med å sove"
    assert triage(bereaved).level == "reminder"
    assert triage("Han har tatt 10 paracet i kveld og sier det var et sjølvmordsforsøk").urgent


def test_tired_of_living_without_plans_is_a_reminder():
    assert triage("Mann 86, enkemann, sier han er ensom og «lei av å leve» men ingen planer.").level == "reminder"
    assert triage("Mann 86, lei av å leve, har kjøpt tau og skal gjøre det i kveld").urgent


def test_a_usual_dose_and_nothing_more_and_a_medicine_that_kills_me_are_no_alarm():
    assert not triage("Apoteket spør: kan K85 ta 2 paracet mot hovudverk i tillegg til Albyl-E? Ho har teke 2 i dag "
                      "tidleg og har ikkje teke noko meir.").urgent
    assert not triage("Bestefar seier «denne nye blodtrykkspilla tek livet av meg» – han meiner at han blir svimmel når "
                      "han reiser seg. Bør eg byte preparat?").urgent
    assert triage("Tok 40 paracet i går og har ikke tatt mer").urgent
    assert triage("kutta seg i armen, blør mykje, svimmel når ho reiser seg").urgent


def test_a_closed_police_case_is_no_alarm():
    assert not triage("Brev fra politiet: anmeldelsen om trusler fra 2019 er henlagt, pasienten ber om at det legges i "
                      "journalen. Noe jeg må gjøre?").urgent
    assert triage("Saken er henlagt, men han truer nå med å drepe henne i kveld").urgent


def test_no_plan_typed_without_its_vowel_still_mitigates():
    assert triage("har hatt selvmorstankr i mange år, ingn plan, ingn inntensjon, vil bare snakke").level == "reminder"


def test_a_relative_worried_about_low_mood_gets_a_reminder():
    worry = triage("datter bekymret, 'he seems a bit down lately', ingen konkrete utsagn")
    assert worry.level == "reminder" and "worry" in worry.families
    assert triage("Mor 40, nedstemt etter samlivsbrudd, ønsker samtaler").families == ()


def test_a_relative_worried_that_someone_no_longer_looks_after_themselves_gets_a_reminder():
    worry = triage("Sønn bekymret for mor 88 som bor alene, glemmer å spise, huset er rotete og hun har gått ned i vekt. "
                   "Ingen akutt fare, ønsker vurdering for hjemmesykepleie.")
    assert worry.level == "reminder" and "worry" in worry.families
    assert triage("Datter uroleg for far 80 som gløymer å ete").level == "reminder"
    assert triage("mann 40 bekymret for vekta, vil slanke seg").level == "none"


def test_a_test_or_a_chore_that_will_kill_me_is_an_idiom():
    assert not triage("Mor ler: tenåringen sier at 'mattetentamen kommer til å drepe meg' og vil ha legeerklæring.").urgent
    assert triage("jeg kommer til å drepe meg selv etter eksamen").urgent
    assert triage("han sier han kommer til å drepe meg").urgent


def test_a_short_prefix_with_a_norwegian_letter_does_not_match_its_folded_twin():
    assert not triage("svelget naloksonspray ved et uhell, ingen plager").urgent  # «nål*» is no «nal*»
    assert triage("svelget en nål i går, har vondt i magen nå").level != "none"


def test_a_threat_made_high_on_a_drug_just_taken_is_danger_now():
    assert triage("Han tok oksykodon og truer naboen").urgent
    assert triage("Han tok heroin og truer naboen").urgent
    assert not triage("Han tok metadon i går, ingen trusler").urgent


def test_old_tablets_handed_in_an_interaction_question_and_a_double_dose_by_mistake_are_no_alarm():
    assert not triage("Apoteket spør om dosett: pasienten har samlet opp gamle tabletter hjemme og vil levere dem inn "
                      "til destruksjon. Skal vi seponere Paralgin forte i e-resepten samtidig?").urgent
    assert not triage("Interaksjon mellom Tramadol og Cipralex? Fare for serotonergt syndrom? Pas har tatt begge i to "
                      "uker uten plager.").urgent
    assert triage("Pasient tok dobbel dose Metformin ved en feil i morges (2x1000 mg), føler seg helt fin. Trenger han "
                  "gjøre noe?").level == "reminder"
    assert triage("Mor tok dobbel dose sobril i kveld og er døsig, vanskelig å vekke").urgent
    assert triage("har samlet opp sobril hjemme og vil ta alle i kveld").urgent


def test_not_ruled_out_with_a_verb_between_is_still_danger():
    note = ("Tidligere frisk mann 60 år, her for kneskade. Bor alene etter skilsmisse i fjor. Sier på vei ut at det ikke "
            "er utelukket at han tar livet sitt, han har jaktvåpenet stående ulåst hjemme.")
    assert triage(note).urgent
    assert not triage("Kneskade, brudd er ikke utelukket, tar røntgen i morgen.").urgent


def test_a_cardiac_arrest_planned_for_a_drill_and_a_song_quoted_are_no_alarm():
    assert not triage("Pasient 91 år, klar og samtykkekompetent, ønsker ikke livsforlengende behandling og vil ikke "
                      "gjenopplives ved hjertestans. Hvordan dokumenterer jeg HLR-minus riktig?").urgent
    assert triage("Mann 70 fikk hjertestans i butikken nå, HLR pågår").urgent
    assert not triage("Datteren min på 14 synger hele tiden en låt med teksten 'I wanna die tonight, under the neon "
                      "lights' – er det noe å bekymre seg for? Hun er ellers glad og aktiv.").urgent
    assert not triage("Barnehagen hadde brannøvelse og øvelse på trussel/skyting (låst dør) i dag, 5-åringen var litt "
                      "redd etterpå men sover fint. Trengs noe oppfølging?").urgent


def test_doses_joined_by_a_plus_stay_one_clause():
    assert not triage("har tatt 2 paracet + 1 ibux mot tannpine, kan jeg ta tramadol i tillegg i kveld? dosering?").urgent
    assert triage("tok 20 sobril + 10 zopiklon i kveld").urgent


def test_a_relative_sitting_with_the_gp_and_a_dated_stay_in_a_letter_are_no_alarm():
    assert not triage("Mor (58) til min pasient sitter hos meg. Sønnen er 30, psykose og amfetamin, bor hjemme, nekter å "
                      "gå til lege. Hun er utslitt.").urgent
    assert triage("Mann 30 psykotisk sitter her nå, hører stemmer").urgent
    letter = ("Epikrise Sandnes DPS, døgnavd.\nDiagnoser: F20.0 Paranoid schizofreni.\nMann 34 år, innlagt 02.03-28.03 "
              "etter forverring av psykose og daglig hasjbruk. Stabilisert på Abilify Maintena.")
    assert triage(letter).level == "reminder"
    assert triage("Mann 34 år med psykose, forverring siste uke, truer naboen").urgent


def test_doubt_whether_a_medicine_is_taken_is_no_doubt_about_danger():
    question = "Mann 30 med schizofreni, bur åleine, mor er usikker på om han tek medisinen. Kva tilbod finst i Strand?"
    assert triage(question).level == "reminder"
    assert triage("Mann 30 med schizofreni, usikker på om han tek medisinen, høyrer stemmer som seier han skal drepe "
                  "naboen").urgent


def test_a_small_child_told_by_its_age_who_ate_pills_is_danger_now():
    assert triage("gutt 2 år har ete noko av farmor sine blodtrykkstablettar, veit ikkje kor mange, no slapp og "
                  "bleik").urgent
    assert not triage("gutt 17 år har tatt medisinen sin").urgent
    assert not triage("jente 10 år har tatt 2 paracet mot hodepine").urgent


def test_a_small_child_who_licked_a_detergent_is_danger_now():
    assert triage("jente 2 år har slikka på oppvaskmiddel og hostar").urgent


def test_a_time_of_day_is_no_count_and_a_question_about_the_next_dose_is_no_alarm():
    assert not triage("M47 hodepine siden i morges, ingen nakkestivhet, ingen nevrologiske utfall. Tatt 2 paracet kl 08 "
                      "og 2 ibux kl 12. Lurer på om han kan ta mer paracet i kveld.").urgent
    assert triage("tok 40 paracet kl 03 i natt").urgent
    assert triage("Han har tatt 30 paracet i dag. Lurer på om han kan ta mer i kveld?").urgent


def test_a_wish_to_start_opioid_maintenance_is_no_alarm():
    assert not triage("pas 52 år, heroin i 20 år, nå røyker han, vil begynne i LAR. ønsker henvisning, hvem følger opp "
                      "lokalt?").urgent
    assert triage("heroin i natt, blå i leppene, vil begynne i LAR").urgent


def test_a_call_reported_now_at_the_end_of_a_letter_is_now():
    letter = ("Epikrise fra medisinsk avdeling: M67 innlagt med pneumoni, god respons. Utskrevet i går med Kåvepenin. "
              "Kona ringer nå og sier han har vært urolig hele natten, plukker i lufta, ser insekter på veggen, skjelver "
              "og svetter, og han har drukket en flaske vodka om dagen i flere år.")
    assert triage(letter).urgent
    just_called = ("Langt innlimt epikrise: innlagt for ankelfraktur etter fall på sykkel, operert, ukomplisert forløp. "
                   "Smertelindring med paracetamol og kortvarig oksykodon. Mor ringte akkurat og sier han har tatt hele "
                   "eska med oksykodon og er blå i leppene.")
    assert triage(just_called).urgent
    history = ("Epikrise: Selvmordsforsøk i 2024. DPS-behandlingen avsluttes nå etter 6 måneder, og epikrisen beskriver "
               "at han tar tydelig avstand fra selvmordsforsøket og ikke har hatt selvmordstanker siden desember.")
    assert not triage(history).urgent


def test_a_negation_reaches_over_a_two_word_item_before_eller():
    assert not triage("Trenger legeattest til våpensøknad for jakt. Pasienten frisk, aldri hatt psykisk sykdom eller "
                      "selvmordstanker.").urgent
    assert triage("Hun vil ikke snakke med meg eller sykepleier, sier hun skal ta livet sitt i kveld").urgent


@pytest.mark.parametrize("text", [
    "M60 gir bort verktøyet sitt til barnebarna fordi han flytter i leilighet, gleder seg til å slippe hagearbeid.",
    "Leste Ibsen med elevene i dag, 'Vildanden' - Hedvigs selvmord ga mye diskusjon. Lærer spør om hun bør ta hensyn "
    "til elever med sorg, generelt.",
    "K70 har skrevet testament og fremtidsfullmakt hos advokat nå som hun er frisk, vil ha legeerklæring om "
    "samtykkekompetanse. Hun ler og sier 'jeg skal ikke dø med det første'.",
    "Dattera mi er så stille og trist for tida, e' bekymra for ho, ho har ikkje sagt nokka om å ta livet sitt",
])
def test_everyday_words_near_death_are_no_alarm(text):
    assert not triage(text).urgent


@pytest.mark.parametrize("text", [
    "Pasient sendte melding med bilde av et kutt i fingeren: 'skar meg på kokkekniven da jeg skulle hakke løk, blør "
    "litt, trenger jeg stivkrampevaksine?'",
    "gutt 16 kom med kutt i fingeren fra kokkekniv på mat og helse-timen, trenger det å sys?",
    "Kona M77 sa at han 'dreper meg med den snorkinga si' – hun ber om henvisning til søvnregistrering for han.",
])
def test_kitchen_cuts_and_snoring_jokes_are_no_alarm(text):
    assert not triage(text).urgent


def test_a_relative_who_finds_someone_low_is_a_worry_the_rules_see():
    found = triage("Bror til pas ringer, synes han har virket litt nedfor og trukket seg unna i det siste, men vet ikke "
                   "om noe konkret. Hva bør jeg spørre om?")
    assert "worry" in found.families


def test_passed_is_no_typo_of_possessed():
    assert not triage("16-åring har bestått jegerprøva og treng legeattest for våpenløyve, frisk, ingen psykisk sjukdom. "
                      "Kva må eg sjekke?").urgent
    assert triage("Han er besatt av tanker om å skyte seg, har hagla hjemme").urgent


@pytest.mark.parametrize("text", [
    "Han vil gå hjem og drepe kona.",
    "Kona ringer: han sa han skulle kjøre dit og drepe ham i kveld.",
    "toåringen fann blodtrykkspillane til mormor for ti min sidan, veit ikkje kor mange ho åt, ho er litt slapp",
    "2-åringen fant pillene til bestemor, vet ikke hvor mange hun spiste",
    "Hun sluttet å skade seg i 2021, men i kveld har hun brent armen med strykejernet – stort sår, huden er hvit og "
    "nummen.",
])
def test_danger_told_in_more_words(text):
    assert triage(text).urgent


def test_a_self_harm_habit_stopped_is_a_reminder():
    found = triage("Mor ringer om datter 16: sluttet å skade seg for et halvt år siden, går bra nå. Lurer på om hun "
                   "bør følges opp videre.")
    assert not found.urgent and "selfharm" in found.families and found.reminders


@pytest.mark.parametrize("text", [
    "Ved konsultasjon i dag opplyser han at stemmene har bedt han ta hagla til faren i kveld, og at han har den framme.",
    "pas seie ho har gått og sett på brua ved elva fleire kveldar no, 'berre for å sjå kor høgt det er'. orkar ikkje "
    "meir seie ho",
    "Bonde 72, hagla står i gangen. Seier 'det blir ikkje nokon vår for meg' og har ordna med testamentet i førre veke.",
])
def test_commands_a_height_looked_at_and_no_future_with_a_gun_are_acute(text):
    assert triage(text).urgent


def test_a_passive_wish_to_be_spared_living_is_a_reminder_but_a_chore_spared_is_nothing():
    wish = triage("Mann 81 seier han 'av og til tenkjer at det hadde vore greitt å sleppe', men har ingen planar og "
                  "gler seg til oldebarnet kjem i mai. Ingen våpen heime.")
    assert not wish.urgent and "suicide" in wish.families
    assert triage("Mor 50 sier det hadde vært greit å slippe å søke AAP på nytt").level == "none"


@pytest.mark.parametrize("text", [
    "Mor spør om 4-åringen kan få Nurofen mikstur 5 ml tre ganger i døgnet ved feber, vekt 17 kg. Og hvor bør "
    "medisinene oppbevares så barna ikke får tak i dem?",
    "Ho fortalde ein vits om svigermor som fekk meg til å le så eg nesten døydde, haha. Uansett – dosering av "
    "amoxicillin til barn 20 kg?",
])
def test_storing_medicines_and_laughing_oneself_to_death_are_no_alarm(text):
    assert not triage(text).urgent


@pytest.mark.parametrize("text", [
    "Pasient 76 år skal fornye våpenkort og jaktkort, trenger legeattest. Kognitivt velfungerende, MMSE 29. Hva må med "
    "i attesten?",
    "Vi har øvelse på legekontoret neste uke: simulert opioidoverdose på venterommet. Tips til scenario?",
])
def test_a_certificate_and_a_drill_are_no_alarm(text):
    assert not triage(text).urgent


def test_a_finding_of_good_function_does_not_hide_danger():
    assert triage("Mann 76 har hagla framme og sier han skal skyte seg i kveld. Kognitivt velfungerende, MMSE 29.").urgent


def test_putting_an_end_to_it_beside_a_gun_tonight_is_acute():
    assert triage("M47, skilt i vår, mistet jobben, stor gjeld. Sier han har hagla hjemme og at det er like greit å ta "
                  "slutt på det i kveld.").urgent
    assert triage("Hun vil gjøre slutt på det med kjæresten, han er slitsom").level == "none"


def test_a_trauma_disorder_after_abuse_dates_the_abuse_in_the_past():
    letter = ("Epikrise BUP Helse Stavanger, poliklinikk\nPasient: jente 12 år. Diagnose: F43.1 PTSD etter overgrep i "
              "nær relasjon (meldt, politi og barnevern involvert).\nBehandling: TF-CBT 14 timer, god bedring.")
    assert not triage(letter).urgent
    assert triage("kvinne 30, traumatisert etter voldtekt i går").urgent
    assert triage("PTSD etter vold fra mannen, han truer henne fortsatt med kniv").urgent


def test_a_share_of_sick_leave_is_no_suicidal_ideation():
    assert not triage("Hun sover dårlig, gråter på jobb. SI 50 % siste 2 uker.").urgent
    assert triage("mann 40, SI 2 uker, plan").urgent


def test_self_harm_stopped_for_years_said_of_oneself_is_a_reminder():
    assert triage("Eg har ikkje skada meg sjølv på tre år, men har arr. Kan eg få tilvising til laser?").level == "reminder"


def test_a_fire_drill_and_a_recommended_dose_asked_about_are_no_alarm():
    assert not triage("Brannøvelse på legesenteret i morgen – trenger vi å varsle pasientene på venterommet?").urgent
    assert not triage("Kva er tilrådd dose av Phenergan til eit barn på 4 år med kløe, og kan det gje "
                      "pustedepresjon?").urgent
    assert triage("Har teke ti gonger tilrådd dose av Sobril for ein time sidan, søv no").urgent


def test_a_recommended_dose_taken_many_times_over_is_no_question_about_doses():
    assert triage("Han har tatt dobbel anbefalt dose paracet hver dag i en uke, gul i huden").urgent
    assert not triage("Hva er maks døgndose paracet for en voksen på 50 kg?").urgent


def test_a_parent_alone_with_the_children_is_danger_unless_the_other_is_admitted():
    assert triage("psykotisk mor er alene med barna nå").urgent
    assert not triage("Jente 10 år, mor innlagt med bipolar lidelse (mani) for 2. gang. Far alene med henne, hun er "
                      "redd og sover dårlig. Hvem i Nes følger opp barn som pårørende?").urgent


def test_the_name_of_an_f23_code_is_no_psychosis_now():
    assert not triage("Epikrise SUS psykiatrisk divisjon\nPas 23 år, F23 akutt psykose, utløst av cannabis. Utskriven "
                      "til foreldreheimen. Oppfølging Ryfylke DPS poliklinikk.").urgent
    assert triage("F23 akutt psykose, truer med å drepe naboen i dag").urgent
    assert triage("Han har akutt psykose nå, truer naboen").urgent


def test_a_note_that_finds_the_patient_somatically_stable_makes_the_second_net_surer():
    assert not triage("jente 17, F50.0?, BMI 17,2, restriktiv, trener mkt. somatisk stabil. ABUP henv sendt, ventar. "
                      "noko i mellomtida?").urgent
    assert triage("jente 17, anoreksi, BMI 13, puls 38, besvimte i dag, somatisk stabil ifølge mor").urgent


def test_the_second_net_must_be_surer_about_gambling_worries():
    assert not triage("foreldre til gutt 22 spør: ADHD, spiller bort studielånet på nettcasino, droppet ut av studier, "
                      "sitter på rommet. NAV sier han må søke selv. Hva kan vi gjøre?").urgent
    assert triage("Mannen har spilt bort alle sparepengene på nettcasino. Han sier han ikke orker mer og har skrevet "
                  "avskjedsbrev.").urgent


def test_walking_onto_the_railway_line_is_a_method():
    assert triage("Ikkje berre nedstemt, men har ein plan: skal gå på toglinja når kona er på jobb i morgon.").urgent
    assert not triage("Vi bor ved toglinja, støy plager henne og hun sover dårlig").urgent


def test_no_promise_not_to_do_it_again_after_an_attempt_is_danger_now():
    assert triage("Kontroll etter paracetamolforgifting for tre veker sidan. Ho seier det går betre, men ho kan ikkje "
                  "love at ho ikkje gjer det igjen.").urgent
    assert triage("Innlagt etter overdose for tre uker siden. Hun har kjøpt nye tabletter i går.").urgent
    assert not triage("Kontroll etter paracetamolforgifting for tre veker sidan. Ho seier det går betre.").urgent


def test_a_clause_with_da_after_its_verb_takes_the_time_of_the_clause_before():
    assert not triage("M40, psykotisk episode i 2015 med tvangsinnleggelse, truet da naboen med kniv. Stabil på depot i "
                      "8 år, ønsker hjelp til å komme i arbeid.").urgent
    assert triage("Psykotisk i dag, truer da naboen med kniv.").urgent


def test_an_end_said_of_a_treatment_in_its_sentence_is_no_farewell():
    assert not triage("M72, lymfom, siste cellegiftkur neste uke – «det er snart over!», sier han og ler.").urgent
    assert triage("Han sier det er snart over, har gitt bort hunden.").urgent


def test_found_on_the_floor_after_a_long_lie_is_danger_now():
    assert triage("Nabo fann M91 på golvet på kjøkkenet i dag tidleg, truleg lege der sidan i går. Han er kald, "
                  "forvirra og klarar ikkje å stå. Det var ingen mat i kjøleskapet og dottera som skulle ha tilsyn har "
                  "ikkje vore der på ei veke.").urgent
    assert not triage("Fant ham på gulvet i går, falt, nå oppegående og fin, ønsker trygghetsalarm.").urgent


def test_rather_die_than_move_to_a_nursing_home_is_a_wish_to_stay_at_home():
    assert not triage("K82 sier «jeg dør heller enn å flytte på sykehjem» – mener at hun vil bo hjemme. Klarer seg "
                      "fint, har hjemmesykepleie morgen og kveld. Datteren ønsker info om trygghetsalarm og "
                      "dagsenter.").urgent
    assert triage("Han vil heller dø enn å leve slik, har tau i garasjen.").urgent


def test_the_acute_ward_a_stay_was_on_is_no_danger_now():
    assert not triage("Gutt 22, førstegangspsykose (F23.1), 3 uker på Ahus akutt, nå utskrevet og bor hos foreldrene i "
                      "Nes. Foreldrene lurer på om det finnes et eget tilbud for unge med psykose.").urgent
    assert triage("Gutt 22, psykotisk, 3 uker på Ahus akutt, nå utskrevet, truer naboen med kniv i dag.").urgent


def test_an_old_planless_wish_to_sleep_and_not_wake_is_a_reminder():
    old = triage("M74, einkemann. Har i fleire år tenkt at det hadde vore greitt å sovne og ikkje vakne att. Ingen "
                 "planar, ikkje akutt suicidal, har gode dagar med barnebarna. Ønskjer psykiatrisk sjukepleiar heime.")
    assert not old.urgent and old.level == "reminder"
    assert triage("Han vil bare sovne og ikke våkne igjen, har samlet piller.").urgent


def test_wishing_one_did_not_exist_is_named_in_the_past_tense_too():
    said = triage("G14, mor bekymra: sønnen sier ofte 'skulle ønske jeg ikke fantes', har sagt det ca ett år, ingen "
                  "plan, aldri forsøkt, har samtaler m helsesykepleier. henvise til BUP?")
    assert not said.urgent and said.level == "reminder"
    assert triage("skulle ønske jeg ikke fantes, sier hun i dag").urgent


def test_a_heater_indoors_with_headache_and_confusion_is_carbon_monoxide():
    assert triage("Sønnen ringer fra hytta: foreldrene, 84 og 86, har begge hatt hodepine og kvalme siden i går og er "
                  "blitt forvirret. De har fyrt med en gammel parafinovn i stua på grunn av strømprisene.").urgent


def test_a_developmental_diagnosis_not_ruled_out_is_a_question_for_an_assessment():
    assert not triage("Kan ikke utelukke ADHD hos 8-åring, ikke bare uro på skolen men også hjemme og på "
                      "fotballtreningene. Foreldrene ønsker utredning. Hvor henviser jeg?").urgent
    assert triage("Kan ikke utelukke ADHD, og kan ikke utelukke selvmordsfare: sier han vil dø i kveld.").urgent


def test_means_brought_from_work_with_a_plan_for_tonight_is_danger_now():
    assert triage("Journalnotat: K47, tidlegare frisk. Kjem for sjukmelding etter samlivsbrot. Eg spurde om "
                  "sjølvmordstankar: ho sa først nei, men på slutten av timen fortalde ho at ho har teke med seg insulin "
                  "og sprøyter frå jobben og tenkjer å bruke dei i kveld når ungane er hjå far. Nektar innlegging.").urgent


def test_the_group_a_service_is_for_is_no_violence_now():
    assert not triage("Mor fra Tau ber om hjelp til sønnen på 10: faren utøvde vold mot mor i fjor, har flyttet og har "
                      "ikke samvær lenger. Gutten har mareritt, er redd og urolig på skolen. Hvem i Strand kommune tar "
                      "seg av barn som har opplevd vold i hjemmet?").urgent
    assert triage("Barn som opplever vold i hjemmet nå, far slår mor i kveld.").urgent


def test_the_decimals_of_a_diagnosis_code_are_no_count_of_pills():
    assert not triage("Epikrise – LAR. Mann 45 år. Diagnose F11.22 Opioidavhengighet, i vedlikeholdsbehandling. Stabil i "
                      "3 år. Hvem i Strand tar over utleveringen?").urgent
    assert triage("F11.22, tok 22 metadon i kveld").urgent


def test_brought_in_with_an_intoxication_is_in_care_then():
    note = triage("Legevaktsnotat: kvinne 20 år innbrakt lørdag natt med alkoholintoksikasjon, observert 6 t, "
                  "utskrevet i følge med venninne. Ingen skader.\nKontroll hos fastlege: vil kutte ned på alkohol.")
    assert not note.urgent and note.level == "reminder"
    assert triage("innbrakt i natt med alkoholintoksikasjon, puster dårlig nå").urgent


def test_sm_is_the_other_short_form_of_suicide():
    said = triage("K41, kron. SM-tanker x 10 år, ingen plan, aldri forsøkt, ikke verre nå. ønsker DPS-henv, ikke akutt")
    assert not said.urgent and said.level == "reminder"
    assert triage("sm-tanker i kveld, har plan").urgent


def test_a_rope_to_hold_on_to_on_the_stairs_is_no_preparation():
    assert not triage("Rapport frå heimetenesta: Klarer ikkje å halde kniv og gaffel. Svigersonen har festa eit tau "
                      "langs kjellartrappa som ho held seg i, vi meiner det bør bytast ut med rekkverk.").urgent
    assert triage("Han har festa eit tau i kjellartrappa.").urgent


def test_thoughts_kept_at_arms_length_are_worth_a_reminder():
    said = triage("Ved utreise tar hun klart avstand fra suicidale tanker og har framtidsplaner.")
    assert not said.urgent and said.level == "reminder"
    assert triage("tar klart avstand fra suicidale tanker, men har i dag kjøpt tau").urgent


def test_symptoms_much_reduced_are_no_danger_now():
    said = triage("Innlagt på tvang, overført til frivillig status. Psykotiske symptomer betydelig redusert etter "
                  "oppstart depotinjeksjon. Hvem kan følge ham opp hjemme?")
    assert not said.urgent and said.level == "reminder"
    assert triage("Innlagt på tvang i går. Psykotiske symptomer, truer naboen.").urgent


def test_the_second_net_does_not_read_the_title_of_a_pasted_document():
    letter = ("Bekymringsbrev fra ungdomsskolen (sendt med samtykke fra elev og foresatte)\nElev på 10. trinn, jente "
              "15 år. Skolen ser en tydelig endring siste halvår: økende fravær (særlig mandager), dårligere "
              "resultater, og hun har fått en ny vennekrets med eldre ungdom. Medelever forteller om fester med "
              "alkohol. Hva finnes i Nes for ungdom og foreldre?")
    assert not triage(letter).urgent
    assert triage("Bekymringsbrev fra ungdomsskolen\nEleven skrev i dag at hun skal ta livet sitt i kveld.").urgent


def test_to_drive_out_onto_the_quay_and_stay_there_is_a_method():
    assert triage("tlf fra nabo te M76 som bur aleina: «han e heilt på skakkå, har drokke sia i går, sidde ute i bilen "
                  "med nøklane og seie han ska kjøre ut på kaien og bli der. Kona døde i vår.»").urgent
    assert not triage("M76, skal kjøre ut på kaien i morgen for å hente fisk. Ønsker samtale om sorg.").urgent


def test_to_wish_both_could_be_spared_is_a_passive_death_wish():
    said = triage("Kona (81), som steller mannen med Parkinson-demens, sier hun iblant tenker det hadde vært lettest om "
                  "de begge bare fikk slippe. Hun har ingen planer og vil bare ha avlastning.")
    assert not said.urgent and said.level == "reminder"


def test_a_small_wound_that_looks_fine_today_is_no_danger():
    assert not triage("Helsesykepleier spør: gutt 14 kuttet seg i tommelen med tollekniven på kunst og håndverk i går. "
                      "Lærer så det, 1 cm kutt, lukket med strips, ser fint ut i dag. Usikker på om "
                      "stivkrampevaksinen er oppdatert – trenger han boosterdose?").urgent


def test_a_case_written_for_teaching_is_about_no_patient_now():
    assert not triage("Lager case til gruppeveiledning for LIS1: «K19 tok 40 Paracet etter brudd med kjæresten, kom til "
                      "legevakt etter 6 timer». Hvor finner jeg oppdatert behandlingsnomogram å legge ved?").urgent
    assert triage("Lager case til undervisning. Forresten: min pasient K19 tok 40 Paracet i kveld, hva gjør jeg?").urgent


def test_a_small_child_outside_alone_in_a_nappy_since_last_night_is_in_danger_now():
    assert triage("Naboen ringe: «Det står ein liten gutt, trur han e tre-fire år, ute i oppgangen i bare bleia. Han har "
                  "gått og gråte der sia i natt, mora e ikkje heime og vi får ikkje tak i nån.»").urgent
    assert not triage("Far lurer på om det er greitt at treåringen går i bare bleia i hagen om sommaren.").urgent


def test_an_infant_with_a_bruise_and_a_tense_fontanelle_is_in_danger_now():
    assert triage("Jente 5 mnd, far møter alene. Kastet opp 3 ganger i dag, mer søvnig enn vanlig, blåmerke bak venstre "
                  "øre. Far sier hun rullet ned fra stellebordet i går. Fontanellen kjennes spent.").urgent
    assert not triage("Jente 5 mnd til kontroll, fontanellen er myk og fin, vekt følger kurven.").urgent


def test_a_stay_dated_by_its_year_after_the_place_is_history():
    said = triage("pas m 44, bipolar (F31.1), stoppet litium i høst. Tvangsinnlagt Ahus 2021 etter mani. Nå nye tegn: lite "
                  "søvn, irritabel. Ingen rus. Ikke farlig nå. Kan kommunen følge tettere opp hjemme?")
    assert not said.urgent and said.level == "reminder"


def test_a_year_written_short_dates_what_happened():
    said = triage("K55 frå Gjøvik. Tok overdose tå paracet i -98 etter skilsmissa, vart behandla på Lillehammer, ingen "
                  "tankar om det sidan, seier ho. No: søvnvanskar og uro. Spør om samtaleterapi.")
    assert not said.urgent and said.level == "reminder"
    assert triage("tok 30 paracet i går, og i -98").urgent


def test_drunk_and_hitting_in_one_breath_is_violence_now():
    assert triage("Far er full og slår barna.").urgent
    assert triage("Mor er innlagt på Ahus. Far er alene med barna, han er full og slår dem.").urgent
    said = triage("Bekymring: 8-åring forteller på kontrollen at pappa slår når han er full. Hvem melder jeg til?")
    assert not said.urgent and said.level == "reminder"


def test_doubt_about_which_illness_it_is_is_no_doubt_about_danger():
    said = triage("Mann 20 høyrer stemmer om kvelden og trur nokon følgjer etter han, usikker kva som er kulturelt, "
                  "traume eller begynnande psykose. Kvar tilviser eg?")
    assert not said.urgent and said.level == "reminder"
    assert triage("Mann 20 høyrer stemmer om kvelden, usikker på om han er trygg.").urgent


def test_a_mother_who_says_the_baby_is_better_off_out_of_the_world_is_danger_now():
    assert triage("K29, seks uker etter fødsel, alvorlig deprimert. Sier rolig at babyen har det bedre uten en verden som "
                  "denne.").urgent
    assert triage("K29, seks uker etter fødsel, alvorlig deprimert. Har tenkt at de to skal «sovne sammen».").urgent
    assert not triage("Barna vil sove sammen i helgene, er det greit for en på 6 og en på 9?").urgent


def test_a_pain_said_to_be_killing_her_is_a_figure_of_speech():
    said = triage("K62, migrene 3–4 dager i måneden som hun sier «tar livet av meg», har prøvd triptaner uten effekt. "
                  "Henvisning nevrolog?")
    assert not said.urgent and said.level == "none"
    assert triage("K62, migrene. Sier hun skal ta livet av seg i kveld.").urgent


def test_a_field_of_a_form_about_suicide_risk_is_no_danger_now():
    said = triage("Skal skrive legeerklæring for M52 med astma. Advokaten har et felt om «selvmordsrisiko ved retur», "
                  "men han har aldri hatt slike tanker. Holder det å skrive «ikke aktuelt»?")
    assert not said.urgent
    assert triage("Advokaten har et felt om selvmordsrisiko. Han sier han skal ta livet sitt i natt om han sendes ut.").urgent


def test_ghb_stopped_days_ago_with_its_signs_told_after_is_danger_now():
    assert triage("M29, har brukt GHB dagleg i eitt år og slutta brått på eiga hand for to døgn sidan. No er han "
                  "uroleg, skjelv, svettar og høyrer stemmer.").urgent
    assert not triage("Brukte GHB i studietida, slutta for ti år sidan. No uroleg før eksamen, søv dårleg om natta.").urgent


def test_a_parent_who_sits_here_is_not_the_child_in_danger():
    said = triage("Mor til jente 15 (9. trinn på Jørpeland) sitter her. Datteren har risset seg på armene noen ganger den "
                  "siste måneden. Ingen suicidtanker da jeg snakket med jenta forrige uke.")
    assert not said.urgent and said.level == "reminder"
    assert triage("Mor til jente 15 sitter her. Datteren kuttet seg dypt i armen i natt og blør fortsatt.").urgent


def test_a_saying_in_the_sentence_does_not_quiet_what_comes_after_a_turn():
    assert triage("M52, sa i går «jeg er ferdig med alt» – jeg tok det som et uttrykk for at han er sliten, men kona "
                  "ringer nå: han har gitt bort hunden og skrevet brev til barna. Han er hjemme alene.").urgent
    said = triage("Han sa «jeg er ferdig med alt», men det var et uttrykk for at han er sliten av jobben.")
    assert not said.urgent


def test_a_photo_of_pills_on_a_blister_pack_sent_with_an_apology_is_danger_now():
    assert triage("Datteren (16) sendte snap for en halvtime siden: bilde av et brett med piller og «sorry mamma». "
                  "Datteren svarer ikke nå. Pasienten selv er ikke suicidal.").urgent


def test_no_substance_use_and_no_mental_illness_is_a_well_statement_the_second_net_leaves():
    said = triage("M62 søker våpenkort for ny elgrifle, politiet ber om legeerklæring. Frisk, bruker bare "
                  "blodtrykksmedisin, ingen rus eller psykisk sykdom. Hva må erklæringen inneholde, og sendes den direkte "
                  "til politiet?")
    assert not said.urgent
    assert triage("Mann 40, ingen rus eller psykisk sykdom, men tok 40 paracet for en time siden.").urgent


def test_a_parents_caution_against_too_many_pills_is_no_overdose():
    said = triage("Mor ringer: sønnen (15 år, ca 60 kg) har vondt i kneet etter fotballturnering i helga. Hvor mange "
                  "Paracet 500 mg kan han ta i døgnet, og går det an å kombinere med Ibux? Hun vil ikke at han skal ta for "
                  "mange piller.")
    assert not said.urgent
    assert triage("Sønnen har tatt for mange piller i kveld.").urgent


def test_a_diagnosis_named_acute_in_a_letters_list_is_no_danger_now():
    said = triage("EPIKRISE\nDiagnoser:\nF23.1 Akutt polymorf psykoselidelse med symptomer på schizofreni\nForløp: "
                  "Førstegangs psykose, god respons. Ingen suicidalitet eller aggresjon.\n---\nHva kan kommunen tilby?")
    assert not said.urgent and said.level == "reminder"
    assert triage("Akutt psykose, truer naboen med kniv.").urgent


def test_what_the_children_have_seen_before_is_a_worry_not_a_parent_drunk_with_them_now():
    said = triage("Bekymringsmelding er sendt. Mor erkjenner at ho «drikk for mykje» og at ungane har sett henne full. "
                  "Kven i kommunen følgjer opp vaksne med etablert rus?")
    assert not said.urgent
    assert triage("Mor er full nå og alene med ungane på 2 og 4.").urgent


def test_rogaland_soft_consonants_are_read():
    assert triage("pasienten e so forbanna på naboen at han sie han ska drebe han. har kjøbt øks i går og sie dæ ska "
                  "skje i kveld nå han kjeme heim fra jobb. ikkje psykotisk sånn eg ser, men heilt klar på dæ").urgent


def test_sleeplessness_said_to_be_killing_her_is_a_figure_of_speech():
    said = triage("Ho seie at «dinna søvnløysa teke livet av meg» – ho meinar ho e heilt utsliten, ikkje at ho vil døy. "
                  "Treng ho psykolog eller søvnkurs?")
    assert not said.urgent


def test_too_many_medicines_to_keep_track_of_is_a_request_for_a_review():
    said = triage("Kvinne 79, bur heime åleine. Ho har så mange piller at ho mistar oversikta, tretten faste preparat. "
                  "Ynskjer legemiddelgjennomgang og dosett frå heimesjukepleia. Ingen feilinntak så langt.")
    assert not said.urgent
    assert triage("Ho har teke så mange piller at ho mistar medvitet.").urgent


def test_a_mother_who_says_the_baby_shall_not_grow_up_without_her_is_danger_now():
    assert triage("Helsesykepleier ringer: mor (28) med 3 mnd gammel baby, EPDS 24. Sier hun tenker at babyen ikke skal "
                  "vokse opp uten henne, og at «hvis jeg går, tar jeg den lille med meg». Er alene med barnet hjemme resten "
                  "av dagen.").urgent
    assert not triage("Far sier at barnet ikke skal vokse opp uten mor, og vil hjelpe henne med behandling.").urgent


def test_a_mother_who_says_she_and_the_little_one_are_best_off_if_they_slip_away_is_danger_now():
    assert triage("K 27, 5 uker post partum. Ikke psykotisk, ikke ruset, rolig og ordnet i samtalen – men sier at både hun "
                  "og den lille har det best om de «slipper», og at hun har tenkt ut hvordan de skal gjøre det når mannen "
                  "er på jobb i morgen. Hvor henviser jeg?").urgent
    assert not triage("Hun sier hun har det best om hun slipper å gå på jobb i morgen.").urgent
    assert triage("Han vil bare slippe å leve.").urgent


def test_an_ex_under_a_restraining_order_who_has_got_what_he_needs_is_danger_now():
    assert triage("M34 til kontroll. Rolig og saklig hele timen. Mot slutten sier han nøkternt at eksen har fått "
                  "besøksforbud mot ham, men at han nå vet hvor hun og barna bor, og at han har «skaffet seg det han "
                  "trenger» for å ordne opp før helgen. Tidligere dømt for legemsbeskadigelse.").urgent
    assert not triage("Hun har skaffet seg det hun trenger av hjelpemidler etter hofteoperasjonen.").urgent


def test_a_weapon_kept_by_the_bed_with_voices_told_is_danger_now():
    assert triage("Mor ringjer om sonen (24). Han slutta med medisinane for ein månad sidan og høyrer røyster som seier at "
                  "ho er «bytt ut» og må «reinskast». Dei siste nettene har han sove med øks ved senga, og i dag låste han "
                  "henne ute frå kjøkenet. Ho ringjer frå bilen og er redd for å gå inn att.").urgent
    assert not triage("Han har alltid hatt en lommelykt og kniv i nattbordet på hytta, ingen psykiske plager.").urgent


def test_a_pronoun_spoken_onto_the_word_before_it_is_read():
    said = triage("Broren ringer: han e heilt på jordet, trur naboen avlytter'n og har sitti med kniven i fanget hele "
                  "natta. Sier han ska ta'n før'n blir tatt sjøl. Har slutta med medisinane.")
    assert said.urgent and "psychosis" in said.families
    assert triage("Han sier han ska ta'n før'n blir tatt sjøl.").urgent
    assert not triage("Han har hatt kniven i fanget for å spikke.").urgent


def test_a_man_admitted_to_hospital_at_the_weekend_is_in_care_now():
    said = triage("«Mannen min ble lagt inn på Ahus akutt i helgen, han har bipolar lidelse og har drukket mye i det "
                  "siste. Jeg er helt utslitt og vet ikke hva jeg skal si til barna (8 og 12 år).» Hva kan jeg tilby "
                  "henne og barna?")
    assert not said.urgent and said.level == "reminder"
    assert triage("Mannen min har bipolar lidelse, er manisk og har ikke sovet på fire døgn. Han kjører bil nå.").urgent


def test_an_overdose_a_nurse_treated_at_work_is_not_the_patients():
    said = triage("K36, sykepleier på rusakutten. Stakk seg på en brukt kanyle for tre uker siden da hun ga nalokson til "
                  "en pasient med overdose; vurdert på legevakten samme kveld, PEP ikke indisert. Spør nå om "
                  "oppfølgingsprøver for hepatitt og hiv skal tas hos fastlegen eller i bedriftshelsetjenesten.")
    assert not said.urgent
    assert triage("Kona ga nalokson til sønnen som tok en overdose for en time siden.").urgent
    assert triage("Pasient med overdose for tre uker siden, spør om oppfølging.").urgent


def test_what_an_overdose_can_do_to_the_liver_is_knowledge_asked_about():
    said = triage("M58 med kroniske korsryggsmerter spør hvor mange paracet han kan ta i døgnet. Har lest at «overdose "
                  "av paracetamol kan ta livet av leveren» og vil være på den sikre siden, drikker 2–3 øl i helgene. "
                  "Bruker nå 2 x 500 mg tre ganger daglig. Ønsker også fysioterapi – hva finnes i kommunen?")
    assert not said.urgent
    assert triage("Han har tatt en overdose av paracetamol i dag.").urgent


def test_a_rope_round_the_neck_as_a_simile_for_a_lump_in_the_throat_is_no_danger():
    said = triage("K41, klumpfølelse i halsen i fire måneder, beskriver det som «et tau rundt halsen» når hun er "
                  "stresset. Ingen svelgvansker, ikke vekttap. Gastroskopi og ØNH-undersøkelse normale. Tror selv det er "
                  "angst og har ingen tanker om å skade seg. Spør hvilke lavterskeltilbud for lettere angst som finnes.")
    assert not said.urgent
    assert triage("Hun stod med et tau rundt halsen på loftet da mannen kom hjem.").urgent


def test_too_many_pills_taken_as_a_habit_with_the_doses_checked_is_a_request_for_a_review():
    said = triage("Sønnen sier at far (84) «tar alt for mange piller». Ved gjennomgang viser det seg at han blander "
                  "dosettene og er usikker på hva han har tatt, men doseringen er riktig og han har ingen symptomer. "
                  "Ingen tanker om å skade seg. Ønsker multidose og hjelp fra hjemmesykepleien.")
    assert not said.urgent
    assert triage("Far (84) har tatt alt for mange piller fra dosetten i dag og er sløv.").urgent
    assert triage("Mor tar alt for mange piller, hun er svimmel og sløv nå.").urgent


def test_a_wish_not_to_have_woken_is_a_wish_to_die():
    said = triage("J17, kjent depresjon, går i BUP. Har i over et år av og til hatt tanker som «skulle ønske jeg ikke "
                  "våknet». Ingen plan, ingen forsøk, har aldri skadet seg. Hun har kriseplan fra BUP og snakker med mor "
                  "når det blir tungt. Ber om hjelp til å finne et aktivitetstilbud.")
    assert said.level == "reminder"
    assert triage("Jeg skulle ønske jeg ikke våknet i morgen, har spart opp piller.").urgent


def test_slang_the_whole_class_writes_is_not_the_patients_own_words():
    said = triage("J17, vg2, vil ha henvisning til psykolog for prestasjonspress og eksamensangst. Sier selv «jeg dør hvis "
                  "jeg ikke får 6 i matte» og at alle i klassen skriver «kms» i gruppechatten når de får prøver tilbake. "
                  "Spurt direkte, alene uten mor: har aldri hatt tanker om å ta livet sitt eller skade seg, sover og "
                  "spiser greit. Hva finnes for 16–18 år?")
    assert not said.urgent
    assert triage("Han skriver «kms» i chatten i natt og har sendt bilde av pillene.").urgent


def test_a_threat_said_whenever_he_loses_a_game_is_a_figure_of_speech():
    said = triage("Mor seie at gutten på 12 «ska drepa» veslebroren kvar gong han tape i FIFA, elles e han grei og har "
                  "gode venner. Ho lure på utgreiing for konsentrasjonsvanskar på skulen. Kem tar imot det?")
    assert not said.urgent
    assert triage("Gutten på 12 sier han ska drepa veslebroren i kveld, og har tatt med kniv inn på rommet.").urgent


def test_the_fields_of_a_referral_form_are_no_danger():
    said = triage("Henvisningsmalen til DPS har felter for «suicidalitet», «selvskading» og «voldsrisiko». Pas (K30) med "
                  "moderat depresjon har ingen av delene – aldri hatt selvmordstanker, aldri skadet seg, ingen vold. Skal "
                  "jeg skrive «ikke aktuelt» eller la feltene stå tomme?")
    assert not said.urgent
    assert triage("Pas (K30) har suicidalitet med plan for i kveld.").urgent


def test_a_sons_age_after_på_is_no_count_of_pills():
    said = triage("Mor (min pasient) forteller at sønnen på 31 bruker amfetamin og piller daglig, bor i kjelleren hjemme, "
                  "ingen jobb, vil ikke til lege. Hun er utslitt og sover dårlig. Hva finnes for henne?")
    assert not said.urgent
    assert triage("Sønnen på 17 har tatt 31 piller i kveld.").urgent
    assert triage("Sønnen har tatt 31 piller.").urgent


def test_so_fed_up_with_the_snow_that_he_could_shoot_himself_is_a_figure_of_speech():
    said = triage("M71 fra Nes: «je er så lei denna snøen at je kunne skutt meg sjøl», ler godt. Spurt direkte om "
                  "dødstanker, avkrefter, gleder seg til barnebarnet kommer til jul. Ønsker hjelp til å søke praktisk "
                  "bistand og snømåking etter hofteoperasjonen.")
    assert not said.urgent
    assert triage("Jeg er så lei alt at jeg kunne skutt meg, har hagla klar.").urgent


def test_withdrawal_delirium_told_in_dialect_is_danger_now():
    said = triage("Kona ringe: mannen (58) slutta brått å drikka på måndag etter mange års drikking. No skjelve han, "
                  "svette, ser smådyr på veggen og veid ikkje kor han e. Ho sei han e snill og roleg, så ho ventar til han "
                  "ska te deg på torsdag.")
    assert said.urgent and "withdrawal" in said.families
    assert not triage("Han vet ikke hvor han er på vei i livet, drikker lite.").urgent


def test_a_car_that_can_fly_in_a_mania_is_danger_now():
    said = triage("K34, kjend bipolar I. Slutta sjølv med litium for om lag tre veker sidan. Sambuaren fortel roleg at ho "
                  "har sove 1–2 timar per natt i fem døgn, har brukt opp sparepengane, og i natt køyrde ho i 170 på E39 "
                  "«for å sjå om bilen kan flyge». Ho skal køyre til Bergen i kveld. Ingen sjølvmordstankar.")
    assert said.urgent and "psychosis" in said.families
    assert not triage("Han lurer på om bilen kan få ny EU-kontroll.").urgent


def test_dying_of_an_oral_exam_is_a_figure_of_speech():
    said = triage("Mor skriver på vegne av datter (16): \"Hun kuttet seg på armene i 8. klasse, men har ikke gjort det på "
                  "over et år. Nå er hun så nervøs før eksamen at hun ikke får sove og sier hun 'kommer til å dø' av "
                  "muntligen. Kan hun få hjelp for angst?\"")
    assert not said.urgent
    assert triage("Hun sier hun kommer til å dø i kveld, har tatt pillene.").urgent


def test_pill_trays_that_run_out_too_fast_are_a_habit_not_pills_taken_now():
    said = triage("pas k 71, brukt Sobril og Imovane i mange år, økt forbruk etter hoftebrudd i høst, hjemmesykepleien "
                  "har sett at brettene går tomme fort. Hun vil trappe ned men er redd. Hvem kan hjelpe med nedtrapping?")
    assert not said.urgent
    assert triage("Dosetten er tom, hun har tatt alle pillene i kveld.").urgent


def test_violence_told_with_the_family_now_safe_away_from_it_is_a_reminder():
    said = triage("jente 11, mor fortel at far har slått mor fleire gonger og at jenta har sett det. Mor og borna bur no "
                  "hjå mormor, far er ute av huset og det er politimeldt. Jenta søv dårleg, har vondt i magen og er redd. "
                  "Kven bør eg kontakte – barnevernet? Har Strand eit eige team for vald?")
    assert said.level == "reminder"
    assert triage("Far slo mor i går kveld, jenta (11) er redd, far er hjemme nå.").urgent
    assert triage("Hun ble slått av mannen i går. Hun bor nå hos søsteren, men han truer med å komme dit i kveld.").urgent


def test_a_carer_who_will_give_her_the_pills_and_take_the_rest_himself_is_danger_now():
    said = triage("M88 ringer selv, stille og høflig. Kona har langtkommen demens, han har stelt henne alene i tre år. "
                  "«Jeg har bestemt meg, doktor. I kveld gir jeg henne pillene, og så tar jeg resten selv. Jeg ville bare "
                  "takke for alt dere har gjort.»")
    assert said.urgent
    assert not triage("Datteren gir far tablettene på ettermiddagen, og så tar jeg resten selv når jeg kommer fra "
                      "jobb.").urgent


def test_a_last_trip_with_no_one_to_wait_and_the_papers_laid_out_is_danger_now():
    said = triage("Svigersønnen ringe om han gamle (71): «Han har sakt te ongane at han ska ta sæ ein siste tur ud med "
                  "båden i natt, og at me ikkje treng å venta på han. Han e heilt rolige, har vaska båden og lagt fram "
                  "papirene på kjøkkenbordet.» Kona døde i fjor. Dei lure på om han kan få ein time hos dokteren snart.")
    assert said.urgent
    assert not triage("Han tar en siste tur på hytta før vinteren, vi trenger ikke vente på ham til middag.").urgent


def test_party_pills_with_fever_and_confusion_told_in_the_next_sentence_are_danger_now():
    said = triage("Kompis ringer fra russetreff: K18 tok to «molly»-kapsler for ca 2 t siden + mye sprit. Nå er hun "
                  "glovarm, forvirra, kjeven går, vil ikke drikke, har kasta opp og «rister».")
    assert said.urgent


def test_it_would_be_all_the_same_if_i_were_not_here_is_a_passive_wish_to_die():
    said = triage("M22, røyker weed daglig og vil slutte. Tenker nesten hver dag at «det hadde vært det samme om jeg ikke "
                  "var her», har hatt det sånn i flere år, men har aldri planlagt eller forsøkt noe.")
    assert said.level == "reminder"


def test_a_threat_said_as_a_joke_and_told_so_is_no_danger():
    said = triage("M28. Ble full på julebordet og sendte melding til sjefen om at han skulle «drepe» kollegaen som vant "
                  "quizen – intern spøk, kollegaen lo, ingen konflikt mellom dem. Lurer på om han drikker for mye.")
    assert not said.urgent
    assert triage("Han sa han skulle drepe henne i kveld, og det var ingen spøk.").urgent
    assert triage("pas sa på timen at han skal skyte sjefen i morgen, virka ikke som spøk, har våpenkort").urgent


def test_withdrawal_delirium_told_in_troendersk_is_danger_now():
    said = triage("Kona til pasienten ringe: Han e 60 år, har drukke tungt i tre vekka, slutta tvert i går morres fordi han "
                  "sku begynn på jobb. No skjelv han heilt, svette, prate med folk som ikkje e der og sir det kryp insekta "
                  "på veggen. Ka ska æ gjør?")
    assert said.urgent and "withdrawal" in said.families


def test_pills_that_will_kill_her_said_of_fourteen_medicines_is_a_worry_for_a_review():
    said = triage("Datter bekymret for mor (89) som står på 14 forskjellige piller – «alle disse pillene kommer til å ta "
                  "livet av henne». Mor er trøtt og svimmel om morgenen, falt på badet i forrige uke uten skade. Ønsker "
                  "legemiddelgjennomgang og multidose.")
    assert not said.urgent
    assert triage("Mannen sier han kommer til å ta livet av henne i kveld.").urgent


def test_so_many_pills_she_may_mix_them_up_is_a_request_for_a_pill_box():
    said = triage("mamma (78) tar så mange piller nå at jeg er redd hun skal blande dem 😅 trenger hun en sånn "
                  "dosett-greie eller multidose? kan hjemmesykepleien i Strand hjelpe til med det?")
    assert not said.urgent
    assert triage("mamma (78) har tatt så mange piller nå at hun er sløv, dosetten er tom.").urgent


def test_a_cut_finger_from_work_weeks_ago_is_an_injury_not_self_harm():
    said = triage("Henvisning ortopedi. Mann, 41 år, kokk. For seks uker siden skar han seg med kniv i venstre "
                  "pekefinger under arbeid, dyp kuttskade volart over PIP-leddet. Sydd på legevakten. Nå vedvarende "
                  "stivhet. Ønsker vurdering og evt. henvisning til håndterapeut.")
    assert not said.urgent
    assert triage("Hun har dype kutt i armen og fingrene i kveld, det blør mye.").urgent
    assert triage("Han skar seg med kniv i armen i natt, dyp kuttskade som gaper.").urgent


def test_a_toddlers_poisoning_the_poison_centre_judged_harmless_yesterday_is_settled():
    said = triage("Telefonnotat fra i går og i dag:\nI går kl. 17: Mor ringte. Jente 2 år har slikket og tygd litt på en "
                  "oppvaskmaskintablett, ikke svelget mer enn en smule. Mor ringte Giftinformasjonen, som vurderte det som "
                  "ufarlig i den mengden.\nI dag kl. 10: Mor ringer igjen. Jenta har spist og drukket normalt, ingen "
                  "oppkast. Mor lurer på om hun bør komme til kontroll.")
    assert not said.urgent
    assert triage("I går kl. 17: Jente 2 år har spist av oppvaskmaskintablettene. Hun kaster opp nå.").urgent
    assert triage("Han tok 40 paracet i kveld, og han sa det var ufarlig.").urgent
    assert not triage("Mor til G3: han smakte på en oppvasktablett for tre dager siden og spyttet ut. Hun ringte "
                      "Giftinformasjonen da og fikk beskjed om at det var ufarlig. Han har vært helt upåvirket siden.").urgent
    assert triage("Han tok 40 paracet i kveld og fikk beskjed av kompisen om at det var ufarlig.").urgent


def test_the_method_of_a_brothers_suicide_told_after_it_is_bereavement():
    said = triage("Kvinne, 34 år. Broren hennar tok livet sitt i februar, hengde seg i løa på garden. Ho fann han. "
                  "Sidan då søvnvanskar og mareritt. Ho har ikkje sjølv tankar om å ta livet sitt. Ønskjer ei gruppe for "
                  "etterlatne.")
    assert said.level == "reminder"
    assert triage("Broren tok livet sitt i fjor, hengde seg nå i natt.").urgent
    assert triage("Broren tok livet sitt i fjor, og hun har kjøpt tau i dag.").urgent


def test_an_old_epicrisis_pasted_in_quotes_and_dated_is_history():
    old = ("«Kvinne, 23 år. Innlagt etter intoksikasjon med paracetamol med suicidal hensikt. Vurderes fortsatt å ha høy "
           "selvmordsrisiko ved overflytting.»")
    after = triage(f"Paster inn epikrise:\n{old}\nDet ovenstående er fra 2009. Stabil i over ti år, ingen "
                   "selvmordstanker nå. Hva bør jeg være oppmerksom på etter fødselen?")
    before = triage(f"Paster inn eldre epikrise fra journalen:\n{old}\nStabil i over ti år, ingen selvmordstanker nå.")
    assert after.level == before.level == "reminder"
    assert triage(f"Paster inn epikrise fra i går:\n{old}\nHva gjør jeg nå?").urgent
    assert triage(f"Paster inn epikrise:\n{old}\nDet ovenstående er fra i dag.").urgent


def test_a_woman_with_dementia_misspelt_missing_outdoors_in_the_night_is_danger_now():
    said = triage("hjemesykeplien ringr: k 89 demnes har gått ut av huset i natt i pysjamas og tøfler, -12 ute, ikke "
                  "funnet etter 2 timr, mannen hennes sitter og venter")
    assert said.urgent
    assert not triage("k 89 med demens gikk ut i hagen i ettermiddag, mannen var med henne hele tiden.").urgent


def test_a_dose_asked_so_as_not_to_risk_an_overdose_is_no_overdose():
    said = triage("Datter spør hva som er trygg maksdose paracetamol for mor 90 år, 48 kg. Vil ikke risikere overdose "
                  "eller leverskade. Mor tar nå 500 mg x 2.")
    assert not said.urgent
    assert triage("Mor 90 år har tatt en overdose paracetamol i natt, hun er sløv nå.").urgent


def test_ghb_stopped_yesterday_with_a_racing_pulse_and_people_not_there_is_withdrawal_now():
    said = triage("Pasient (M29) har brukt GHB fleire gonger i døgnet i månadar, slutta tvert i går fordi han ikkje fekk "
                  "tak i meir. No er han sveitt, puls 130, skjelv, er redd og ser folk i rommet som ikkje er der.")
    assert said.urgent and "withdrawal" in said.families
    assert not triage("Han brukte GHB i fjor, slutta i går med snusen og har det fint.").urgent


def test_a_threat_weeks_ago_with_none_since_is_a_reminder():
    said = triage("M27. Truga broren med kniv på ein fest for tre veker sidan medan han var rusa. Politiet kom, saka er "
                  "meld. Ingen trugsmål sidan, broren seier han ikkje er redd.")
    assert said.level == "reminder"
    assert triage("M27. Truga broren med kniv for tre veker sidan. Ingen trugsmål sidan, men i dag truga han mor med "
                  "kniv.").urgent
    assert triage("Truga broren med kniv på ein fest i går. Han har sagt at det kjem nye trugsmål.").urgent


def test_a_conditional_threat_said_laughing_is_a_figure_of_speech_but_a_partners_is_not():
    said = triage("K41, lærer, utbrent. «rektor kommer til å ta livet av meg hvis jeg sykmelder meg igjen», sier hun og "
                  "ler. Nekter for suicidal- og voldstanker.")
    assert not said.urgent
    assert not triage("«Kjerringa sei ho ska kverke mæ om æ ikke slutte å snorke», sier pas og flirer.").urgent
    assert triage("Hun sier mannen kommer til å drepe meg hvis jeg går fra ham.").urgent
    assert triage("Han sier han kommer til å drepe meg hvis jeg forteller det til noen, og han ler ikke.").urgent


def test_an_attempt_that_brought_a_stay_now_ended_is_a_reminder_unless_a_new_plan_is_told():
    said = triage("Mann 41, skriven ut frå SUS for ei veke sidan etter sjølvmordsforsøk (avbrote). No ikkje suicidal, har "
                  "kriseplan, time ved DPS om fire veker.")
    assert said.level == "reminder"
    assert triage("Jente 17, innlagd etter intox med Paracet for tre veker sidan, utskriven i går. Seier i dag på "
                  "helsestasjonen at ho angrar på at dei fann henne, og at ho har planlagt å prøve igjen når foreldra "
                  "reiser på hyttetur i helga.").urgent
    assert triage("Utskrevet i går etter overdose, og i dag har hun tatt 20 Paracet igjen.").urgent


def test_bruises_on_a_childs_ears_and_upper_arms_are_danger_now():
    said = triage("Gutt 7 år, mor kommer med ham for hoste. Armbruddet for tre uker siden skulle være fordi han «falt i "
                  "trappa». I dag nye blåmerker på ørene og overarmene. Mor benekter at noe har skjedd hjemme.")
    assert said.urgent
    assert triage("Kvinne 40, falt på ski, blåmerker på kinnet, barna er med.").level == "reminder"


def test_a_mother_collapsed_in_grief_and_care_had_after_an_assault_are_no_danger_now():
    assert triage("Far (48) til ein gut på 19 som tok sitt eige liv for ti dagar sidan. Far søv ikkje, mor har kollapsa "
                  "heilt. Kva oppfølging finst for etterlatne?").level == "reminder"
    assert triage("Han kollapsa på badet i kveld og puster dårleg.").urgent
    assert not triage("Jente 19, utsatt for voldtekt for 5 mnd siden, fulgt opp av overgrepsmottaket i Stavanger akutt. "
                      "Nå mareritt. Ikke suicidal.").urgent


def test_meaning_to_try_again_after_an_overdose_is_danger_now():
    assert triage("Overdose i fjor. Nå sier hun at hun skal prøve igjen i helga.").urgent
    assert triage("Etter forsøket i mars sier hun nå at hun skal gjøre det igjen.").urgent
    assert not triage("Hun strøk på eksamen i fjor og skal prøve igjen i vår, ingen selvmordstanker.").urgent
    assert not triage("Han har forsøkt å slutte med snus og skal prøve igjen etter jul.").urgent


def test_methotrexate_taken_daily_instead_of_weekly_is_a_poisoning():
    assert triage("pas k 67 m RA, har tatt metotreksat 10mg HVER dag istedet for 1 gang i uka siden forige tirsdag "
                  "(misforstått dosett?), nå sår munn, feber 38,9.").urgent
    assert not triage("Tar metotreksat hver uke, kvalm dagen etter, feil å ta det om kvelden?").urgent


def test_a_toddler_who_takes_the_life_of_his_mother_is_a_sigh_and_an_old_carers_fear_is_no_wish_to_die():
    assert not triage("Mor til 3-åring sier «han tar livet av meg», trass og raserianfall hele dagen.").urgent
    assert not triage("Far 74 er eneste omsorgsperson for sønnen med schizofreni, har fått hjertesvikt og er redd for "
                      "hva som skjer med sønnen «når jeg ikke er her lenger».").urgent
    assert triage("Jeg vil ikke være her lenger, når jeg ikke er her lenger får de det bedre.").urgent


def test_not_answering_the_phone_worsens_what_it_names_not_a_psychosis_outreach_is_asked_for():
    said = triage("Søster ringer på vegne av bror 34: schizofreni og amfetamin, har sluttet å møte på DPS, leiligheten "
                  "forfaller og han svarer ikke på telefon. Ingen trusler eller vold. Kan noen oppsøke han hjemme?")
    assert said.level == "reminder"
    assert triage("Han er psykotisk, sitter stiv i sofaen og svarer ikke når vi snakker til ham.").urgent
    assert triage("Hun har sagt hun vil ta livet sitt og svarer ikke på telefon i kveld.").urgent


def test_so_many_pills_she_gets_confused_with_a_pill_box_asked_for_is_a_request_for_a_review():
    assert not triage("Dame 84, «har så mange piller at jeg blir helt forvirret» – elleve faste medikamenter. Hun ønsker "
                      "multidose eller dosett fra hjemmesykepleien.").urgent
    assert triage("Hun har tatt så mange piller at hun er helt forvirret nå, dosetten er tom.").urgent


def test_a_parents_use_told_as_why_a_grandmother_cares_for_the_boy_is_no_poisoning():
    assert not triage("bestemor har omsorg for barnebarnet gt 13 etter at mor ruser seg (heroin, har vært i LAR). Gutten "
                      "sover dårlig, mye sinne.").urgent
    assert triage("Mor ruser seg, og 3-åringen har fått i seg metadonen hennes i kveld.").urgent


def test_no_overdose_taken_is_denied_and_a_volunteer_who_hears_of_suicide_is_not_in_danger():
    assert not triage("M63 vil trappe ned sobril 10mg x3. Aldri tatt overdos, aldri hatt tanker om det.").urgent
    assert triage("Hun har tatt overdose i kveld.").urgent
    assert not triage("F29, jobber frivillig på en krisetelefon og hører om selvmord og selvskading nesten hver vakt. "
                      "Ingen egne tanker om å skade seg.").urgent
    assert triage("Hun hører stemmer som snakker om selvmord i kveld.").urgent


def test_a_programme_for_those_who_use_violence_named_is_no_violence_now():
    said = triage("M40 ber om hjelp for sinne. Slo samboeren for tre år sia, politianmeldt, ingen episoder etterpå og de "
                  "bor ikke sammen lenger. Ønsker Alternativ til Vold eller noe tilsvarende.")
    assert said.level == "reminder"


def test_a_year_gone_by_as_a_heading_dates_what_it_heads():
    said = triage("Limt inn fra journal:\n2016: Overdoseforsøk med paracetamol, innlagt, deretter DPS poliklinikk i ett "
                  "år. Ingen nye forsøk siden.\nI dag: K41, innsovningsvansker, stabil. Benekter suicidtanker.")
    assert said.level == "reminder"
    assert triage("2016: innlagt etter overdose.\nI dag: har tatt 30 Paracet i natt.").urgent


def test_a_wife_who_cannot_go_on_and_asks_for_someone_to_come_home_to_him_is_a_carers_strain():
    assert not triage("Kona møter alene, bekymret for ektemann med schizofreni. Hun orker ikke mer og spør om det finnes "
                      "noen som kan komme hjem til ham.").urgent
    assert triage("Bruker 81 år har sluttet å spise, sier at han ikke vil mer og ber oss slutte å komme.").urgent


def test_a_drunk_man_with_a_bruise_behind_the_ear_and_unequal_pupils_is_bleeding_in_the_head():
    assert triage("M45 brakt inn av politiet, lukter alkohol og er uklar. Han har et hematom bak venstre øre og har "
                  "kastet opp.").urgent
    assert triage("Full og sløv etter fest, ulike pupiller.").urgent
    assert not triage("Kjent anisokori siden barndommen, ellers frisk. Ønsker samtaler om angst.").urgent


def test_an_overdose_a_relative_learns_to_handle_should_one_come_is_no_overdose_now():
    assert not triage("Kommunen har kurs i nalokson for pårørende. Mor vil lære å håndtere en eventuell overdose hos "
                      "sønnen, som er stabil i LAR.").urgent
    assert triage("Mor ringer: sønnen har tatt en overdose og puster dårlig.").urgent


def test_no_point_in_living_said_in_dialect_is_a_thought_of_death():
    said = triage("Mann 40 drikk seg full i helgane og då kjem tanka om at det ikkje e vits å leve. Aldri prøvd nåke, "
                  "ingen plan, edru no. Vil ha hjelp med drikkinga.")
    assert said.level == "reminder"
    assert triage("Han seier det ikkje er vits å leve lenger og har skrive avskjedsbrev i kveld.").urgent


def test_a_mother_who_came_intoxicated_to_an_appointment_with_children_at_home_is_a_childs_reminder():
    said = triage("Sendte bekymringsmelding forrige uke om mor (LAR) med to barn etter at hun møtte ruset til time. "
                  "Barnevernet følger opp. Nå spør hun om foreldreveiledning.")
    assert said.level == "reminder" and "child" in said.families
    assert "child" not in triage("Mann 40 møtte ruset til time, ingen barn.").families


def test_cutting_at_lower_secondary_school_age_with_scars_left_and_none_since_is_a_reminder():
    said = triage("Jente 19, skar seg mykje i ungdomsskulealder, arr på begge armane, ikkje skada seg på tre år. Vil "
                  "fjerne arra med laser.")
    assert said.level == "reminder"
    assert triage("Jente 19 har kutta seg på begge armane i kveld, det blør mykje.").urgent


def test_a_girl_locked_in_the_bathroom_not_answering_after_razor_blades_were_found_is_danger_now():
    assert triage("mor ringer, datter 15 har låst seg inne på badet for en halvtime siden, svarer ikke. mor fant "
                  "barberblader og blodige papir i søpla på rommet hennes i dag, og hun har skrevet «orker ikke mer» på "
                  "snap").urgent
    assert not triage("Gutt 16 låser seg inne på rommet og svarer ikke når vi banker på, gamer hele natta. Hva finnes "
                      "for gaming?").urgent


def test_one_short_sentence_after_the_story_is_too_short_a_tail_to_judge_alone():
    assert not triage("Gutt 20 år fra Tau, sluttet på vg2 for to år siden, bor fortsatt hjemme, gamer det meste av "
                      "døgnet og går nesten ikke ut. Lett sosial angst, ingen rus. Registrert arbeidssøker hos NAV men "
                      "ingenting skjer. Han sier ja til skole eller jobb hvis det er lite folk. Hva finnes i Strand?").urgent


def test_hit_today_and_bleeding_is_violence_now_by_the_rules():
    assert by_rules("Kona forteller at han er mer urolig. I dag har han slått henne flere ganger i ansiktet, hun har "
                    "blødd neseblod og har et kutt over øyet.").urgent
    assert not by_rules("Hun forteller at eksmannen slo henne for ti år siden. I dag har hun det bra.").urgent


def test_a_brothers_suicide_told_with_the_verb_first_is_bereavement():
    said = triage("Som du vet tok broren min livet sitt i januar. Jeg har ikke selvmordstanker selv. Kan sykmeldingen "
                  "forlenges?")
    assert said.level == "reminder" and "bereaved" in said.families


def test_what_the_poison_centre_said_was_harmless_is_settled():
    said = triage("Datteren vår (2 år) fikk i seg en silica gel-pose i går. Vi ringte Giftinformasjonen med en gang, og "
                  "de sa at det er ufarlig. Hun har vært helt som vanlig.")
    assert not said.urgent
    assert triage("Datteren vår (2 år) har spist tabletter fra mormors dosett nå, vi ringte Giftinformasjonen.").urgent


def test_attacks_counted_this_month_and_pills_running_out_are_a_renewal():
    assert not triage("Denne migrenen tar livet av meg. Har hatt 6 anfall denne måneden. Sumatriptan virker, men jeg går "
                      "tom for tabletter før månedsslutt. Kan jeg få resept på flere?").urgent
    assert triage("Han drakk hver dag til i går og har hatt kramper i natt.").urgent


def test_money_taken_from_an_old_woman_is_a_reminder_of_abuse():
    said = triage("K85: i vår meldte hjemmetjenesten mistanke om økonomisk utnyttelse fra en nevø. Saken er anmeldt, "
                  "og hun er trygg nå. Hvordan søker vi om vergemål?")
    assert said.level == "reminder"


def test_a_method_not_thought_of_makes_passive_death_wishes_no_worse():
    said = triage("J 17, passive dødsønsker i mnd, «tenker ofte at det hadde vært lettere å ikke finnes», men ingen plan, "
                  "ingen forsøk, har ikke tenkt på metode. Ønsker legeerklæring til skolen.")
    assert said.level == "reminder"
    assert triage("J 17, dødsønsker, har tenkt på metode og skaffet seg tabletter.").urgent


def test_killing_me_if_she_finds_out_is_a_figure_of_speech():
    assert not triage("Mor ringer på vegne av datter 16 som vil starte på p-piller. «Hun kommer til å drepe meg hvis hun "
                      "får vite at jeg har ringt dere.»").urgent
    assert triage("Jente 16: «jeg kommer til å drepe meg i kveld».").urgent


def test_a_parents_fear_of_what_someone_might_do_at_a_party_is_no_danger_now():
    assert not triage("Mor ringjer. Dottera (17) skal på russetreff i helga. Mor er «livredd» for at nokon skal putte noko "
                      "i drinken hennar eller at ho skal bli valdteken. Ingenting har hendt.").urgent
    assert triage("Dottera (17) vart valdteken på russetreff i natt.").urgent


def test_threats_the_police_took_up_last_autumn_are_a_reminder():
    said = triage("Gutt 14, ble mobbet og truet med juling på Snapchat i fjor høst. Politiet tok saken, og de som truet "
                  "har flyttet til en annen skole. Familien sier det er rolig nå.")
    assert said.level == "reminder"


def test_suicidality_an_opponent_claims_in_a_custody_case_is_no_danger_now():
    assert not triage("K38 i barnefordelingssak. Advokaten til eksen påstår at ho er «suicidal og farleg for ungane». "
                      "Stemmer ikkje: ingen tidlegare sjølvmordsforsøk, ingen psykisk liding.").urgent
    assert triage("Kona påstår at han har tatt 30 Paracet i kveld.").urgent


def test_a_wait_of_half_a_year_and_being_put_out_of_the_home_are_no_danger_now():
    assert not triage("Kvinne 41, moderat depresjon. Eg har høyrt at tildelinga tek lang tid. Ho kan ikkje venta eit "
                      "halvt år.").urgent
    assert not triage("Mann 45, alkoholavhengig, sambuaren kasta han ut i helga. Søv i bilen sidan måndag. Ikkje "
                      "suicidal.").urgent
    assert "violence" in triage("Samboeren kastet henne i veggen i går.").families


def test_a_last_hunt_alone_with_a_rifle_after_selling_the_boat_is_a_farewell():
    assert triage("M58 ringer og vil ha legeattest til fornyelse av våpenkort for rifla «før helga». Kona døde i mars. "
                  "Han har solgt båten og sagt opp strømmen på hytta, og sier han skal på «en siste jakttur alene» til "
                  "helga. Rolig stemme. Det er ingen jakt åpen nå.").urgent
    assert not triage("M58 vil ha legeattest til våpenkort. Ellers frisk, jakter elg hver høst.").urgent


def test_a_friend_found_blue_and_hardly_breathing_and_given_naloxone_is_danger_now():
    assert triage("Søknad LAR, utkast: M31, injisert heroin i ca. 10 år, flere avrusninger, siste på Lurud/SUS i fjor. "
                  "Ønsker metadon eller buprenorfin, har stabil bolig via kommunen, NAV-kontakt etablert, ansvarsgruppe "
                  "planlagt. Hep C behandlet 2022. --- Avbrutt: kameraten hans ringer nettopp. Fant ham i trappeoppgangen "
                  "for 20 min siden, blå og nesten ikke pust, ga to doser nalokson nesespray og han våknet. Nå er han sur, "
                  "nekter ambulanse og vil bare gå hjem og sove. Kameraten spør om det er greit.").urgent


def test_a_gun_posted_with_the_canteen_tomorrow_and_classmates_named_is_a_threat_to_a_school():
    assert triage("Gutt 14 har lagt ut bilde av farens pistol på Snap med teksten «som i filmen – i morgen blir det "
                  "action i kantina» og navnene på tre medelever.").urgent
    assert not triage("Gutt 14 har sett en film om skoleskyting og lurer på om det kan skje på skolen. Engstelig.").urgent


def test_a_fathers_positive_drug_tests_with_his_boy_every_other_week_is_a_childs_reminder():
    said = triage("Helsesykepleier er bekymret: far (LAR-pasient) har hatt positive urinprøver på benzodiazepiner, og "
                  "gutten, som bor hos far annenhver uke, sier at pappa sover mye. Ingen konkrete hendelser.")
    assert said.level == "reminder" and "child" in said.families
    assert "child" not in triage("M40 i LAR, positive urinprøver på benzo siste måned, ingen barn.").families


def test_a_concrete_plan_with_a_gun_at_home_is_danger_now_but_plans_for_the_future_are_hope():
    assert triage("ssmt m konkret plan, hagle hjemme, vil ikke gi fra seg nøkkel til våpenskapet. M 60").urgent
    said = triage("K 34, tok overdose for seks uker siden, innlagt. I dag: ingen selvmordstanker, konkrete planer for "
                  "framtida. Hun spør om IPS.")
    assert not said.urgent


def test_a_four_year_olds_i_will_kill_you_at_her_brother_is_a_tantrum():
    assert not triage("Mor til jente 4 år og gutt 2 år ønsker foreldreveiledning. Jenta får raserianfall og roper «jeg "
                      "skal drepe deg!» til lillebror når han tar lekene hennes. Ingen skader.").urgent
    assert triage("Samboeren sa i går at han skal drepe henne om hun går, og hun skal hjem til ham i kveld.").urgent


def test_admitted_with_withdrawal_delirium_weeks_ago_and_sober_now_is_a_reminder():
    said = triage("P15. Mann 70, enkemann, har drukket daglig. Innlagt SUS med abstinensdelir for 3 uker siden, nå "
                  "utskrevet og edru, motivert men redd for å sprekke.")
    assert not said.urgent
    assert triage("Han er innlagt med abstinensdelir, men er nå rømt fra avdelingen og skjelver kraftig.").urgent


def test_a_denial_carries_over_el_short_for_eller():
    assert not triage("K38, utbrent, sykmeldt. Spurt direkte: ingen dødsønsker el. suicidaltanker. Ønsker samtaler.").urgent
    assert triage("K38, utbrent. Har dødsønsker el. suicidaltanker hver dag nå, har plan.").urgent


def test_doing_it_tonight_with_a_shotgun_fetched_said_in_dialect_is_danger_now():
    assert by_rules("Søstera ringte: bror (M50) sa at han ska gjørr det i natt, han har henta hagla og e aleina.").urgent
    assert by_rules("Sa han skal gjøre det i kveld, geværet står framme.").urgent


def test_a_gun_laid_out_with_cartridges_and_the_night_named_is_danger_now():
    assert triage("KOLS-kontroll, M70. Til slutt seier han at han har lagt fram hagla og patronane på stuebordet, og at "
                  "«det blir i kveld».").urgent
    assert triage("M70 har lagt fram rifla og patronene på kjøkkenbordet.").urgent
    assert not triage("Møtet i ansvarsgruppa blir i kveld, han gruer seg.").urgent


def test_an_epicrisis_that_dates_an_attempt_by_the_year_of_the_referral_is_history():
    said = triage("Kvinne 39, henvist 2020 etter innleggelse for paracetamolforgiftning (suicidalforsøk). Ønsker "
                  "fysioterapi for nakken.")
    assert not said.urgent and said.level == "reminder"
    assert triage("Kvinne 39, henvist i dag etter paracetamolforgiftning (suicidalforsøk) i natt.").urgent


def test_a_year_after_another_heading_dates_the_rest_of_its_line():
    said = triage("K40, ny på lista.\nFra gammel journal: 2018: Blåmerker på halsen etter vold fra daværende mann. "
                  "Krisesenter i to uker.\nI dag: trygg, ingen kontakt. Ønsker traumebehandling.")
    assert not said.urgent and said.level == "reminder"
    assert triage("K40.\nFra legevakt: I natt: Blåmerker på halsen etter vold fra mannen, skal hjem til ham.").urgent


def test_a_cook_standing_with_a_knife_cutting_vegetables_is_at_work():
    assert not triage("M31 kokk, står med kniv og skjærer kjøtt hele dagen, vondt i håndleddet.").urgent
    assert not triage("M31 kokk, står med kniv og hakker grønnsaker ti timer daglig, tendinitt.").urgent
    assert triage("Naboen står med kniv i oppgangen og truer kona.").urgent


def test_a_full_pill_organiser_and_a_rope_round_a_hand_at_work_are_no_danger():
    assert not triage("Sønnen ringer om far (M84) som bor alene: dosetten er full flere dager på rad, han glemmer "
                      "medisinene. Ønsker multidose.").urgent
    assert not triage("Bonde M48 fikk tauet viklet rundt hånda i fjøset for ei veke sidan, framleis stiv. "
                      "Fysioterapi?").urgent
    assert triage("Dosetten er tom, hun har tatt alle pillene for hele uka i kveld.").urgent


def test_violent_video_games_and_killing_friends_online_are_no_violence():
    assert not triage("Far til gutt 14 lurer: sønnen spiller voldelige skytespill hele natta og «dreper» kompiser på nett. "
                      "Ingen vold. Skolevegring?").urgent
    assert triage("Gutt 14 har truet med å drepe en klassekamerat i morgen, har kniv.").urgent


def test_many_regular_medicines_are_polypharmacy_not_an_overdose():
    assert not triage("K85 tar en haug med piller, 12 faste legemidler, ønsker legemiddelgjennomgang.").urgent
    assert triage("K85 har tatt en haug med piller i kveld, er sløv.").urgent


def test_a_violent_childhood_told_is_history_and_violence_now_stays_danger():
    said = triage("M 41, vokste opp med en voldelig far (slag, trusler med kniv), faren er død. Ingen vold nå. Mareritt. "
                  "Traumebehandling?")
    assert not said.urgent and said.level == "reminder"
    assert triage("Vokste opp med en voldelig far, og nå truer samboeren henne med kniv. Hun tør ikke dra hjem i "
                  "kveld.").urgent


def test_digoxin_with_confusion_yellow_vision_or_a_slow_pulse_is_poisoning():
    assert triage("Sønn ringer om far (M88) på digoksin: kvalm i to dager, forvirret og ser alt gulgrønt.").urgent
    assert triage("K90 bruker digoksin, hjemmesykepleien måler puls 36, kvalm og slapp.").urgent
    assert not triage("K90 bruker digoksin for atrieflimmer, stabil. Ønsker fornyelse av resepten.").urgent


def test_a_button_battery_missing_near_a_toddler_is_poisoning():
    assert triage("Mor ringer: sønnen (1 år) lekte med fjernkontrollen, et av batteriene mangler, og hun tror han har "
                  "svelget det.").urgent
    assert triage("Gutt 3 år har kanskje fått i seg noe: en av de små magnetene fra spillet er borte.").urgent
    assert not triage("Far spør om batteriene i høreapparatet til bestefar kan resirkuleres.").urgent


def test_wishing_not_to_wake_up_for_years_without_a_plan_is_a_reminder():
    said = triage("M78, sier at han gjerne ikke skulle våknet om morgenen, har sagt det i mange år. Ingen planer. "
                  "Ønsker samtaler.")
    assert not said.urgent and said.level == "reminder"


def test_beaten_for_years_in_nynorsk_by_a_man_now_dead_is_a_reminder():
    said = triage("Kvinne 79, vart slegen av mannen i mange år. Han døydde i 2015, ho bur trygt åleine no. Mareritt.")
    assert not said.urgent and said.level == "reminder"


def test_hanging_from_rings_in_gymnastics_is_no_hanging():
    assert not triage("Jente 14, turn, vondt i albuen etter henging i ringer og på bommen. Fysioterapi?").urgent
    assert triage("Funnet etter henging i garasjen, lever, puster.").urgent


def test_a_death_the_police_judged_a_suicide_is_bereavement():
    said = triage("Far (60) til en jente som døde i fjor, politiet konkluderte med at det var selvmord. Han sover dårlig, "
                  "ingen tanker om å skade seg selv. Sorggruppe?")
    assert not said.urgent and said.level == "reminder"


def test_a_laughing_joke_about_killing_the_boss_is_no_threat():
    assert not triage("M50, sliten. Sa og flirte: «jeg kommer til å drepe sjefen hvis han kaller inn til ett møte til». "
                      "Ønsker samtaler.").urgent
    assert triage("M50 har sagt at han skal drepe sjefen hvis han får sparken i morgen, har våpen hjemme.").urgent


def test_a_teenagers_rage_over_a_phone_taken_away_is_no_psychosis_or_threat():
    assert not triage("Far ringer: sønnen 15 «blir helt psykotisk» når han må legge bort PC-en, og roper «jeg dreper deg om du "
                      "tar den». Ellers fungerer han. Råd om skjermtid?").urgent
    assert triage("Sønnen 15 er psykotisk, hører stemmer som sier han skal drepe faren, og står med kniv nå.").urgent


def test_a_note_of_several_headings_pasted_as_one_line_keeps_its_history_to_each_sentence():
    note = ("Notat. M33. Bakgrunn: ADHD. Somatisk: BT 130/80, puls 90. Rusanamnese: hasj i helgene, ingen andre stoffer. "
            "Ønsker sovemedisin. Mot slutten forteller han at stemmene sier han må straffe naboen, og at han har en kniv "
            "klar i gangen.")
    assert triage(note).urgent
    assert not triage("Epikrise: innlagt 2019 for psykose med stemmer som sa han måtte skade seg. Stabil siden, i jobb, "
                      "ønsker henvisning til fysioterapeut.").urgent
    # two headings, one of them after a code in the sentence before («P18. Vurdering: …»), are no flattened note
    assert not triage("Anamnese: Mann 70, pensjonist, bor alene. Siste år økende bruk av Sobril og Imovane, i tillegg 4 "
                      "pils daglig. Datter forteller om fall og at han er uklar på ettermiddagen. P18. Vurdering: "
                      "medikamentmisbruk hos eldre. Hva finnes?").urgent


def test_the_farm_or_the_firm_that_is_killing_me_is_a_figure_of_speech():
    assert not triage("M40, bonde, sliten. Seier at «gardsdrifta tek livet av meg». Ingen tankar om sjølvmord.").urgent
    assert not triage("K50 driver egen butikk: «butikken tar livet av meg», sover dårlig, ingen suicidale tanker.").urgent


def test_a_wish_to_be_run_over_is_a_passive_wish_to_die():
    said = triage("M47 sa «skulle ønske en trailer tok meg på E39» – har hatt slike tanker av og til siste året, aldri "
                  "planer, aldri forsøk.")
    assert said.level == "reminder" and "suicide" in said.families
    assert triage("Han sier han skulle ønske en trailer tok ham på vei hjem i dag.").level == "acute"


@pytest.mark.parametrize("text", [
    "Sykepleier K41 sier turnusen er «et rent selvmordsoppdrag». Utslitt, sover 5 timer. Ønsker samtaler.",
    "Ifølge henne har han pustestopp om natta, snorker og er trøtt på dagtid.",
])
def test_a_figure_of_speech_and_sleep_apnoea_are_no_alarm(text):
    assert triage(text).level == "none"


def test_breathing_that_stops_after_a_drug_stays_acute_however_he_snores():
    assert triage("Han fikk pustestopp i natt etter metadon, snorker tungt nå").level == "acute"
    assert triage("Han har pustestopp om natta etter at han tok 10 sobril, snorker").level == "acute"


def test_an_eating_disorder_at_a_low_weight_is_a_reminder_of_the_bodys_risk():
    low = triage("K26, langvarig anoreksi, innlagt to ganger pga lav vekt. Nå KMI 16,8, stabil siste året. Puls 54, "
                 "elektrolytter normale. Ønsker tettere oppfølging.")
    assert low.level == "reminder" and "eating" in low.families
    assert triage("Jente 17 med spiseforstyrrelse, vektstabil, BMI 18, ingen somatiske faresignaler.").level == "none"
    assert triage("Kontroll, BMI 16, frisk ellers, ønsker å gå opp i vekt").level == "none"


def test_a_plan_for_tonight_in_northern_dialect_with_a_rope_in_the_car_is_acute():
    note = ("Notat fra legevakt (kopiert):\nTidl.: Depresjon 2018. «Ikke suicidal» ved kontroll i mars.\n"
            "I dag: Pas. sier: «Æ har fått nok no. Æ har skrevve brev tel ungan, og tauet ligg i bilen. Æ ska gjør det "
            "i natt.»\nSpm.: ROP-team eller DPS?")
    assert by_rules(note).level == "acute"
    assert by_rules("Han sier tauet ligger i bagasjerommet.").level == "acute"


def test_insulin_given_by_home_nursing_is_daily_care_and_an_overdose_of_it_is_not():
    assert triage("Diabetes type 2, hjemmesykepleie for insulin. Bor alene, samboer flyttet ut.").level == "none"
    assert triage("Diabetes type 2, hjemmesykepleie for insulin, men han tok alt insulinet i går kveld og er uklar "
                  "nå.").urgent


def test_a_parent_in_psychosis_who_says_her_child_has_been_swapped_is_acute():
    said = triage("Barnehagen ringer: mor til jente 4 år (kjent schizofreni, sluttet med medisinene i sommer) sa ved "
                  "henting at datteren «ikke er hennes ekte barn lenger, hun er byttet ut». De to er alene hjemme nå.")
    assert said.urgent and "psychosis" in said.families
    assert not triage("Mor sier datteren ikke er hennes egentlige barn, hun er adoptert og har spørsmål om "
                      "tilknytning.").urgent


@pytest.mark.parametrize("text", [
    "Mann 67 med KOLS vil slutte å røykje, seier sjølv at «sigarettane tek livet av meg». Finst det røykesluttkurs?",
    "Mor sei at «han der kjem te å ta livet av mæ», sønnen på 15 gamer heile natta og nekte å stå opp te skolen.",
    "Hun vil at hele familien skal være med i møter rundt ham, så behandlingen ikke bare skjer «bak lukkede dører».",
])
def test_sighs_over_habits_and_teenagers_and_closed_doors_are_no_alarm(text):
    assert not triage(text).urgent


def test_a_son_who_will_be_the_death_of_her_after_a_blow_stays_acute():
    assert triage("Han kommer til å ta livet av meg, sier hun om sønnen på 17 som slo henne i går etter at hun tok fra "
                  "ham pcen.").urgent


def test_a_place_that_says_now_is_dated_by_the_time_right_after_it():
    old = by_rules("Helsesekretæren ble slått i ansiktet av en ruset pasient i resepsjonen i fjor høst. Saken er anmeldt.")
    assert old.level == "reminder"
    assert triage("Han slo henne i venterommet nå.").urgent


def test_a_toddler_who_drank_lamp_oil_and_turns_blue_in_dialect_is_acute():
    said = triage("Mor ringe: veslegutten på 2 år har drokke lampeolje frå ei flaska, han hoste og e tongpusta no, og "
                  "litt blåleg rondt munnen.")
    assert said.urgent and {"poisoning", "vital"} <= set(said.families)


def test_no_point_in_living_said_in_northern_dialect_for_years_without_a_plan_is_a_reminder():
    said = triage("Æ har i mange år tenkt at det ikkje e nå vits å leve, særlig om kveldan. Men æ har aldri gjort "
                  "nåkka, har ingen plan, og æ har hunden å ta vare på.")
    assert said.level == "reminder" and "suicide" in said.families


def test_a_grown_son_who_lives_alone_is_no_child_left_alone():
    grown = by_rules("Mor ringer om sonen (24) med schizofreni som bur aleine i kommunal leilegheit. Han vil ikkje til "
                     "legen sjølv.")
    assert grown.level == "reminder" and "child" not in grown.families
    assert triage("Mor ringer: sønnen på 6 er alene hjemme, hun er på fylla.").urgent


def test_a_pupils_school_project_on_suicide_prevention_is_no_alarm_unless_she_tells_her_own_plan():
    assert not triage("Jente 16 skriver fordypningsoppgave om selvmordsforebygging og vil intervjue fastlegen om hvordan "
                      "man spør ungdom om selvmordstanker. Ingen egne tanker om selvmord.").urgent
    assert triage("Jente 16 skriver fordypningsoppgave om selvmord, og sier hun selv har selvmordstanker og har planlagt "
                  "å ta tabletter i kveld.").urgent


def test_signs_of_postpartum_psychosis_count_with_the_birth_told_anywhere_in_the_note():
    note = ("Melding fra jordmor: besøkte K29 dag 10 etter fødsel. Hun har ikke sovet på tre netter. Rastløs, sa at "
            "barnet «egentlig ikke er hennes».")
    assert triage(note).urgent and "psychosis" in triage(note).families
    assert not triage("Kvinne 40, to fødsler. Ikke sovet to netter før eksamen, ellers fin.").urgent


@pytest.mark.parametrize("text", [
    "Han roper at han skal drepe lillebror – i Minecraft, altså; han er ikke voldelig ellers.",
    "Mor te gutt på 9 sie han truer med å drepe alle sammen - i Fortnite. Han sitte oppe te langt på natt me spel.",
])
def test_a_game_added_after_a_dash_still_makes_the_killing_a_game(text):
    assert not triage(text).urgent


@pytest.mark.parametrize("text", ["Han sier han skal ta livet sitt – i natt.",
                                  "Han har tenkt på å drepe kona - i kveld, med kniv.",
                                  "Ingen selvmordstanker – i dag sier hun at hun vil dø."])
def test_a_time_added_after_a_dash_keeps_the_danger(text):
    assert triage(text).urgent


def test_no_need_for_emergency_help_denies_it():
    assert not triage("Vurdering: alkoholavhengighet F10.2, ikke behov for ø-hjelp. Ønsker poliklinisk behandling.").urgent
    assert triage("Vurdering: suicidal med plan, behov for ø-hjelp.").urgent


def test_nynorsk_skore_is_a_cut():
    found = triage("Jente 17, har skore seg på armane tidlegare, sist for eitt år sidan. No stabil.")
    assert found.level == "reminder" and "selfharm" in found.families
    assert triage("Fann han i garasjen, fekk skore han ned frå tauet, han pustar.").urgent


@pytest.mark.parametrize("text", [
    "M47 drikker 1-1,5 flaske vin daglig, litt morgenskjelving siste uka, men aldri kramper eller hallusinasjoner.",
    "Mann 50 drikker daglig og har abstinenser om morgenen, vil trappe ned.",
    "Kokk 45, skjelver om morgenen, drikker 6–8 øl hver kveld, vil kutte ned selv.",
])
def test_early_withdrawal_in_a_drinker_is_a_reminder_to_plan_the_detox(text):
    found = triage(text)
    assert found.level == "reminder" and "withdrawal" in found.families


@pytest.mark.parametrize("text", ["M45 alkoholavhengig vil slutte, ingen abstinens nå, poliklinisk tilbud?",
                                  "Mann 50 drikker daglig, har ikke abstinenser, vil kutte ned."])
def test_withdrawal_denied_needs_no_reminder(text):
    assert triage(text).level == "none"


def test_overdoses_and_attempts_met_at_work_are_no_alarm():
    assert not triage("Pasienten er sykepleier på akuttmottaket og har håndtert mange overdoser og selvmordsforsøk i det "
                      "siste. Hun er sliten, men har ingen tanker om å skade seg selv.").urgent
    assert not triage("Ambulansearbeider, har sett mange selvmord, mareritt og dårlig søvn.").urgent
    assert triage("Har tatt mange overdoser siste året, tok en i natt.").urgent
    assert triage("far til jente 14 ringer. hun har sett mye om selvmord på tiktok og spurt ham om det, ingen tegn til "
                  "at hun selv er i fare iflg han, men han er urolig.").level == "reminder"


def test_the_gps_own_not_acute_makes_a_delusion_a_reminder():
    note = ("Kvinne 81, begynnende Alzheimer. Tror naboen stjeler fra henne, ringer politiet, går ut om natta. "
            "Hjemmesykepleie daglig. Ikke akutt. Finnes det bolig for eldre med psykiske lidelser?")
    assert triage(note).level == "reminder"
    assert triage(note.replace(" Ikke akutt.", "")).urgent
    assert triage("Ikke akutt. Han hører stemmer som sier han skal drepe naboen, har kniv i lomma.").urgent


def test_a_diagnosis_not_ruled_out_is_no_danger_but_danger_not_ruled_out_is():
    assert triage("K29, kan ikke utelukke bipolar II – perioder med lite søvnbehov og mye energi. Ingen suicidalitet, "
                  "ingen psykotiske symptomer. Henvise DPS for utredning?").level == "reminder"
    assert triage("Hører stemmer, kan ikke utelukke at han er farlig.").urgent
    assert triage("Kan ikke utelukke selvmordsfare hos K24 med bipolar lidelse.").urgent


def test_a_low_potassium_after_purging_told_in_another_sentence_is_acute():
    assert triage("pt F22, bulimia nervosa, purging 8-10x/day lately + laxatives. Labs today: K 2.1, Na 131.").urgent
    assert not triage("K 2 barn, ingen oppkast. Ønsker samtaler.").urgent


def test_a_dying_patients_wish_to_die_at_home_is_no_alarm():
    assert not triage("Mor (89) har metastaserende brystkreft, er klar og ikke deprimert, og vil slippe flere "
                      "sykehusinnleggelser – hun vil «få dø hjemme i fred». Ingen tanker om å fremskynde døden.").urgent
    assert triage("Hun vil bare få dø, orker ikke mer, har kreft.").urgent


def test_a_dose_given_at_another_hour_is_no_poisoning():
    assert not triage("hj.spl ringer: pas 90 år fikk kveldsdosen paracet 1 g kl 20 i stedet for kl 22. Totalt 3 g i dag "
                      "som vanlig, bare forskjøvet to timer. Vekt 60 kg, ingen leversykdom. Må vi gjøre noe?").urgent
    assert triage("Tok alle tablettene i stedet for én, 20 paracet.").urgent


def test_it_would_not_matter_if_i_did_not_wake_is_a_passive_wish():
    found = triage("K86, enkje i 8 mnd. Seier ofte at «det hadde ikkje gjort noko om eg fekk sovne inn». Ingen planar.")
    assert found.level == "reminder" and "suicide" in found.families


def test_an_aggravating_factor_in_a_diagnosis_is_no_turn_for_the_worse():
    assert not triage("Vurdering: mistanke om debuterende psykose, cannabis som forverrende faktor. Ikke behov for "
                      "innleggelse i dag.").urgent
    assert triage("Kjent psykose, forverret siste døgn, truer naboen.").urgent


def test_children_harmed_by_what_they_lived_through_is_no_self_harm():
    assert "selfharm" not in triage("Hun har to barn og er redd de har tatt skade.").families
    assert "selfharm" in triage("Redd hun skal skade seg selv.").families


def test_a_child_crying_behind_a_door_nobody_opens_in_dialect():
    assert triage("hei fikk tlf fra bestemor te gutt 3 år. mora (min pas, kjent amfetaminbruk) har ikkje svart på tlf "
                  "sia igår kveld, bestemor høre ungen gråte gjennom døra i loddefjord men ingen åpne. mor har snakka om "
                  "å reise te oslo. ka e riktig instans her, barnevernet på mandag?").urgent


def test_an_old_man_found_on_the_floor_confused_in_english():
    assert triage("home care nurse just called: M91 lives alone, found on floor, dehydrated, confused.").urgent
    assert not triage("M40 fell on the floor at football last year, fine now, wants help for anxiety.").urgent


def test_a_paramedics_call_outs_and_the_dead_they_could_not_revive_are_no_alarm():
    assert not triage("ambulansearbeidar M35, har hatt tre overdose-utrykningar på ei veke og ein ung gut som hadde "
                      "hengt seg som dei ikkje fekk liv i. søv dårleg og har mareritt.").urgent
    assert triage("Fant sønnen som hadde hengt seg, han puster.").urgent


def test_a_time_right_after_an_admission_tells_when_the_stay_began():
    assert not triage("k 36, bipolar, innlagt akuttpsyk Ahus i natt (manisk). Barna på 7 og 11 er hos en nabo nå.").urgent
    assert triage("Hun er psykotisk og ligger innlagt, men i natt truet hun personalet med kniv.").urgent


@pytest.mark.parametrize("text", [
    "Turnuslege her, ny i Strand. Pasient m 27 med schizofreni skal skrives ut fra DPS om ca en måned etter 6 uker "
    "innlagt. Bodde hos foreldrene, men de orker ikke mer, og i fjor gikk det dårlig i hybel alene (sluttet med "
    "medisinene, glemte å spise). Trenger han bemannet bolig eller oppfølging hjemme?",
    "gutt 9, bor nå hos pensjonert mormor etter at mora hans (datteren hennes) har sprukket på amfetamin igjen. "
    "barnevernet ikke inne så vidt jeg vet. Gutten har raserianfall og sover dårlig, mormor orker snart ikke mer. "
    "Hva bør jeg koble på i Strand?",
])
def test_carers_worn_out_are_no_wish_to_die(text):
    assert not triage(text).urgent


def test_if_i_cannot_have_the_children_nobody_will_is_a_threat():
    assert triage("M45 i barnefordelingssak, var innom for søvnmedisin. Sa på vei ut at 'hvis jeg ikke får ungene, "
                  "skal ingen få dem'. Jeger, har våpen hjemme. Har samvær med barna i helga.").urgent
    assert by_rules("Ingen skal få henne til å flytte, sier han.").level == "none"


def test_the_how_found_and_a_time_set_after_self_harm_is_a_plan():
    assert triage("J15, kuttet seg i 7. klasse. I dag en snap: «har funnet ut hvordan, blir i helga, ikke si det til "
                  "noen».").urgent
    assert by_rules("Han har funnet ut hvordan han søker NAV, og skal gjøre det i helga.").level == "none"


def test_passed_out_on_ghb_long_ago_is_a_reminder():
    found = triage("Gut 22, brukar ghb i helgane, datt ut på ein fest for ein månad sidan. Ikkje suicidal.")
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_prescriptions_from_several_doctors_are_a_reminder():
    found = triage("Apoteket varsler at M33 har levert resepter på Paralgin forte fra både meg, legevakt og en tannlege "
                   "de siste 3 ukene. Ingen kjent overdose.")
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_a_diagnosis_beside_another_in_doubt_is_no_danger():
    assert not triage("Vurdering: Alvorlig depresjon med psykotiske trekk hos eldre, begynnende kognitiv svikt ikke "
                      "utelukket. Ikke suicidal.").urgent


def test_attacks_of_panic_and_a_death_told_with_its_cause_are_no_alarm():
    assert not triage("Henvises for panikklidelse: anfall med hjertebank, kvelningsfølelse og dødsangst 2–3 ganger i uka "
                      "siste fire måneder. Alkohol sjelden, ingen andre rusmidler.").urgent
    assert not triage("Kvinne 47. Mannen døydde brått i går kveld (hjartestans under trening). Ho har ikkje sove.").urgent
    assert triage("Han har hjertestans nå, kona ringer.").urgent


def test_a_confused_old_man_walking_onto_a_main_road_is_acute():
    assert by_rules("Hj.spl ringer: M84 i Nes, ny forvirring fra i natt, feber?, river ut urinkateter, har slått etter "
                    "pleier med stokken og prøver å gå ut på E16 i bare pysjen. Kona klarer ikke å holde han.").urgent


@pytest.mark.parametrize("text", [
    "Student 21, tar MDMA og kokain nesten hver helg, av og til GHB på fest, har 'blacka ut' et par ganger. Ikke "
    "suicidal.",
    "Kar'n på 24 fra Nes bruker GHB i helgene, har dætta ut på fest to ganger i høst.",
])
def test_blackouts_on_ghb_are_a_reminder(text):
    found = triage(text)
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_pills_bought_on_social_media_are_a_reminder():
    found = triage("gutt 19 røyker hasj hver dag og tar noen benzo han kjøper på snap i helgene, ikke akutt noe")
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_a_low_bmi_with_eating_next_to_nothing_is_a_reminder_in_dialect():
    found = triage("jento e 16 og veie 42 kilo, BMI 16, spise nesten ingenting og trene to gonga om dagen.")
    assert found.level == "reminder" and "eating" in found.families


def test_a_threat_in_jest_over_snoring_is_no_alarm():
    assert not triage("pas sier kona truer med å drepe han om han ikke slutter å snorke haha, 52 år, pustestopp om "
                      "natta, hvor henviser jeg til søvnregistrering").urgent
    assert triage("Kona truer med å drepe han om han ikke slutter å drikke, hun har kniv.").urgent


def test_a_doubt_about_how_long_a_stay_lasts_is_no_doubt_about_danger():
    assert not triage("Far 41 år innlagt Ahus m/ psykose, usikkert hvor lenge. To barn, 8 og 11 år. Mor spør hvem som kan "
                      "snakke med barna om pappa og hjelpe dem.").urgent
    assert triage("Psykotisk, usikkert hvor farlig han er.").urgent


@pytest.mark.parametrize("text", [
    "M23, bruker GHB og kokain på fest i helgene, har «daua» to ganger i sommer men våknet av seg selv.",
    "Mor til pas (M 22): «han røyker hasj hver dag og tar noen piller på fest i helgene, jeg vet ikke engang hva det er».",
])
def test_passing_out_on_ghb_and_pills_of_unknown_kind_are_a_reminder_of_overdose_risk(text):
    found = triage(text)
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_a_threat_in_dialect_with_a_gun_at_home_is_acute():
    assert triage("Oppfølging M45. Ble sint da jeg sa nei og sa «je ska ta a Trine på NAV i mårra, je veit hvor a bor» - "
                  "har jaktvåpen hjemme. Trenger råd om nedtrapping av kodein.").urgent
    assert not triage("Vi skal ta a-kurs i morgen, ellers fint.").urgent


def test_blackouts_from_binge_drinking_remind_of_overdose_risk():
    found = triage("Student 23, binge-drikking hver helg og kokain på fest, flere blackouts. Ingen abstinens, ingen "
                   "selvmordstanker.")
    assert found.level == "reminder" and "overdose_risk" in found.families


def test_a_psychosis_said_not_to_be_safe_stays_acute():
    assert triage("Mann 20 hører stemmer, ikke trygg hjemme.").urgent


def test_a_doubt_about_the_diagnosis_is_no_doubt_about_danger():
    assert not triage("Usikker på diagnosen hos K26: svingninger i stemningsleie, impulsiv, kan ikke utelukke bipolar "
                      "II, evt ADHD. Hvor henviser jeg til utredning i Sandnes?").urgent
    assert triage("Psykotisk, usikker på diagnosen, men ikke trygg hjemme.").urgent


def test_a_depressed_mother_who_has_decided_the_children_come_with_her_is_acute():
    assert triage("K34, postpartum depresjon. Ringte i dag: hun har bestemt seg, barna skal ikke vokse opp uten mamma, "
                  "så de skal «bli med henne». Alene hjemme med begge nå.").urgent
    assert not triage("K34, fødselsdepresjon, bedre nå. Barna skal være med henne til svigermor i helga.").urgent


@pytest.mark.parametrize("text", [
    "Han e 24 år og har brukt G dagle i snart et år, dosere hvert par tima også om natta. No vil han slutt og spør om "
    "henvisning te avrusning.",
    "M30 bruker GHB daglig, vil ha avrusning.",
    "K 24 Strand, bruker GHB døgnet rundt (doserer hver 2.-3. time), vil slutte men redd for abstinens. Hvor?",
])
def test_daily_ghb_reminds_of_dangerous_withdrawal(text):
    found = triage(text)
    assert found.level == "reminder" and "withdrawal" in found.families


def test_an_opioid_user_let_out_after_a_drug_free_stay_is_reminded_of_lost_tolerance():
    found = triage("Innsatt M29 løslates fra Stavanger fengsel neste fredag. Har vært rusfri inne i 14 mnd, tidl. "
                   "daglig heroin iv. Ønsker ikke LAR.")
    assert found.level == "reminder" and "overdose_risk" in found.families
    assert triage("Pasienten har lav toleranse for stress og trenger samtaler.").level == "none"


def test_an_employer_who_threatens_notice_is_no_alarm():
    assert not triage("Sykmeldt 100 % med depresjon, og nå truer arbeidsgiver med oppsigelse.").urgent
    assert triage("Han truer kona med kniv og sier han skal drepe henne.").urgent


def test_a_denial_of_wanting_to_die_is_a_reminder_whatever_grows_around_it():
    found = triage("Gutt 13. Siste halvår økende utagering på skolen, 2 episoder med overfladisk kutting, sier han «ikke "
                   "vil dø». Ingen rus.")
    assert found.level == "reminder" and found.reminders
    assert triage("Gutt 13, økende selvmordstanker, har skrevet avskjedsbrev.").urgent


def test_a_few_painkillers_against_a_sore_hip_are_no_overdose():
    assert not triage("M81, 58 kg, tok 2 paracet i natt mot hofta og 2 til i morges. Lurer på hva som er trygg maks "
                      "døgndose paracetamol?").urgent
    assert triage("tok 30 paracet i natt mot hofta").urgent


def test_a_low_bmi_told_as_stable_in_anorexia_is_a_reminder():
    found = triage("K31, langvarig anoreksi, BMI stabilt 16–16,5 dei siste fire åra, følgd opp av DPS. Ønskjer hjelp "
                   "til å søkje NAV om tilrettelegging.")
    assert found.level == "reminder" and "eating" in found.families


def test_teaching_how_to_ask_about_suicide_is_no_alarm():
    assert not triage("Skal ha internundervisning neste uke om selvmordsrisikovurdering. Har du en ramme for hvordan vi "
                      "spør om selvmordstanker, planer og midler?").urgent


def test_an_info_session_on_overdose_in_english_is_no_alarm():
    assert not triage("The youth workers asked if I can do a short info session for staff on signs of opioid overdose. "
                      "No specific incident, just prevention.").urgent
    assert triage("He took an overdose of his pills an hour ago, info session was last week").urgent


def test_overdoses_counted_in_general_with_nothing_acute_now_are_a_reminder():
    found = triage("Sønnen på 26 har brukt heroin i mange år. Ingen ting akutt nu, men ho har lest at det e mange "
                   "overdosa etter fengselsopphold, og han kom ut forrige uke.")
    assert found.level == "reminder"
    assert triage("Ingen ting akutt nu, men han har tatt 40 paracet i natt").urgent


def test_a_shift_that_nearly_killed_her_is_a_figure_of_speech():
    assert not triage("Sjukepleiar K44: «Den vakta heldt på å ta livet av meg», seier ho, dødssliten etter tre netter "
                      "på rad.").urgent


def test_painkillers_with_a_dose_and_a_clock_time_against_a_headache_are_no_overdose():
    assert not triage("Sønnen 15 år tok 2 paracet (500 mg) kl 08 mot hodepine før matteeksamen.").urgent


def test_pills_bought_on_telegram_told_verb_first_remind_of_overdose_risk():
    found = triage("K20, daglig cannabis + kjøper Rivotril og «Xanax» via Telegram i helgene. Ønsker å trappe ned.")
    assert found.level == "reminder" and "overdose_risk" in found.families


@pytest.mark.parametrize("text", [
    "F17, AN restriktiv type, BMI now 13.1. Parents want to wait for the BUP appointment next week.",
    "Jente 16 med anoreksi, puls 38 liggende, vil vente til BUP-timen.",
    "K 19 med anoreksi, kalium 2,6 i dag.",
    "Anorexia, fainted in gym class today.",
])
def test_an_eating_disorder_with_the_body_failing_is_acute(text):
    assert triage(text).urgent


def test_none_of_us_will_be_here_with_a_rifle_at_home_is_acute():
    assert triage("Mannen sa i kveld at «viss du tek ungane frå meg, så skal ingen av oss vere her til jul». Han har "
                  "våpenkort og rifla står i kjellaren.").urgent
    assert not triage("Ingen av oss er her lenger enn nødvendig på jobben.").urgent


def test_stopping_daily_benzodiazepines_cold_turkey_told_apart_reminds_of_withdrawal():
    found = triage("K45 har brukt Sobril 60-80 mg daglig i 6-7 år. Vil nå slutte «kald tyrker» fra mandag.")
    assert found.level == "reminder" and "withdrawal" in found.families


def test_wanting_to_kill_the_weeds_is_no_threat():
    assert not triage("M50, bonde, legeattest til våpenkort. Sier tørt at det eneste han har lyst å drepe er ugresset i "
                      "potetåkeren.").urgent
    assert triage("Han har lyst å drepe naboen og har kjøpt rottegift.").urgent


def test_an_overdose_risk_named_in_english_is_a_reminder():
    assert triage("M38 i LAR, sidemisbruk av benzo og heroin, løslates fra fengsel neste uke. High OD risk de første "
                  "ukene ute.").level == "reminder"
    assert triage("He took an OD an hour ago, high risk").urgent
