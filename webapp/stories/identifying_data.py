"""Word lists for the identifying-details check (webapp/stories/identifying.py).

The bulk of the first names and surnames comes from the frequency lists that ship with
zxcvbn (a dependency already). Those lists are American and de-duplicated against each
other, so the UK, Irish, Welsh, Scottish, South Asian, African and Eastern European names
that people here are likely to mention are added below.
"""

from __future__ import annotations

from zxcvbn.frequency_lists import FREQUENCY_LISTS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


words = _words


EXTRA_FIRST_NAMES = _words("""
abdi abdirahman abena adaeze ade agnieszka aidan ailsa aine ajay akua alasdair alastair
aled alf alfie alys ama amit amrit andrei andrzej angharad angus ania anil anjali aoife
arjun ashok ayse baljit bartosz becca begum bethan bev bex bilal bisi bogdan bronwen
callum calum caoimhe carys cath cathal catrin catriona cerys charlie chidi chinedu chioma
chloe cian ciaran clive clodagh colm connor crispin dafydd darragh dazza declan deepak
demi dinesh divya dmitri donal dorota dougie efua eilidh eimear eleri elif emeka emre emyr
eoin ewa ewan faduma farhana fatma femi fergal ffion fionn freya funmi gareth gaz gazza
geraint gethin glenys gosia grahame grainne grzegorz gurpreet hafsa halima hamdi hamish
hamza hannah harpreet hina hodan hughie huw iain ifan igor imogen imran ioan ioana irfan
irina isla ismail iwan iwona jakub janusz jas jasmine jasper jaswinder jayden jen jo jock
kai kasia katarzyna kath kavita kemal kemi khadija kieran kiran kirsty kofi kojo krzysztof
kwame lachlan lakshmi liam llinos lowri lukasz maeve mahesh mairead mairi maisy manpreet
marcin mared maximilian meena mehmet mihai morag muhammad mukesh murdo nasreen naveen
nazia neha ngozi nia niamh nicola nkechi nuala obinna oisin oksana oliver olly olu
oluwaseun orla orlaith osian owain padraig parveen pawel phoebe piers piotr pooja poppy
priya rahul raj rajesh ramesh rani ravi rhian rhodri rhys ritu roisin ruaridh rukhsana
saima sanjay saoirse seamus segun seren sergei shabana shazia sian siân sinead sorcha
sophie stanislaw steph steffan sukhwinder sunil sunita suresh svetlana tahira tariq tomasz
tomos tunde usman vasile vijay vikram viv warsame wojciech yaw yemi yulia yusuf zainab
zara zeynep zoe zoey mo aaliyah amara adebayo adewale babajide chukwuma ifeoma ikechukwu
nneka oluwadamilare temitope titilayo yetunde abimbola ayodele folasade kayode shola
bolaji dami damilola tobi toyin ayo nadeem naseem shahid shakeel sajid wasim waqar zubair
zahid arif asif atif aamir khalid rashid majid nasir naveed faisal anwar jamal jameela
shirin mahmood hussein hasan hassan ahmad mustafa ayaan aryan ishaan vihaan reyansh
anaya myra saanvi aarav krishna ganesh gita geeta sita seema reena veena usha uma nirmala
""")

EXTRA_SURNAMES = _words("""
okafor okonkwo okoro adeyemi adebayo adeleke adewale oyelaran mensah owusu asante boateng
appiah osei acheampong ansah kaur begum akhtar chowdhury choudhury uddin miah ahmed
rahman islam bibi hossain sheikh qureshi siddiqui malik mirza butt bhatti chaudhry
iqbal javed rashid nawaz aslam anwar mahmood sharma verma gupta mistry chauhan parmar
solanki chohan sandhu gill dhillon sidhu grewal bains johal nowak kowalski kowalska
wisniewski wojcik kaminski lewandowski zielinski szymanski wozniak dabrowski popescu
ionescu popa obrien oconnor oneill osullivan mcdonald macdonald mackenzie mcleod
macleod mcgregor mcintyre mclaughlin mcgrath mccarthy mcbride doherty gallagher kavanagh
mulligan quinn brennan byrne donnelly fitzgerald flanagan gilmour llewellyn pritchard
prosser bevan probert vaughan parry jenkins rees griffith howells
""")

