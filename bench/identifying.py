"""Speed and quality of the identifying-details check (webapp/stories/identifying.py).

Prints the time per 1,000-word story (mean of 200 runs), then recall and precision on a set of
marked examples kept here, apart from the unit tests. The examples were written by the same
person who wrote the checker, so treat the figures as an upper bound, not a promise.

Markup: [[kind:text]] marks a detail that should be found. Recall counts a marked detail as
found when a finding of the same kind overlaps it; precision counts a finding as right when it
overlaps any marked detail.
Run: .venv/bin/python bench/identifying.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from webapp.stories.identifying import find_details  # noqa: E402

EXAMPLES = """
I rang [[phone:07712 345678]] three times and nobody answered.
You can reach the support line on [[phone:0300 123 4567]].
My old landline was [[phone:01632 960123]] but it got cut off.
Her mobile is [[phone:+447700 900456]], she said to text.
The surgery number, [[phone:(0131) 496 0321]], just rang out.
I gave them my number, [[phone:07700-900-789]], and heard nothing.
Dial [[phone:0044 20 7946 0123]] from abroad.
My brother in Lagos is on [[phone:+234 803 123 4567]].
Send it to [[email:mike.b@hotmail.co.uk]] and I will forward it.
I wrote to [[email:complaints@trust.nhs.uk]] twice.
Her email was [[email:jo_1984 at yahoo dot com]] back then.
My email is [[email:akosua.m@gmail.com]].
The form asked for [[email:first.last@example.net]] style addresses.
We live at [[address:42 Chestnut Road]], [[postcode:NG7 2RD]].
Our flat was [[address:Flat 6]], [[address:18 Queens Crescent]].
Post it to [[address:7 Bramble Close]], [[postcode:CF10 3AT]].
I grew up on [[address:Lavender Gardens]] off the ring road.
She was staying at [[address:31b Victoria Street]] with a friend.
The hostel on [[address:88 Canal Walk]] was noisy.
My mum is in [[address:room 9]] at the care home.
They kept me on [[address:Ward 22]] for a fortnight.
Dad was moved to [[address:Bed 3]] near the nurses.
I stayed on [[address:Maple Ward]] after the operation.
The bailiffs came to [[address:16 Park View]] at seven.
We were rehoused at [[address:2 Foundry Row]].
I live at [[address:11 Hawthorn Drive]] [[postcode:BS5 9QE]].
Our old house, [[address:54 Mill Road]], had black mould.
His postcode is [[postcode:G12 8QQ]].
Anything sent to [[postcode:DH1 3LE]] never arrives.
I moved from [[postcode:L8 0SA]] to a bigger place.
The letter went to [[postcode:w1a 0ax]] by mistake.
we are in the [[postcode:OL11]] area
He lives near [[postcode:BT9]] now.
On [[date:12 January 2023]] they stopped my payments.
The appointment was on [[date:Thursday 9th]], first thing.
My benefits were sanctioned on [[date:4th of April]].
We were evicted on [[date:15/08/2022]].
The letter dated [[date:2023-11-02]] said I owed money.
My son was born on [[date:June 2nd]] that year.
I got the call on [[date:Monday 14th October]].
Please remember [[date:21.3.23]], it changed everything.
They finally rang back on [[date:September 30, 2021]].
It was [[date:Christmas Eve]] when the boiler went.
By [[date:1st May]] we still had no answer.
On [[date:the 23rd]] we were told to leave.
Her date of birth is [[date:02/11/1958]].
My NHS number is [[number:485 777 3456]] if that helps.
They kept asking for my NI number, [[number:JK 55 21 09 B]].
The claim number [[number:77120934]] was wrong on every letter.
My social worker [[name:Debbie]] never returned calls.
I was seen by [[name:Dr Okonkwo]] who was brilliant.
[[name:Nurse Halima]] held my hand the whole time.
My key worker, [[name:Gareth]], fought for us.
[[name:Amanda Clarke]] from the council shouted at me.
I told [[name:Jasmine]] everything that happened.
There was a receptionist called [[name:Lorraine]] who helped.
My daughter [[name:Ellie]] has autism.
My husband [[name:Steve]] works nights.
Our neighbour [[name:Mrs Kowalski]] let us use her phone.
I only got help because [[name:Bev]] pushed for it.
[[name:Karen]] was the only one who listened.
[[name:Michael]] said he would sort it but never did.
The housing officer, [[name:Mr Adeyemi]], ignored my emails.
My daughter's name is [[name:Amara]].
We called him [[name:Uncle Tunde]].
[[name:Rachel Green]] was my health visitor.
My GP, [[name:Dr Sharma]], referred me straight away.
Then [[name:Kevin]] from the jobcentre rang.
I spoke with [[name:Oksana]] at the front desk.
My carer [[name:Fatima]] comes every morning.
I met [[name:Callum]] at the support group.
[[name:Sister Agnes]] was in charge of the ward.
It was [[name:Professor Lewis]] who diagnosed me.
My granddaughter [[name:Poppy]] stayed with us.
[[name:Tracey]] and [[name:Paul]] from the food bank were kind.
The judge, [[name:Judge Harrison]], did not look at me.
Ask for [[name:Sunita]] if you go there.
I think [[name:Dylan Hughes]] works there now.
Our vicar, [[name:Father Brennan]], wrote a letter.
The assessor [[name:Lisa]] wrote things I never said.
My ex, [[name:Jason]], kept turning up.
I was with [[name:Ifeoma]] when the letter came.
My little boy [[name:Alfie]] is five.
Her boyfriend [[name:Connor]] was there too.
In the end [[name:Deepak]] helped us appeal.
My sister [[name:Niamh]] drove me to hospital.
[[name:Mo]] at the corner shop lent us money.
The paramedic, [[name:Lee]], was calm.
I showed the letter to [[name:Ms Begum]].
My friend [[name:Agnieszka]] translated for me.
We asked [[name:Graham]] to come with us.
I went to the [[address:Royal Free Hospital]].
[[name:Jennifer]] from Citizens Advice was amazing.
The midwife [[name:Chloe]] spotted the problem.
My brother [[name:Ravi]] stopped talking to me.
After that [[name:Brian]] never came back.
It was [[name:Rose]] on the night shift who noticed.
My mum [[name:Pauline]] died in that hospital.
The headteacher, [[name:Mrs Wright]], refused to meet us.
[[name:Liam]] was my support worker for two years.
[[name:Dorota]] told me I had no rights.
We saw [[name:Dr Evans]] and then [[name:Dr Ali]].
I trusted [[name:Sean]] with everything.
[[name:Hannah]] rang me every week during lockdown.
He said his name was [[name:Kwame]].
I worked with [[name:Joanne Wilson]] on the complaint.
My son [[name:Tyler]] was excluded from school.
Our son, [[name:Oliver]], needs a wheelchair.
Her name was [[name:Bronwen]], she was Welsh.
[[name:Zara]] and her mum live above us.
""".strip().splitlines()

CLEAN = """
I waited six weeks for a call back.
The GP said it was nothing serious.
We were told to go to A&E.
The NHS has been good to me overall.
I have been on Universal Credit since 2020.
My PIP assessment was a nightmare.
Social Services got involved in the summer.
The Council never fixed the damp.
Mental Health Services were overstretched.
The Housing Officer came round once.
Nobody at the Jobcentre could help.
I phoned 111 and they sent an ambulance.
I called 999 when he collapsed.
They said it would take 12 to 18 weeks.
I get £400 a month and rent is £650.
On Monday I had another appointment.
In March everything got worse.
By Friday I had given up.
Last Christmas was the worst.
In 2021 we lost the house.
It happened about two years ago.
I was scared, Angry and Alone.
We went to the Food Bank on a Tuesday.
I am Deaf and nobody booked an interpreter.
Being Black in that ward felt different.
We are Muslim and they did not ask about food.
The Citizens Advice Bureau helped with the forms.
My mum is in a care home now.
The nurses were overworked but kind.
The doctor did not look at me.
My social worker changed four times.
I had to fill in 30 pages.
They gave me 2 weeks to move out.
It took 3 hours on hold.
I take 40mg of it every morning.
The bus takes 45 minutes each way.
We live on the 7th floor.
My son is in Year 9 now.
There were 5 of us in one room.
I waited from 8am until 4pm.
My benefits went down by 20%.
Thank God for my neighbours.
May I say the staff were great?
Will anyone read this?
Hope is all I had left.
Faith in the system is gone.
Grace and dignity were missing.
The Crown Court was terrifying.
I went to the Family Court in the end.
Our local MP never replied.
The DWP lost my forms twice.
We had Covid in the first lockdown.
I moved to Birmingham for work.
I was born in Jamaica and came here young.
I speak Polish and a little English.
The High Street is all empty shops now.
She was a Christian and prayed with me.
The Samaritans kept me alive that night.
I was sectioned under the Mental Health Act.
My Universal Credit journal said nothing.
We had 3 visits in 2 weeks.
About 1/2 the time nobody came.
I paid £1,250 for the deposit.
It was 10.45 when they arrived.
The form was 16 pages long.
I rang the Police and they never came.
Every Sunday we visit my dad.
I kept a diary through June and July.
The Ombudsman took a year to reply.
My daughter had her 5th birthday in hospital.
Jobcentre Plus sanctioned me again.
I got a Personal Independence Payment in the end.
Our GP practice closed in the summer.
The Mental Health Team discharged me.
I am autistic and the noise was too much.
The Royal Infirmary has long waits.
He was on the waiting list for 2 years.
Honestly, Social Services saved us.
""".strip().splitlines()

# Written after the checker was tuned on the lists above, and not tuned on: the fairer figure.
FRESH = """
[[name:Abdul]] at the pharmacy sorted my prescription.
The lady at reception, [[name:Sharon]], laughed at me.
I think it was [[name:Dr. Nowak]] on duty that night.
my mate [[name:gaz]] lent me his car
[[name:Jo]] and I have been together ten years.
The OT, [[name:Imogen]], measured the stairs.
Nobody except [[name:Ms Chaudhry]] took it seriously.
Our family support worker [[name:Leanne Marsh]] was great.
[[name:Yusuf]] is my youngest.
She introduced herself as [[name:Temitope]].
We were looked after by [[name:Sister O'Leary]].
I rang [[name:Claire]] at the housing office.
[[name:Aunty Bisi]] looked after the kids.
He kept calling me [[name:Becks]] which I hate.
The manager, a man named [[name:Piotr]], apologised.
I wrote to [[name:Councillor Hughes]] about the bins.
[[name:Ashok Mistry]] runs the lunch club.
Then a doctor, [[name:Dr Fiona Grant]], took over.
[[name:Gemma]]'s mum drove us.
[[name:Simon]] from the mental health team came out.
My partner [[name:Kai]] has been amazing.
Ring me on [[phone:07911 123456]].
my number is [[phone:07911123456]] text me
Call reception on [[phone:020 7946 0000]].
The crisis line is [[phone:0800 689 5652]].
My brother's number in Ireland, [[phone:+353 87 123 4567]].
Email [[email:help@carers-uk.org]] for the pack.
Mine is [[email:DEBS_1972@Hotmail.com]].
We live at [[address:23 Longfield Avenue]].
It was [[address:Flat 4B]] on the top floor.
Our address was [[address:5 Sycamore Way]], [[postcode:PE1 5AB]].
Send it to [[address:14 the Crescent]] please.
I was on [[address:Ward C]] for a month.
The address was [[address:77 Harbour View]], near the docks.
[[postcode:TN34 1QQ]] is where I grew up.
My postcode is [[postcode:ch41 2rp]].
On [[date:22nd December 2020]] he left.
I was seen on [[date:Wednesday 3rd]] by a locum.
It was [[date:11/11/19]] when it happened.
The tribunal was on [[date:October 7th]].
The date on the form was [[date:2019/06/30]].
My [[number:NHS number 612 345 6789]] was on the letter.
NI number [[number:YZ 12 34 56 A]].
""".strip().splitlines()

FRESH_CLEAN = """
The Mental Health Crisis Team came after midnight.
I rang the Council three times on Monday.
My GP practice is lovely.
Grace periods do not exist with Universal Credit.
Bill after bill kept coming.
Mark the date in your diary, they said.
The Red Cross gave us blankets.
I stood outside Tesco for an hour.
It took 11 weeks for a decision.
I was 15 when it started.
The waiting list is 18 months long.
We moved in 2016 and left in 2018.
He is in Reception class now.
The Hospital at Home team were brilliant.
I felt Invisible, like a Number.
We were housed in a B&B for 6 weeks.
My Carers Allowance stopped without warning.
I had 4 different social workers in 2 years.
The Job Centre in town closed.
It was Easter weekend and nobody answered.
Sunday mornings were the hardest.
The Food Bank only opens Tuesdays and Thursdays.
He got 2 out of 10 on the assessment.
A&E was rammed on a Saturday night.
We waited from June to September.
""".strip().splitlines()


MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


def parse(line: str) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos : m.start()]
        spans.append((m.group(1), len(text), len(text) + len(m.group(2))))
        text += m.group(2)
        pos = m.end()
    return text + line[pos:], spans


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def quality(title: str, marked: list[str], clean: list[str]) -> None:
    by_kind: dict[str, list[int]] = {}
    hits = false_alarms = findings = 0
    missed, alarms = [], []
    for line in marked + clean:
        text, spans = parse(line)
        details = find_details(text)
        findings += len(details)
        for kind, s, e in spans:
            ok = any(d.kind == kind and overlaps(s, e, d.start, d.end) for d in details)
            by_kind.setdefault(kind, [0, 0])[0 if ok else 1] += 1
            hits += ok
            if not ok:
                missed.append(f"{kind}: {text[s:e]!r} in {text!r}")
        for d in details:
            if not any(overlaps(s, e, d.start, d.end) for _, s, e in spans):
                false_alarms += 1
                alarms.append(f"{d.kind}: {d.text!r} in {text!r}")
    total = sum(a + b for a, b in by_kind.values())
    print(f"\n{title}")
    print(f"Recall    {hits}/{total} = {hits / total:.1%}")
    print(f"Precision {findings - false_alarms}/{findings} = {1 - false_alarms / findings:.1%}")
    for kind, (ok, miss) in sorted(by_kind.items()):
        print(f"  {kind:9} {ok}/{ok + miss}")
    print(
        f"Clean sentences with a false alarm: {sum(bool(find_details(c)) for c in clean)}/{len(clean)}"
    )
    for line in missed:
        print("  missed", line)
    for line in alarms:
        print("  false alarm", line)


def speed() -> None:
    words = " ".join(parse(line)[0] for line in EXAMPLES + CLEAN).split()
    story = " ".join((words * (1000 // len(words) + 1))[:1000])
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        find_details(story)
    per = (time.perf_counter() - started) / runs
    print(f"Speed: {per * 1000:.1f} ms per 1,000-word story (mean of {runs} runs)")


if __name__ == "__main__":
    speed()
    quality("Examples the checker was tuned on:", EXAMPLES, CLEAN)
    quality("Fresh examples, written after tuning:", FRESH, FRESH_CLEAN)
