"""Textele în limba română ale practicilor din catalog."""

TEXTS = {
    "fuenlabrada-intercultural-community-policing": {
        "title": "Poliție comunitară interculturală în Fuenlabrada",
        "summary": (
            "Poliția locală din Fuenlabrada a creat în jurul anului 2007 o unitate pentru gestionarea diversității și "
            "a făcut-o parte din munca de zi cu zi. Polițiștii vizitează asociațiile minorităților și vorbesc des cu "
            "ele, personalul învață despre cultura romă și despre tratamentul egal, legitimările nu pot alege oamenii "
            "după origine, iar locuitorii au căi simple de a semnala probleme. Programul Orașe Interculturale al "
            "Consiliului Europei îl folosește ca model."
        ),
        "how_it_works": (
            "O mică unitate din poliția locală se ocupă de diversitate. Polițiștii ei vizitează asociațiile "
            "minorităților după un program fix și duc colegilor ce au aflat. Toți polițiștii învață despre cultura "
            "romă și despre tratamentul egal, fiecare legitimare are nevoie de un motiv care nu este originea "
            "persoanei, iar locuitorii pot semnala probleme simplu, și prin asociații în care au încredere."
        ),
        "where_it_worked": (
            "Fuenlabrada, un oraș de aproape 200.000 de locuitori lângă Madrid, din jurul anului 2007. Servește o "
            "populație amestecată, cu familii de romi și migranți din multe țări. Consiliul Europei îl prezintă altor "
            "orașe ca model."
        ),
        "how_to_start": (
            "Numiți o echipă mică în poliția locală și dați-i timp pentru munca cu comunitatea.\n"
            "Faceți lista asociațiilor minorităților și stabiliți întâlniri regulate.\n"
            "Instruiți toți polițiștii despre cultura romă, tratamentul egal și legitimări corecte.\n"
            "Deschideți căi de sesizare care nu cer drumul la secția de poliție."
        ),
        "who_is_needed": "Conducerea poliției locale, doi până la patru polițiști pentru unitate, asociațiile minorităților și un formator pentru tratament egal.",
        "costs": "Mai ales timp de lucru: polițiștii unității și câteva ore de instruire pentru toți. Puțini bani în afară de materialele de instruire.",
        "evidence_note": "Descris în rapoarte ale Consiliului Europei și ale orașului. Nicio evaluare publicată nu a măsurat rezultatele întregului model.",
    },
    "manual-intercultural-community-policing": {
        "title": "Manual de poliție comunitară interculturală",
        "summary": (
            "Un ghid practic pentru șefii de poliție și decidenții locali, publicat în 2019. Arată cum se organizează "
            "unitățile, cum se scriu protocoalele și cum se schimbă procedurile, pentru ca poliția să treacă de la a "
            "supraveghea oamenii la a lucra cu ei pentru o siguranță pe care locuitorii o ajută să o definească."
        ),
        "how_it_works": (
            "Manualul îl ajută pe un șef de poliție sau pe un primar să facă alegerile necesare: ce unitate face ce, "
            "ce protocoale se scriu, cum sunt implicați locuitorii și cum se verifică faptul că fiecare grup este "
            "tratat corect. Transformă experiența din Fuenlabrada în pași generali."
        ),
        "where_it_worked": "Scris pentru orașele din rețeaua Orașe Interculturale din Europa, pentru localități de orice mărime cu minorități, printre care comunități de romi.",
        "how_to_start": (
            "Citiți manualul împreună cu șeful poliției locale și consilierul pentru siguranță.\n"
            "Comparați unitățile și procedurile poliției voastre cu listele lui de verificare.\n"
            "Alegeți două sau trei schimbări pentru primul an și puneți-le într-un plan.\n"
            "Revedeți planul în fiecare an cu asociațiile minorităților."
        ),
        "who_is_needed": "Conducerea poliției, primăria sau consilierul pentru siguranță și reprezentanți ai asociațiilor minorităților.",
        "costs": "Câteva zile de lucru ale conducerii pentru revizuirea procedurilor. Manualul este gratuit.",
        "evidence_note": "Un ghid scris de experți din practica lor. Nu prezintă rezultate măsurate.",
    },
    "stop-forms-and-rights-leaflet": {
        "title": "Legitimări justificate: formulare de oprire și pliant despre drepturi",
        "summary": (
            "La fiecare oprire, polițiștii notează de ce au oprit persoana și ce a rezultat, și îi dau un pliant care "
            "îi explică drepturile. Înregistrările sunt analizate pentru a vedea ce grupuri sunt oprite mai des decât "
            "altele. În Fuenlabrada numărul opririlor a scăzut, iar o parte mai mare dintre ele au găsit ceva. Creat cu "
            "Open Society Justice Initiative și Platforma spaniolă pentru gestionarea polițienească a diversității, în "
            "proiectele STEPSS și PIPE."
        ),
        "how_it_works": (
            "De fiecare dată când opresc pe cineva, polițiștii completează un formular scurt: motivul, rezultatul, "
            "vârsta, sexul și originea aparentă a persoanei. Persoana primește un pliant despre drepturile ei și despre "
            "cum poate face plângere. La câteva luni, șefii studiază formularele ca să vadă dacă un grup este oprit mai "
            "des fără motiv bun, și schimbă instrucțiunile."
        ),
        "where_it_worked": (
            "Poliția locală din Fuenlabrada din 2007, apoi alte poliții locale din Spania. Îi protejează pe cei opriți "
            "mai des decât alții, cum sunt romii și migranții."
        ),
        "how_to_start": (
            "Stabiliți formularul și pliantul cu poliția, responsabilul cu protecția datelor și grupuri din comunitate.\n"
            "Instruiți polițiștii despre formular și despre temeiurile legale ale unei opriri.\n"
            "Adunați formularele într-o bază de date simplă.\n"
            "Analizați cifrele la fiecare trei luni și spuneți locuitorilor principalele rezultate."
        ),
        "who_is_needed": "Conducerea poliției, polițiștii de patrulă, cineva care analizează datele, responsabilul cu protecția datelor și grupuri din comunitate.",
        "costs": "Tipărirea formularelor și pliantelor, câteva minute la fiecare oprire și un analist cu normă parțială. Instruirea durează una sau două zile pentru fiecare polițist.",
        "evidence_note": "În Fuenlabrada s-au numărat opririle și rezultatele lor înainte și după schimbare: opririle au scăzut și mai multe dintre ele au găsit ceva. Nu s-a comparat cu alt oraș.",
    },
    "hate-incident-register": {
        "title": "Registru al incidentelor motivate de ură și polițiști de legătură",
        "summary": (
            "Incidentele rasiste și xenofobe, inclusiv graffiti, sunt trecute într-un registru separat, ca să nu se "
            "piardă printre alte fapte. Polițiști de legătură, cu nume cunoscute, țin legătura cu asociațiile "
            "minorităților, astfel încât victimele știu pe cine să sune, iar poliția află repede de incidente."
        ),
        "how_it_works": (
            "Polițiștii trec fiecare incident rasist sau xenofob într-un registru separat, chiar dacă nu este "
            "infracțiune, de exemplu un graffiti jignitor. Polițiștii de legătură țin contactul cu asociațiile "
            "minorităților, transmit ce află și le spun victimelor ce urmează."
        ),
        "where_it_worked": "Poliția locală din Fuenlabrada. Ajută familiile de romi și alte minorități care rar semnalează incidente.",
        "how_to_start": (
            "Stabiliți ce înseamnă un incident motivat de ură, cu indicatorii de prejudecată din ghidul Consiliului Europei.\n"
            "Creați un registru sau un semn în evidențele existente.\n"
            "Numiți polițiști de legătură și dați asociațiilor datele lor de contact.\n"
            "Publicați cifrele în fiecare an, fără nume."
        ),
        "who_is_needed": "Biroul de evidență al poliției, unul sau doi polițiști de legătură și asociațiile minorităților.",
        "costs": "Timp de lucru pentru legătura cu comunitatea și o mică schimbare în sistemul de evidență.",
        "evidence_note": "Descris în rapoarte despre Fuenlabrada. Efectul asupra sesizărilor nu a fost măsurat separat.",
    },
    "anti-rumours-strategy": {
        "title": "Strategia Anti-zvonuri",
        "summary": (
            "A pornit la Barcelona în 2010 și s-a răspândit prin programul Orașe Interculturale. Un oraș află mai întâi "
            "ce zvonuri despre minorități circulă, adună fapte și argumente care vorbesc și sentimentelor, face o rețea "
            "de oameni și grupuri locale, pregătește agenți anti-zvonuri, face campanii creative și verifică ce s-a "
            "schimbat. Un zvon este o poveste, adevărată sau nu, care trece repede de la om la om."
        ),
        "how_it_works": (
            "Orașul află ce zvonuri despre minorități circulă și unde. Adună fapte și argumente care vorbesc "
            "sentimentelor, pentru că faptele singure schimbă rar o poveste pe care oamenii o spun cu plăcere. Oameni "
            "din grupuri locale sunt pregătiți ca agenți anti-zvonuri care răspund în discuțiile de zi cu zi, iar "
            "campaniile folosesc umorul, poveștile și evenimentele."
        ),
        "where_it_worked": (
            "Barcelona din 2010, apoi multe orașe din Spania, Portugalia și alte țări, prin programul Orașe "
            "Interculturale. Răspunde zvonurilor despre romi, migranți și alte grupuri."
        ),
        "how_to_start": (
            "Ascultați: adunați zvonurile pe care oamenii le aud în cartiere, școli și pe internet.\n"
            "Adunați fapte și un argument emoțional pentru fiecare zvon.\n"
            "Faceți o rețea de grupuri locale și pregătiți primii agenți anti-zvonuri.\n"
            "Faceți o campanie mică și verificați ce s-a schimbat."
        ),
        "who_is_needed": "Un coordonator în oraș, asociații locale, voluntari ca agenți anti-zvonuri și cineva care cunoaște cifrele.",
        "costs": "Un coordonator cu normă parțială, zile de instruire și un buget mic pentru materiale și evenimente.",
        "evidence_note": "Ghidurile descriu metoda, iar orașele raportează despre campanii. Unele i-au întrebat pe participanți înainte și după, dar niciun loc nu a fost comparat cu altul.",
    },
    "lisbon-participatory-community-policing": {
        "title": "Poliție comunitară participativă în Lisabona",
        "summary": (
            "Din 2009 Poliția Municipală din Lisabona construiește parteneriate de siguranță cu locuitorii. Fiecare "
            "cartier începe cu un audit local de siguranță, profilul echipei este stabilit cu comunitatea, polițiștii "
            "și locuitorii se instruiesc împreună, parteneriatul se întâlnește lunar, iar polițiștii patrulează pe jos "
            "în fiecare zi. Modelul funcționează acum în 14 cartiere."
        ),
        "how_it_works": (
            "În fiecare cartier, poliția și locuitorii parcurg mai întâi zona împreună și notează ce îi face pe oameni "
            "să se simtă în nesiguranță. Stabilesc profilul echipei care va lucra acolo. Polițiștii și locuitorii se "
            "instruiesc împreună, se întâlnesc lunar în parteneriat, iar echipa patrulează pe jos zilnic, ca oamenii "
            "să-i cunoască pe polițiști pe nume."
        ),
        "where_it_worked": (
            "Lisabona, prin Poliția Municipală, din 2009, acum în 14 cartiere, printre care zone de locuințe sociale "
            "unde trăiesc familii de romi și de migranți."
        ),
        "how_to_start": (
            "Alegeți un cartier și invitați locuitori, școli și asociații.\n"
            "Faceți împreună un audit local de siguranță.\n"
            "Alegeți echipa împreună cu comunitatea și instruiți împreună polițiști și locuitori.\n"
            "Întâlniți-vă lunar în parteneriat și începeți patrulele zilnice pe jos."
        ),
        "who_is_needed": "O echipă de polițiști dedicați, un coordonator, locuitori și asociații locale, și consiliul local.",
        "costs": "Polițiști care lucrează cu normă întreagă într-un cartier, instruire și săli pentru întâlniri. Patrulele pe jos înlocuiesc o parte din patrulele cu mașina, nu se adaugă.",
        "evidence_note": "Descris de oraș și în proiecte europene. Nicio evaluare publicată nu a comparat cartiere cu și fără model.",
    },
    "local-safety-contracts": {
        "title": "Contracte locale de siguranță",
        "summary": (
            "Acorduri între ministerul de interne al Portugaliei și primării, prin care ambele se angajează la o "
            "poliție de proximitate făcută împreună cu parteneri locali, cu obiective comune pentru fiecare zonă."
        ),
        "how_it_works": (
            "Ministerul și primăria semnează un contract pentru o zonă. Contractul stabilește obiective comune, spune "
            "cine ce face între poliție, școli, servicii sociale și asociații, și prevede verificări regulate."
        ),
        "where_it_worked": "Municipii din Portugalia, în zone cu multe probleme sociale, unele cu comunități de romi.",
        "how_to_start": (
            "Faceți harta problemelor de siguranță din zonă cu partenerii locali.\n"
            "Scrieți într-un contract obiectivele și cine ce face.\n"
            "Înființați un comitet local care se întâlnește regulat.\n"
            "Verificați progresul în fiecare an și ajustați contractul."
        ),
        "who_is_needed": "Ministerul de interne, primăria, poliția, școlile, serviciile sociale și asociațiile.",
        "costs": "Mai ales timp de lucru pentru coordonare. Unele contracte finanțează proiecte anume.",
        "evidence_note": "Descris în documente ale guvernului. Rezultatele nu au fost publicate într-un mod care să permită comparația.",
    },
    "coe-toolkit-racially-motivated-crime": {
        "title": "Ghid pentru poliție despre infracțiunile motivate rasial și nediscriminare",
        "summary": (
            "Un ghid al Consiliului Europei pentru polițiști, ajuns la a doua ediție, axat pe romi și travelleri. "
            "Cuprinde jurisprudența Curții Europene a Drepturilor Omului, semnele că o faptă a fost motivată de "
            "prejudecată, cum se înregistrează incidentele rasiste și cum sunt sprijinite victimele, cum se oprește "
            "profilarea rasială și cum sunt încurajate sesizările."
        ),
        "how_it_works": (
            "Ghidul explică ce așteaptă Curtea Europeană a Drepturilor Omului de la poliție, enumeră semne că o faptă "
            "a fost motivată de prejudecată și arată cum se înregistrează incidentele, cum sunt sprijinite victimele, "
            "cum se evită profilarea rasială și cum devin sesizările mai ușoare. Se folosește la instruire și ca "
            "referință în serviciu."
        ),
        "where_it_worked": "Folosit în instruirile Consiliului Europei pentru poliția din mai multe state membre, cu accent pe romi și travelleri.",
        "how_to_start": (
            "Cereți Consiliului Europei ghidul în limba voastră.\n"
            "Adăugați indicatorii lui de prejudecată în formularele de incident.\n"
            "Folosiți cazurile lui la următoarea instruire a polițiștilor de patrulă.\n"
            "După șase luni, verificați un eșantion de incidente înregistrate."
        ),
        "who_is_needed": "Formatori ai poliției, biroul de evidență și, dacă se poate, un mediator sau o asociație a romilor la instruire.",
        "costs": "Timp de instruire pentru polițiști. Ghidul este gratuit.",
        "evidence_note": "Standarde și îndrumări bazate pe hotărâri judecătorești. Nu măsoară rezultate.",
    },
    "police-and-roma-curriculum": {
        "title": "Poliția și romii: o activitate polițienească eficientă și conformă cu drepturile omului",
        "summary": (
            "Un program de instruire scris împreună de Consiliul Europei și OSCE/ODIHR. Pregătește formatori care să "
            "le predea colegilor polițiști standardele de nediscriminare, infracțiunile motivate rasial și nevoile "
            "speciale ale femeilor rome și traveller."
        ),
        "how_it_works": (
            "Formatorii poliției urmează un curs despre standardele de nediscriminare, infracțiunile motivate rasial și "
            "nevoile femeilor rome și traveller, apoi îl predau colegilor. Membri ai comunității rome și mediatori pot "
            "lua parte la sesiuni."
        ),
        "where_it_worked": "Cursuri organizate de Consiliul Europei și OSCE/ODIHR pentru poliția din mai multe țări.",
        "how_to_start": (
            "Alegeți formatori ai poliției care vor preda cursul.\n"
            "Trimiteți-i la un curs pentru formatori.\n"
            "Planificați cursuri pentru polițiștii care lucrează cu comunități de romi.\n"
            "Invitați femei rome și mediatori să vorbească la sesiuni."
        ),
        "who_is_needed": "Formatori ai poliției, academia de poliție, membri ai comunității rome și mediatori.",
        "costs": "Timpul formatorilor și zile de curs pentru polițiști. Programul este gratuit.",
        "evidence_note": "Un program scris de experți. Rezultatele cursurilor nu au fost publicate ca rezultate măsurate.",
    },
    "odihr-guidebook-police-roma-sinti": {
        "title": "Ghid pentru încrederea dintre poliție și romi și sinti",
        "summary": (
            "Publicat de OSCE/ODIHR în 2010. Tratează cinci domenii: evaluarea relațiilor, politici și proceduri, "
            "angajarea de polițiști romi și sinti, instruire și parteneriate. Numește ambele probleme ale comunităților: "
            "prea multă poliție asupra lor și prea puțină protecție pentru ele."
        ),
        "how_it_works": (
            "Ghidul propune să se înceapă cu o privire cinstită asupra relațiilor dintre poliție și romi, apoi cu "
            "schimbarea politicilor și procedurilor, angajarea de polițiști romi și sinti, instruire și parteneriate. "
            "Avertizează atât împotriva prea multei poliții în zonele cu romi, cât și împotriva lipsei de protecție "
            "atunci când romii au nevoie de ajutor."
        ),
        "where_it_worked": "Adună exemple din multe țări OSCE în care poliția și comunitățile de romi și sinti au lucrat împreună.",
        "how_to_start": (
            "Evaluați relațiile: vorbiți cu locuitori romi, mediatori și polițiști.\n"
            "Revedeți politicile și procedurile care îi privesc pe locuitorii romi.\n"
            "Planificați angajările și instruirea.\n"
            "Începeți un proiect de parteneriat cu o asociație a romilor."
        ),
        "who_is_needed": "Conducerea poliției, resursele umane, formatori și asociații ale romilor.",
        "costs": "Timp de lucru pentru evaluare și plan. Angajările și instruirea au costurile lor.",
        "evidence_note": "O colecție de exemple și sfaturi. Cele mai multe exemple au fost descrise, nu măsurate.",
    },
    "legal-clinics-roma-women": {
        "title": "Clinici juridice și zile de informare despre drepturi pentru femeile rome",
        "summary": (
            "În programul JUSTROM, mediatori, avocați și asistenți juridici se întâlnesc cu femei rome în comunitățile "
            "lor, le explică drepturile și le ajută cu plângeri, inclusiv plângeri despre abuzuri ale poliției și "
            "infracțiuni motivate de ură."
        ),
        "how_it_works": (
            "Mediatori, avocați și asistenți juridici țin zile de informare în cartierele de romi și deschid clinici "
            "juridice unde femeile pot cere sfaturi. Ajută la pregătirea plângerilor, și despre abuzuri ale poliției și "
            "infracțiuni motivate de ură, și le însoțesc pe femei la autorități când este nevoie."
        ),
        "where_it_worked": "Programul JUSTROM în Bulgaria, Grecia, Irlanda, Italia și România, pentru femei rome și traveller.",
        "how_to_start": (
            "Găsiți un avocat și un mediator care cunosc comunitatea.\n"
            "Stabiliți un loc și un program fix pentru clinică.\n"
            "Țineți o primă zi de informare cu grupuri locale de femei.\n"
            "Păstrați legătura cu poliția și cu organismul pentru egalitate, ca plângerile să fie urmărite."
        ),
        "who_is_needed": "Avocați, asistenți juridici, mediatori romi, grupuri de femei și un loc de întâlnire.",
        "costs": "Plata avocaților și mediatorilor și o sală. Sfaturile sunt gratuite pentru femei.",
        "evidence_note": "Descris în rapoartele programului, cu numărul femeilor ajutate. Efectele nu au fost comparate cu alte locuri.",
    },
    "romed-roma-mediators": {
        "title": "Mediatori romi (ROMED)",
        "summary": (
            "Mediatori pregătiți, care vin din comunitățile de romi sau sunt apropiați de ele, îi ajută pe locuitori și "
            "instituțiile publice, inclusiv poliția, să se înțeleagă și să rezolve problemele înainte să crească."
        ),
        "how_it_works": (
            "Mediatorii explică cum funcționează instituțiile, îi ajută pe locuitori și pe funcționari să se înțeleagă "
            "și ridică problemele înainte să devină conflicte. Consiliul Europei i-a pregătit după o metodă comună "
            "bazată pe drepturile omului."
        ),
        "where_it_worked": (
            "Peste 1.000 de mediatori au fost pregătiți în peste 20 de țări prin ROMED, din 2011. Lucrează cu școli, "
            "servicii de sănătate, primării și poliția."
        ),
        "how_to_start": (
            "Angajați un mediator din comunitatea romă sau apropiat de ea.\n"
            "Dați-i instruire și un rol clar.\n"
            "Prezentați-l poliției și altor servicii.\n"
            "Întâlniți-vă regulat ca să rezolvați problemele împreună."
        ),
        "who_is_needed": "Unul sau mai mulți mediatori, un serviciu al primăriei care îi angajează și contacte în poliție și în alte servicii.",
        "costs": "Salariul și instruirea unui mediator.",
        "evidence_note": "Rapoartele programului descriu rezultate în multe orașe. Nu s-a publicat nicio comparație cu orașe fără mediatori.",
    },
}