# Capitalised words that are never taken as a name on their own (they may still start a
# longer match, such as an address). Lower case.
NOT_NAMES = _words("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter ramadan eid diwali
god jesus christ allah lord christian christians muslim muslims jewish catholic hindu sikh
english british scottish welsh irish asian african caribbean european polish black white
brown deaf disabled autistic council councils borough county city hospital hospitals trust
nhs surgery practice clinic centre center unit team service services social care carer
mental health housing universal credit benefit benefits jobcentre job plus work pensions
court courts tribunal police station school primary academy college university
department office home homes support group foundation charity advice citizens royal
general infirmary children child family families adult adults protection emergency
accident ambulance crisis street road lane avenue hill park green ward bed room flat
house church chapel mosque temple gurdwara synagogue london manchester birmingham leeds
glasgow liverpool bristol sheffield edinburgh cardiff newcastle leicester nottingham
coventry bradford belfast brighton hull plymouth stoke wolverhampton derby swansea
southampton salford aberdeen westminster portsmouth york peterborough dundee lancaster
oxford newport preston cambridge norwich chester exeter gloucester lincoln wakefield
worcester chelsea kent devon essex surrey sussex victoria jordan georgia kenya india
pakistan poland jamaica nigeria ghana somalia england scotland wales ireland britain
facebook google twitter whatsapp tesco asda lidl aldi amazon covid lockdown brexit labour
tory tories conservative liberal parliament government minister mayor king queen prince
princess duke bishop saint st mp mps dwp pip esa ucas ofsted cqc ombudsman healthwatch
samaritans shelter mind scope mencap barnardos oxfam macmillan marie curie cancer research
dementia autism stroke diabetes epilepsy practitioner consultant registrar matron nurse
nurses doctor doctors sister mum dad mummy daddy nan nana gran granny grandad grandma
grandpa auntie aunty uncle baby manager worker staff officer sergeant inspector judge
lady sir dame madam mr mrs ms miss dr prof rev cllr
""")

# Names that are also ordinary words. At the start of a sentence these need a stronger
# sign (a surname after them, or "said", "told" and the like).
AMBIGUOUS = _words("""
mark bill frank will rob sue pat ray sandy penny joy faith grace hope dawn rose april autumn
summer holly ivy daisy amber crystal heather hazel pearl robin carol mercy guy bob art
chase lance miles rusty jack don drew gene hunter sky skye storm rocky cliff dale glen
brook major king young long rich wise strong bright sharp swift noble gay cross page
blessing destiny precious patience
welsh moody stern hall lane ward park hill green white black brown wood price bell ford
""")

# Lower-case words that, after a name at the start of a sentence, make it a person.
VERBS = _words("""
said says told tells asked asks was is has had came comes went goes helped helps rang
rings called calls phoned texted emailed wrote writes would will could can did does kept
made makes took takes gave gives got gets looked seemed works worked explained listened
smiled laughed shouted replied answered visited arrived left saw sees knew knows thought
wanted wants needed needs tried tries spoke speaks talked talks shook sat stood walked
isn't wasn't didn't doesn't hasn't hadn't won't wouldn't couldn't can't never always
also just really then and from at
""")

# Lower-case words just before a capitalised word that make it a person.
RELATIONS = _words("""
son sons daughter daughters wife husband partner boyfriend girlfriend fiance fiancee
mum mom mother dad father brother sister sibling twin carer worker visitor nurse doctor
gp consultant midwife surgeon therapist counsellor psychiatrist psychologist teacher
friend neighbour neighbor landlord landlady caseworker advisor adviser officer manager
boss colleague grandson granddaughter grandchild nan nana gran granny grandad grandma
grandpa grandmother grandfather uncle aunt auntie aunty cousin niece nephew child kid
baby toddler stepson stepdaughter stepdad stepmum stepmother stepfather ex mate
paramedic receptionist solicitor lawyer assessor coordinator practitioner keyworker
called named name's calls call
""")

# Words before a capitalised word that make it a person (title-like), case-sensitive.
TITLES = _words("""
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Doctor Nurse Sister Matron Prof Prof. Professor
Councillor Cllr Father Fr Fr. Rev Rev. Reverend Pastor Imam Rabbi Officer PC DC Sgt
Sergeant Inspector Judge Sir Dame Lady Lord Uncle Aunt Auntie Aunty Nan Nana Gran Grandad
Grandma Grandpa Midwife
""")

# Verbs before a name: "I spoke to Nkechi", "we met Tomasz".
SPOKE_TO = _words("asked told thanked met phoned rang texted emailed messaged seen helped")


# Used by the checker's address and name rules.
LOWER_TYPES = _words(
    "road street avenue lane drive crescent terrace gardens grove mews close court place square"
)
STREET_STOP = _words(
    """
in the a an at on to of for and or but my our his her their this that with from by is was
it times hours days weeks months years minutes miles people kids children more
"""
)
LEADING = _words("the on in at to from near off of a my our we i and by down up along")
FUNCTION_WORDS = _words(
    """
the a an and but so or if it he she they we you me my our your his her their its who what
when where why how this that these those there here i yes no not
"""
)
STRONG = _words("said says told tells asked asks rang phoned texted emailed explained replied")
PLACE_AFTER = _words(
    """
hospital school road street ward house centre center surgery court clinic unit academy
college park lane avenue close drive hall station church practice building trust
"""
)
SAINT = _words("st saint st. mount lake port fort")
# "was" is not among them: "Summer was the worst time".
PERSON_VERBS = STRONG | _words("came helped smiled laughed listened visited arrived")
HUMAN_VERBS = _words("""
rang phoned texted emailed wrote lost chased drove fought promised cried shouted told said
asked came comes went helped helps looked lives lived died refused sorted found took gave
""")
# Roles a name may come before: "Sheila the receptionist", "Moira, the ward sister".
ROLES_AFTER = _words("""
receptionist worker nurse sister manager officer advocate assessor doctor consultant
carer teacher volunteer coordinator caseworker keyworker therapist physio midwife
hca gp cpn ot
""")


def _list(name: str) -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS[name])


FIRST_NAMES = (_list("male_names") | _list("female_names") | EXTRA_FIRST_NAMES) - NOT_NAMES
ALL_SURNAMES = _list("surnames") | EXTRA_SURNAMES
SURNAMES = ALL_SURNAMES - NOT_NAMES
# Everyday words: a capitalised one of these is not a name just because a verb follows it.
COMMON = (
    frozenset(FREQUENCY_LISTS["english_wikipedia"][:6000])
    | frozenset(FREQUENCY_LISTS["us_tv_and_film"][:6000])
) - FIRST_NAMES

# Family words in Welsh, Scots, Irish and the languages of families here: a name may follow
# ("Nain Megan", "ma granny Isa"), and none is a name on its own.
FAMILY_WORDS = _words("""
nain taid mam-gu mamgu tad-cu tadcu mam tad modryb ewythr granny grannie grandpa grandda
granda gramps maw paw da ma pa wean bairn bairns weans mammy mammie mither faither nani
nana dadi dada chacha chachi mama mamu mamaji khala khalu phupho phuppo taya tayi baba
bibi ammi abbu amma appa ammu abuela abuelo abuelita tia tio babcia dziadek ciocia wujek
oma opa yiayia pappou nonna nonno bubbe zayde
""")
RELATIONS |= FAMILY_WORDS | _words("""
advocate ot physio physiotherapist cpn hv keyworker sw dietitian pharmacist optician
dentist interpreter chaplain headteacher head senco tutor mentor chair supervisor
""")
NOT_NAMES |= FAMILY_WORDS | _words("""
motability instagram tiktok reddit snapchat youtube zoom teams urdu punjabi bengali
arabic somali tigrinya farsi pashto kurdish romanian gujarati tamil makaton bsl co-op
cymru childline carers mondays tuesdays wednesdays thursdays fridays saturdays sundays
""")
# Words that make a named place generic ("the Mental Health Unit"), or only lead into it.
PLACE_LEADING = _words("""
the a an my our your their his her this that these those when then after before at in on
to from and but so because while which whichever
""")
PLACE_GENERIC = PLACE_LEADING | _words("""
local every each any no gp nhs a&e day care health medical mental social nursing children's
childrens community job general primary secondary high special private public residential
respite psychiatric maternity crisis council district city county new old main big small
royal family crown magistrates magistrates' youth adult adults housing disability learning
education covid surgical acute intensive stroke cancer cardiac orthopaedic elderly dementia
assessment admissions rehab rehabilitation observation discharge eating children women's
men's food
""")
# Capitalised words after "at", "in" or "to" that name no particular place.
NOT_PLACES = NOT_NAMES | PLACE_GENERIC
# After a capitalised word, these make it the name of an illness, not of a person.
ILLNESS_WORDS = _words("disease syndrome palsy dystrophy ataxia sclerosis")
# "Grace was lovely to us": words said of a person, after "was" or "is".
KIND_WORDS = _words("lovely kind rude brilliant amazing helpful horrible nasty caring")
